package org.convlab.io.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.convlab.engine.Shape;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Padding;
import org.convlab.model.PoolSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pooling is where ONNX Runtime and PyTorch part ways: a ceil-mode average window that hangs past
 * the padded input is divided by its whole area in ORT (count_include_pad=1) but only by the part
 * inside the padded input in PyTorch and ConvLab. The exporter writes those pools as Pad + an
 * AveragePool with count_include_pad=0; these tests hold ORT to ConvLab on every combination.
 */
class OnnxExportPoolTest {
    @TempDir
    Path dir;

    private static NetworkSpec pool(String kind, int window, int stride, int pad, boolean ceil, int channels, int size) {
        PoolSpec p = new PoolSpec(null, kind.equals("max") ? PoolSpec.Kind.MAX : PoolSpec.Kind.AVG, window, window,
                stride, pad == 0 ? Padding.VALID : Padding.of(pad), ceil);
        return new NetworkSpec(Shape.of(channels, size, size), List.of(), List.of(p));
    }

    @ParameterizedTest(name = "{0} window {1} stride {2} padding {3} ceil {4} on {5}x{5}")
    @CsvSource({
        "avg, 2, 2, 0, true, 5", "avg, 2, 2, 0, true, 6", "avg, 3, 2, 1, true, 6", "avg, 3, 2, 1, true, 7",
        "avg, 3, 2, 1, false, 6", "avg, 2, 2, 1, true, 5", "avg, 3, 3, 1, true, 8", "avg, 3, 1, 1, false, 5",
        "max, 2, 2, 0, true, 7", "max, 3, 2, 1, true, 6", "max, 2, 2, 1, true, 5", "max, 3, 3, 0, false, 8"})
    void ortMatchesConvLab(String kind, int window, int stride, int pad, boolean ceil, int size) throws Exception {
        NetworkSpec spec = pool(kind, window, stride, pad, ceil, 2, size);
        Path file = dir.resolve("pool.onnx");
        OnnxExport.write(spec, file);
        OnnxExportCheck.compare(spec, file, 2);
    }

    /** Exact arithmetic: the average of ones is one, edge windows included (ORT alone gives 0.5 and 0.25 there). */
    @Test
    void ceilAveragesOfOnesAreOne() throws Exception {
        NetworkSpec spec = pool("avg", 2, 2, 0, true, 1, 5);
        Path file = dir.resolve("ones.onnx");
        OnnxExport.write(spec, file);
        float[] ones = new float[25];
        Arrays.fill(ones, 1f);
        float[] expected = new float[9];
        Arrays.fill(expected, 1f);
        try (OrtRunner ort = new OrtRunner(file)) {
            assertArrayEquals(expected, ort.run(ones, 1, new int[] {1, 5, 5}));
        }
    }

    /** With padding 1, a 3x3 window at stride 2 on 6x6 (ceil): corners see 4 of 9 cells, the last column 2 of 4 real ones. */
    @Test
    void paddedCeilAveragesCountPaddingButNotTheOverhang() throws Exception {
        NetworkSpec spec = pool("avg", 3, 2, 1, true, 1, 6);
        Path file = dir.resolve("padded.onnx");
        OnnxExport.write(spec, file);
        float[] ones = new float[36];
        Arrays.fill(ones, 1f);
        try (OrtRunner ort = new OrtRunner(file)) {
            float[] y = ort.run(ones, 1, new int[] {1, 6, 6});
            assertEquals(16, y.length);
            assertEquals(4f / 9, y[0], 1e-6);   // top-left: 2x2 real cells of a 3x3 window, padding counted
            assertEquals(2f / 6, y[3], 1e-6);   // top-right: rows -1..1 (3), columns 5..6 clipped at the padding (2): 2 real of 6
            assertEquals(1f / 4, y[15], 1e-6);  // bottom-right: 2x2 inside the padded input, 1 real cell
        }
    }
}
