package org.convlab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.convlab.UserInputException;
import org.convlab.io.Safetensors.FloatTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ConvLab's writer, read back by its reader bit for bit, and its bytes checked against the format field by field. */
class SafetensorsRoundTripTest {
    @TempDir
    Path dir;

    /** Random bit patterns of finite floats, plus the edge values, so rounding anywhere would show. */
    private static float[] values(int n, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            float f;
            do {
                f = Float.intBitsToFloat(r.nextInt());
            } while (!Float.isFinite(f));
            v[i] = f;
        }
        float[] edges = {-0.0f, 0.0f, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 1.5f};
        System.arraycopy(edges, 0, v, 0, Math.min(n, edges.length));
        return v;
    }

    private static void assertSameBits(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
                assertEquals(expected[i], actual[i], "value " + i);
            }
        }
    }

    private static Map<String, FloatTensor> sample() {
        Map<String, FloatTensor> t = new LinkedHashMap<>();
        t.put("fc.weight", FloatTensor.of(new int[] {3, 5}, values(15, 1)));
        t.put("conv.weight", new FloatTensor(new long[] {2, 1, 3, 3}, values(18, 2)));
        t.put("scale", new FloatTensor(new long[0], new float[] {-2.5f})); // a scalar: shape [], one value
        t.put("empty", new FloatTensor(new long[] {0}, new float[0]));
        t.put("empty2d", new FloatTensor(new long[] {4, 0}, new float[0]));
        // more values than one chunk (16,384 floats), ending mid-chunk
        t.put("big", new FloatTensor(new long[] {2 * 16384 + 3}, values(2 * 16384 + 3, 3)));
        return t;
    }

    @Test
    void writtenTensorsReadBackBitForBit() {
        Path f = dir.resolve("w.safetensors");
        Map<String, FloatTensor> tensors = sample();
        Safetensors.write(f, tensors, Map.of("format", "pt", "convlab", "1"));
        Safetensors.Contents c = Safetensors.read(f);
        assertEquals(Map.of("format", "pt", "convlab", "1"), c.metadata());
        assertEquals(List.of("big", "conv.weight", "empty", "empty2d", "fc.weight", "scale"), c.names());
        for (var e : tensors.entrySet()) {
            assertArrayEquals(e.getValue().shape(), c.shape(e.getKey()), e.getKey());
            assertSameBits(e.getValue().values(), c.floats(e.getKey()));
        }
    }

    @Test
    void emptyMetadataAndNoTensorsAreValidFiles() throws Exception {
        Path f = dir.resolve("none.safetensors");
        Safetensors.write(f, Map.of(), Map.of());
        byte[] b = Files.readAllBytes(f);
        // {} padded to 8: the length 8, then "{}" and six spaces, and no data
        assertArrayEquals(("{}      ").getBytes(StandardCharsets.US_ASCII), java.util.Arrays.copyOfRange(b, 8, 16));
        assertEquals(16, b.length);
        Safetensors.Contents c = Safetensors.read(f);
        assertTrue(c.metadata().isEmpty());
        assertTrue(c.names().isEmpty());

        Path g = dir.resolve("nometa.safetensors");
        Safetensors.write(g, Map.of("w", new FloatTensor(new long[] {1}, new float[] {7f})), Map.of());
        assertTrue(Safetensors.read(g).metadata().isEmpty());
        assertFalse(new String(Files.readAllBytes(g), StandardCharsets.UTF_8).contains("__metadata__"));
    }

    @Test
    void headerAndDataFollowTheFormatFieldByField() throws Exception {
        Path f = dir.resolve("h.safetensors");
        Map<String, FloatTensor> tensors = sample();
        Safetensors.write(f, tensors, Map.of("format", "pt"));
        byte[] b = Files.readAllBytes(f);
        long n = 0;
        for (int i = 7; i >= 0; i--) {
            n = (n << 8) | (b[i] & 0xff);
        }
        assertEquals(0, n % 8, "header padded to 8 bytes");
        String header = new String(b, 8, (int) n, StandardCharsets.UTF_8);
        String json = header.stripTrailing();
        assertTrue(json.endsWith("}"), header);
        assertEquals(" ".repeat(header.length() - json.length()), header.substring(json.length()), "padding is spaces");
        assertTrue(header.length() - json.length() < 8, "at most 7 spaces of padding");
        JsonNode root = new ObjectMapper().readTree(header);
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("__metadata__", "big", "conv.weight", "empty", "empty2d", "fc.weight", "scale"), keys);
        assertEquals("pt", root.get("__metadata__").get("format").textValue());
        assertEquals(1, root.get("__metadata__").size());
        long expectedBegin = 0;
        for (String name : keys.subList(1, keys.size())) {
            JsonNode entry = root.get(name);
            assertEquals(3, entry.size(), name + " has dtype, shape and data_offsets only");
            assertEquals("F32", entry.get("dtype").textValue());
            long[] shape = tensors.get(name).shape();
            assertEquals(shape.length, entry.get("shape").size());
            long count = 1;
            for (int i = 0; i < shape.length; i++) {
                assertEquals(shape[i], entry.get("shape").get(i).longValue());
                count *= shape[i];
            }
            assertEquals(expectedBegin, entry.get("data_offsets").get(0).longValue(), name);
            assertEquals(expectedBegin + 4 * count, entry.get("data_offsets").get(1).longValue(), name);
            // the data bytes: each float's bits, least significant byte first
            float[] v = tensors.get(name).values();
            for (int i = 0; i < v.length; i++) {
                int at = (int) (8 + n + expectedBegin + 4L * i);
                int bits = (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
                if (bits != Float.floatToRawIntBits(v[i])) {
                    assertEquals(Float.floatToRawIntBits(v[i]), bits, name + " value " + i);
                }
            }
            expectedBegin += 4 * count;
        }
        assertEquals(8 + n + expectedBegin, b.length, "no bytes after the last tensor");
    }

    @Test
    void namesAreOrderedByTheirUtf8Bytes() throws Exception {
        Map<String, FloatTensor> t = new LinkedHashMap<>();
        for (String name : new String[] {"z", "\u00e9", "a", "B", "a.b"}) {
            t.put(name, new FloatTensor(new long[] {1}, new float[] {1f}));
        }
        Path f = dir.resolve("order.safetensors");
        Safetensors.write(f, t, null);
        // 'B' 0x42 < 'a' 0x61 < "a.b" < 'z' 0x7A < 'é' 0xC3 0xA9
        assertEquals(List.of("B", "a", "a.b", "z", "\u00e9"), Safetensors.read(f).names());
    }

    @Test
    void aSaveReplacesTheOldFileAndLeavesNoTemporaryFiles() throws Exception {
        Path f = dir.resolve("r.safetensors");
        Files.writeString(f, "old");
        Safetensors.write(f, Map.of("w", new FloatTensor(new long[] {2}, new float[] {1f, 2f})), Map.of());
        assertArrayEquals(new float[] {1f, 2f}, Safetensors.read(f).floats("w"));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList());
        }
    }

    @Test
    void theWriterRefusesWhatTheReaderWouldRefuse() {
        Path f = dir.resolve("bad.safetensors");
        UserInputException e = assertThrows(UserInputException.class, () -> Safetensors.write(f,
                Map.of("fc.bias", new FloatTensor(new long[] {3}, new float[] {1f, Float.NaN, 2f})), Map.of()));
        assertEquals(f + ": tensor \"fc.bias\" value 1 is NaN; only finite weights are saved", e.getMessage());
        e = assertThrows(UserInputException.class, () -> Safetensors.write(f,
                Map.of("fc.weight", new FloatTensor(new long[] {2, 3}, new float[5])), Map.of()));
        assertTrue(e.getMessage().startsWith(f + ": tensor \"fc.weight\" has shape [2, 3] = 6 values, but 5"), e.getMessage());
        assertFalse(Files.exists(f));
    }
}
