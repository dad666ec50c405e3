package org.convlab.io.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.convlab.engine.Shape;
import org.convlab.io.ModelFormats;
import org.convlab.model.ActivationSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.ConvTransposeSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Padding;
import org.convlab.model.ParamData;
import org.convlab.model.UpsampleSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Transposed convolutions and upsampling, exported and run in ONNX Runtime (an independent
 * implementation of ConvTranspose and Resize): within 1e-4 of ConvLab's forward output.
 */
class OnnxExportUpsamplingTest {
    @TempDir
    Path dir;

    /** The layers' random weights, and a bias far from 0 so a dropped bias shows. */
    private static NetworkSpec withBias(NetworkSpec spec, long seed) {
        NetworkSpec full = ModelFormats.withAllWeights(spec, seed);
        SplittableRandom r = new SplittableRandom(seed);
        List<LayerSpec> layers = full.layers().stream().map(l -> l instanceof ConvTransposeSpec t && t.bias()
                ? (LayerSpec) t.withWeights(t.weight(), ParamData.filledBy(new int[] {t.filters()}, v -> {
                    for (int i = 0; i < v.length; i++) {
                        v[i] = (float) (r.nextDouble() - 0.5);
                    }
                })) : l).toList();
        return new NetworkSpec(full.input(), full.classes(), layers, full.preprocessing());
    }

    @ParameterizedTest(name = "{0} filters, kernel {1}x{2}, stride {3}, padding {4}, output padding {5}x{6}, dilation {7} on {8}x{9}")
    @CsvSource({
        "3, 3, 3, 2, 1, 1, 1, 1, 4, 5", "2, 2, 2, 2, 0, 0, 0, 1, 3, 3", "4, 4, 4, 2, 1, 0, 0, 1, 4, 4",
        "2, 3, 3, 1, 0, 0, 0, 1, 5, 5", "3, 3, 2, 3, 2, 2, 1, 1, 3, 4", "2, 3, 3, 2, 2, 1, 1, 2, 4, 3",
        "1, 5, 5, 1, 2, 0, 0, 3, 4, 4", "2, 1, 1, 2, 0, 1, 0, 1, 3, 3"})
    void convTransposeMatchesOrt(int filters, int kh, int kw, int stride, int padding, int aRows, int aCols,
                                 int dilation, int h, int w) throws Exception {
        ConvTransposeSpec t = new ConvTransposeSpec(null, filters, kh, kw, stride,
                padding == 0 ? Padding.VALID : Padding.of(padding), aRows, aCols, dilation, true, null, null);
        NetworkSpec spec = withBias(new NetworkSpec(Shape.of(2, h, w), List.of(), List.of(t)), 5);
        Path file = dir.resolve("convT.onnx");
        OnnxExport.write(spec, file);
        OnnxExportCheck.compare(spec, file, 1, 3);
    }

    @ParameterizedTest(name = "{0} x{1} on {2}x{3}")
    @CsvSource({"nearest, 2, 3, 4", "nearest, 3, 2, 5", "bilinear, 2, 3, 4", "bilinear, 3, 4, 2", "bilinear, 4, 1, 3",
        "nearest, 1, 3, 3", "bilinear, 2, 1, 1"})
    void upsampleMatchesOrt(String mode, int scale, int h, int w) throws Exception {
        UpsampleSpec u = new UpsampleSpec(null, scale, UpsampleSpec.Mode.parse(mode, "up"));
        NetworkSpec spec = new NetworkSpec(Shape.of(2, h, w), List.of(), List.of(u));
        Path file = dir.resolve("up.onnx");
        OnnxExport.write(spec, file);
        OnnxExportCheck.compare(spec, file, 1, 2);
    }

    /** Exact arithmetic: nearest x2 of [[1, 2], [3, 4]] repeats each value in a 2x2 block; bilinear x2 of [0, 1] is [0, .25, .75, 1]. */
    @Test
    void upsampledValuesAreTheTextbookOnes() throws Exception {
        NetworkSpec nearest = new NetworkSpec(Shape.of(1, 2, 2), List.of(), List.of(UpsampleSpec.of(2, UpsampleSpec.Mode.NEAREST)));
        Path file = dir.resolve("n.onnx");
        OnnxExport.write(nearest, file);
        try (OrtRunner ort = new OrtRunner(file)) {
            float[] y = ort.run(new float[] {1, 2, 3, 4}, 1, new int[] {1, 2, 2});
            assertEquals(List.of(1f, 1f, 2f, 2f, 1f, 1f, 2f, 2f, 3f, 3f, 4f, 4f, 3f, 3f, 4f, 4f), box(y));
        }
        NetworkSpec bilinear = new NetworkSpec(Shape.of(1, 1, 2), List.of(), List.of(UpsampleSpec.of(2, UpsampleSpec.Mode.BILINEAR)));
        Path file2 = dir.resolve("b.onnx");
        OnnxExport.write(bilinear, file2);
        try (OrtRunner ort = new OrtRunner(file2)) {
            float[] y = ort.run(new float[] {0, 1}, 1, new int[] {1, 1, 2});
            assertEquals(List.of(0f, 0.25f, 0.75f, 1f, 0f, 0.25f, 0.75f, 1f), box(y));
        }
    }

    /** A small encoder-decoder: conv down, transposed conv up with output padding, both upsample modes, a conv on top. */
    @Test
    void encoderDecoder() throws Exception {
        NetworkSpec spec = withBias(encoderDecoderNet(), 9);
        Path file = dir.resolve("ed.onnx");
        OnnxExport.write(spec, file);
        OnnxExportCheck.compare(spec, file, 2);
    }

    static NetworkSpec encoderDecoderNet() {
        return new NetworkSpec(Shape.of(1, 7, 7), List.of(), List.of(
                new ConvSpec(null, 4, 3, 3, 2, Padding.of(1), 1, true, false, null, null),
                ActivationSpec.relu(),
                ConvTransposeSpec.of(3, 3, 2, 1, 1),
                UpsampleSpec.of(2, UpsampleSpec.Mode.NEAREST),
                UpsampleSpec.of(2, UpsampleSpec.Mode.BILINEAR),
                new ConvSpec(null, 2, 2, 2, 2, Padding.VALID, 1, false, false, null, null)));
    }

    private static List<Float> box(float[] v) {
        java.util.ArrayList<Float> out = new java.util.ArrayList<>();
        for (float f : v) {
            out.add(f);
        }
        return out;
    }
}
