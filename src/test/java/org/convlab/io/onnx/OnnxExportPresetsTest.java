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
 * AlexNet, ZFNet and VGG-16 (large weights, slow forward passes) are in {@link OnnxExportPresetsLongTest}.
 */
class OnnxExportPresetsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"xo", "lenet5", "tinyvgg", "mnist1d", "mlp-mnist1d"})
    void smallPresetsMatchForward(String name) throws Exception {
        checkPreset(name, dir, 3);
    }

    /** GoogLeNet (inception, LRN, ceil pools) and ResNet-18 (residual, batch norm) at 224x224: about 2.5 s each. */
    @ParameterizedTest
    @ValueSource(strings = {"googlenet", "resnet18"})
    void blockPresetsMatchForward(String name) throws Exception {
        checkPreset(name, dir, 2);
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
