package org.convlab.io.onnx;

import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The heavy ImageNet presets against ONNX Runtime, as {@link OnnxExportPresetsTest} does the
 * others. Measured on 2 cores: AlexNet 12 s, ZFNet 20 s, VGG-16 26 s (two exports, two ORT
 * sessions, batch 2), and VGG-16 needs a heap of about 2 GB: only with {@code -Dconvlab.longTests=true}.
 */
@EnabledIfSystemProperty(named = "convlab.longTests", matches = "true")
class OnnxExportPresetsLongTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"alexnet", "zfnet", "vgg16"})
    void imageNetPresetsMatchForward(String name) throws Exception {
        long t0 = System.nanoTime();
        OnnxExportPresetsTest.checkPreset(name, dir, 2);
        System.out.printf("%s: exported twice and compared with ONNX Runtime in %.1f s%n", name, (System.nanoTime() - t0) / 1e9);
    }
}
