package org.convlab.io.onnx;

import java.nio.file.Path;
import java.util.List;
import org.convlab.model.LayerSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Presets;
import org.convlab.model.SoftmaxSpec;
import org.convlab.io.ModelFormats;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The small presets, with the weights their seed gives, run in ONNX Runtime: the file's output
 * equals ConvLab's {@code forward} (the probabilities: every preset ends with softmax), and the
 * same net without its softmax gives the raw logits, which show a wrong weight far more plainly.
 * The ImageNet-size presets (seconds each) are in {@link OnnxExportPresetsLongTest}; the layer types
 * they add (inception, residual, batch norm, LRN) are checked by default on small trained nets
 * in {@link OnnxExportLayersTest}.
 */
class OnnxExportPresetsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"xo", "lenet5", "tinyvgg", "mnist1d", "mlp-mnist1d"})
    void smallPresetsMatchForward(String name) throws Exception {
        checkPreset(name, dir, 3);
    }

    static void checkPreset(String name, Path dir, int batch) throws Exception {
        NetworkSpec full = ModelFormats.withAllWeights(Presets.get(name).network(), 7);
        Path file = dir.resolve(name + ".onnx");
        OnnxExport.write(full, file);
        OnnxExportCheck.compare(full, file, batch);
        NetworkSpec logits = withoutSoftmax(full);
        Path raw = dir.resolve(name + "-logits.onnx");
        OnnxExport.write(logits, raw);
        OnnxExportCheck.compare(logits, raw, batch);
    }

    static NetworkSpec withoutSoftmax(NetworkSpec spec) {
        List<LayerSpec> layers = spec.layers();
        if (!(layers.get(layers.size() - 1) instanceof SoftmaxSpec)) {
            return spec;
        }
        return new NetworkSpec(spec.input(), spec.classes(), layers.subList(0, layers.size() - 1), spec.preprocessing());
    }
}
