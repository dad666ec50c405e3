package org.convlab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The feature maps as CSV: read back, every block holds the slides' numbers (the golden
 * numerators over 9) and every float comes back bit for bit; numbers are plain decimals.
 */
class SnapshotCsvTest {
    /** Blocks by header line, each the values row by row. */
    private static Map<String, List<float[]>> parse(String csv) {
        Map<String, List<float[]>> blocks = new LinkedHashMap<>();
        List<float[]> current = null;
        for (String line : csv.split("\n")) {
            if (line.startsWith("# ")) {
                current = new ArrayList<>();
                blocks.put(line.substring(2), current);
            } else if (!line.isBlank()) {
                String[] cells = line.split(",");
                float[] row = new float[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    row[i] = Float.parseFloat(cells[i]);
                }
                current.add(row);
            }
        }
        return blocks;
    }

    @Test
    void goldenMapsRoundTrip() {
        ActivationSnapshot s = new NetworkTracer(TraceData.xoNetwork(true)).snapshot(TraceData.lessonX());
        String csv = SnapshotCsv.of(s);
        assertFalse(csv.contains("E"), "no exponents");
        Map<String, List<float[]>> blocks = parse(csv);
        for (int f = 0; f < 3; f++) {
            List<float[]> conv = blocks.get("layer 0 conv1 (conv), channel " + f + " of 3, shape 7x7");
            List<float[]> pooled = blocks.get("layer 2 pool1 (maxpool), channel " + f + " of 3, shape 4x4");
            int[][] sums = XoTraceTest.golden("feature_map_sums", TraceData.FEATURES[f]);
            int[][] pooledSums = XoTraceTest.golden("relu_pooled_sums", TraceData.FEATURES[f]);
            assertEquals(7, conv.size());
            assertEquals(4, pooled.size());
            for (int r = 0; r < 7; r++) {
                for (int c = 0; c < 7; c++) {
                    assertEquals(sums[r][c] / 9f, conv.get(r)[c], 1e-6f, "conv " + f + " at " + r + "," + c);
                    assertEquals(s.layer(0).value(f, r, c), conv.get(r)[c], 0f, "bit for bit");
                }
            }
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 4; c++) {
                    assertEquals(pooledSums[r][c] / 9f, pooled.get(r)[c], 1e-6f, "pool " + f + " at " + r + "," + c);
                }
            }
        }
        List<float[]> input = blocks.get("input, channel 0 of 1, shape 9x9");
        assertEquals(-1f, input.get(0)[0], 0f);
        assertEquals(1f, input.get(1)[1], 0f);
        assertEquals(1, blocks.get("layer 4 fc1 (dense), flat, shape 2").size());
        assertTrue(blocks.containsKey("layer 5 softmax1 (softmax), flat, shape 2"), blocks.keySet().toString());
    }

    @Test
    void plainDecimalsReadBackAsTheSameFloat() {
        assertEquals("0.00001", SnapshotCsv.plain(1e-5f));
        assertEquals("0.7777778", SnapshotCsv.plain(7 / 9f));
        assertEquals("-0", SnapshotCsv.plain(-0f));
        assertEquals("NaN", SnapshotCsv.plain(Float.NaN));
        for (float v : new float[] {123456789f, Float.MIN_VALUE, Float.MAX_VALUE, -3.4028235e38f, 1.1754944e-38f, 0.1f, -2.5f}) {
            String s = SnapshotCsv.plain(v);
            assertFalse(s.contains("E"), s);
            assertEquals(Float.floatToIntBits(v), Float.floatToIntBits(Float.parseFloat(s)), s);
        }
    }
}
