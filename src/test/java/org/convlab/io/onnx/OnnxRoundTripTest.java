package org.convlab.io.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.convlab.io.ModelFormats;
import org.convlab.model.ModelFiles;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Preprocessing;
import org.convlab.nn.Network;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Export, then import: the same model comes back (layers, names, every number of every tensor,
 * class names, preprocessing) and gives the same outputs bit for bit. Written as a model file and
 * read back, it is the same file.
 */
class OnnxRoundTripTest {
    @TempDir
    Path dir;

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of("preset:xo", ModelFormats.load("preset:xo")),
                Arguments.of("preset:lenet5", ModelFormats.load("preset:lenet5")),
                Arguments.of("preset:tinyvgg", ModelFormats.load("preset:tinyvgg")),
                Arguments.of("preset:mnist1d", ModelFormats.load("preset:mnist1d")),
                Arguments.of("preset:mlp-mnist1d", ModelFormats.load("preset:mlp-mnist1d")),
                Arguments.of("batch norm", OnnxExportModels.trained(OnnxExportModels.batchNormNet(), 3)),
                Arguments.of("LRN", OnnxExportModels.trained(OnnxExportModels.lrnNet(), 4)),
                Arguments.of("inception", OnnxExportModels.trained(OnnxExportModels.inceptionNet(), 5)),
                Arguments.of("residual", OnnxExportModels.trained(OnnxExportModels.residualNet(), 6)),
                Arguments.of("normalize", OnnxExportModels.trained(OnnxExportModels.normalizeNet(), 7)),
                Arguments.of("1D", OnnxExportModels.trained(OnnxExportModels.oneDimensionalNet(), 8)),
                Arguments.of("blocks on vectors", OnnxExportModels.trained(OnnxExportModels.flatBlocksNet(), 9)),
                Arguments.of("transposed conv and upsampling", OnnxExportModels.trained(
                        OnnxExportUpsamplingTest.encoderDecoderNet(), 10)));
    }

    /** The ImageNet-size presets: 7-138M weights, seconds each, so only with -Dconvlab.longTests=true. */
    static Stream<Arguments> largeModels() {
        return Stream.of("alexnet", "zfnet", "googlenet", "resnet18", "vgg16")
                .map(p -> Arguments.of("preset:" + p, ModelFormats.load("preset:" + p)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("largeModels")
    void largePresetsComeBackTheSame(String what, NetworkSpec model) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("convlab.longTests"),
                "ImageNet-size presets run with -Dconvlab.longTests=true");
        exportThenImportGivesTheSameModel(what, model);
    }

    /** A sound model's spectrogram window and hop travel in convlab.preprocessing and come back. */
    @org.junit.jupiter.api.Test
    void aSpectrogramModelKeepsItsWindowAndHop() throws Exception {
        NetworkSpec original = ModelFormats.withAllWeights(ModelFormats.load("preset:lenet5")
                .withPreprocessing(Preprocessing.of("unit", "stretch").withSpectrogram(512, 100)), 3);
        Path onnx = dir.resolve("s.onnx");
        OnnxExport.write(original, onnx);
        Preprocessing back = OnnxImport.read(onnx, null).preprocessing();
        assertEquals(512, back.spectrogram().window());
        assertEquals(100, back.spectrogram().hop());
        assertEquals(original.preprocessing(), back);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void exportThenImportGivesTheSameModel(String what, NetworkSpec model) throws Exception {
        NetworkSpec original = ModelFormats.withAllWeights(
                model.withPreprocessing(Preprocessing.of("symmetric", "crop")), 11);
        Path onnx = dir.resolve("m.onnx");
        OnnxExport.write(original, onnx);
        NetworkSpec back = OnnxImport.read(onnx, null);

        Path a = dir.resolve("original.json");
        Path b = dir.resolve("back.json");
        ModelFiles.write(a, original);
        ModelFiles.write(b, back);
        assertEquals(java.nio.file.Files.readString(a), java.nio.file.Files.readString(b),
                what + ": the imported model's file differs from the original's");

        int n = original.input().size();
        float[] x = OnnxExportCheck.randomInput(2 * n, 42);
        Network before = Network.build(original, 0);
        Network after = Network.build(back, 0);
        assertArrayEquals(before.forward(x, 2, false).clone(), after.forward(x, 2, false).clone(), what);
        assertEquals(List.copyOf(original.classes()), back.classes());
    }
}
