package org.convlab.io.onnx;

import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ImageNet-size presets against ONNX Runtime, as {@link OnnxExportPresetsTest} does the
 * small ones. Measured on 2 shared cores (two exports, two ORT sessions, batch 2 each): AlexNet
 * 12 s, ZFNet 20 s, GoogLeNet 2.4 to 16 s, ResNet-18 2.4 to 7.6 s (warm or cold JVM), VGG-16
 * 26 s with a heap of a few GB: only with {@code -Dconvlab.longTests=true}.
 */
@EnabledIfSystemProperty(named = "convlab.longTests", matches = "true")
class OnnxExportPresetsLongTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"alexnet", "zfnet", "googlenet", "resnet18", "vgg16"})
    void imageNetPresetsMatchForward(String name) throws Exception {
        long t0 = System.nanoTime();
        OnnxExportPresetsTest.checkPreset(name, dir, 2);
        System.out.printf("%s: exported twice and compared with ONNX Runtime in %.1f s%n", name, (System.nanoTime() - t0) / 1e9);
    }
}
