package org.convlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Model files: reading, the error messages with JSON paths, and the round trip. */
class ModelJsonTest {
    private static final String HEAD = "{\"format\": \"convlab-model\", \"version\": 1, "
            + "\"input\": {\"channels\": 1, \"height\": 28, \"width\": 28}, \"classes\": [\"a\", \"b\"], \"layers\": ";

    private static NetworkSpec read(String layers) {
        return ModelReader.read(HEAD + layers + "}", "m.json");
    }

    private static String error(String layers) {
        return assertThrows(UserInputException.class, () -> read(layers)).getMessage();
    }

    @Test
    void readsTheDesignExampleWithDefaultsAndNames() {
        NetworkSpec n = read("[{\"type\": \"conv\", \"name\": \"conv1\", \"filters\": 6, \"kernel\": 5, \"stride\": 1,"
                + " \"padding\": \"same\", \"dilation\": 1}, {\"type\": \"relu\"}, {\"type\": \"maxpool\", \"window\": 2},"
                + " {\"type\": \"flatten\"}, {\"type\": \"dense\", \"units\": 2}]");
        assertEquals(Shape.of(1, 28, 28), n.input());
        assertEquals(List.of("conv1", "relu1", "pool1", "flatten1", "fc1"), n.layers().stream().map(LayerSpec::name).toList());
        ConvSpec c = (ConvSpec) n.layers().get(0);
        assertEquals(Padding.SAME, c.padding());
        assertTrue(c.bias());
        PoolSpec p = (PoolSpec) n.layers().get(2);
        assertEquals(2, p.stride()); // PyTorch: stride defaults to the window
        assertEquals("(28 - 5 + 2*2)/1 + 1 = 28", ShapeInference.infer(n).get(0).formula());
    }

    @Test
    void readsInlineTensorsAsDataAndAsBase64() {
        // 1.0f = 00 00 80 3F, 2.0f = 00 00 00 40 little endian
        NetworkSpec n = read("[{\"type\": \"dense\", \"units\": 2, \"weight\": {\"shape\": [2, 1], \"base64\": \"AACAPwAAAEA=\"},"
                + " \"bias\": {\"shape\": [2], \"data\": [0.5, -1]}}]");
        DenseSpec d = (DenseSpec) n.layers().get(0);
        assertArrayEquals(new float[] {1f, 2f}, d.weight().data());
        assertArrayEquals(new float[] {0.5f, -1f}, d.biasData().data());
        // the weight must fit the input: 28*28 inputs, not 1
        String m = assertThrows(UserInputException.class, () -> ShapeInference.infer(n)).getMessage();
        assertTrue(m.contains("fc1.weight") && m.contains("[2, 784]"), m);
    }

    @Test
    void negativeStrideNamesThePath() {
        String m = error("[{\"type\": \"relu\"}, {\"type\": \"relu\"}, {\"type\": \"relu\"},"
                + " {\"type\": \"conv\", \"filters\": 2, \"kernel\": 3, \"stride\": -1}]");
        assertEquals("m.json: layers[3].stride: must be a positive integer, got -1", m);
    }

    @Test
    void unknownFieldWrongTypeMissingFieldAndUnknownType() {
        assertTrue(error("[{\"type\": \"conv\", \"filters\": 2, \"kernel\": 3, \"strde\": 2}]")
                .startsWith("m.json: layers[0].strde: unknown field for a conv layer"));
        assertEquals("m.json: layers[0].filters: must be a positive integer, got \"2\"",
                error("[{\"type\": \"conv\", \"filters\": \"2\", \"kernel\": 3}]"));
        assertEquals("m.json: layers[0].kernel: missing required field", error("[{\"type\": \"conv\", \"filters\": 2}]"));
        assertTrue(error("[{\"type\": \"convolution\"}]")
                .startsWith("m.json: layers[0].type: unknown layer type \"convolution\" (known: avgpool, batchnorm"));
        assertEquals("m.json: layers[0].ceil: must be true or false, got 1",
                error("[{\"type\": \"maxpool\", \"window\": 2, \"ceil\": 1}]"));
        assertEquals("m.json: layers[1].rate: must be in [0, 1), got 1.5",
                error("[{\"type\": \"flatten\"}, {\"type\": \"dropout\", \"rate\": 1.5}]"));
    }

    @Test
    void samePaddingOnAnEvenKernelAndHugeSizesAreUserErrors() {
        assertTrue(error("[{\"type\": \"conv\", \"filters\": 1, \"kernel\": 4, \"padding\": \"same\"}]")
                .startsWith("m.json: layers[0].padding: 'same' needs an odd kernel size, got 4x4"));
        // a model too large to build is still counted (issue 13): only its engine shape is refused
        NetworkSpec huge = read("[{\"type\": \"conv\", \"filters\": 10000000, \"kernel\": 1}]");
        LayerInfo conv = ShapeInference.infer(huge).get(0);
        Dims in = conv.inputDims();
        assertEquals(Math.multiplyExact(10_000_000L, in.height() * in.width()), conv.activations());
        String m = assertThrows(UserInputException.class, conv::output).getMessage();
        assertEquals("layer conv1: its output 10,000,000 x " + in.height() + " x " + in.width()
                + " has more values than one tensor can hold (2^31 - 1)", m);
        assertTrue(assertThrows(UserInputException.class, () -> ModelReader.read(
                "{\"input\": {\"channels\": 3, \"height\": 100000, \"width\": 100000}, \"layers\": []}", "m.json"))
                .getMessage().startsWith("m.json: input: is too large"));
    }

    @Test
    void errorsInsideBlocksNameTheNestedPath() {
        String m = error("[{\"type\": \"inception\", \"branches\": [[{\"type\": \"conv\", \"filters\": 1, \"kernel\": 1}],"
                + " [{\"type\": \"conv\", \"filters\": 0, \"kernel\": 1}]]}]");
        assertEquals("m.json: layers[0].branches[1][0].filters: must be a positive integer, got 0", m);
    }

    @Test
    void topLevelProblems() {
        assertTrue(assertThrows(UserInputException.class, () -> ModelReader.read("{\"layers\": []}", "m.json"))
                .getMessage().startsWith("m.json: input: missing required field"));
        assertTrue(assertThrows(UserInputException.class, () -> ModelReader.read(HEAD + "[], \"extra\": 1}", "m.json"))
                .getMessage().startsWith("m.json: extra: unknown field"));
        assertTrue(assertThrows(UserInputException.class,
                () -> ModelReader.read("{\"format\": \"onnx\", \"input\": {}, \"layers\": []}", "m.json"))
                .getMessage().startsWith("m.json: format: must be \"convlab-model\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"this is not json", "{\"input\": ", "PNG\u0000\u0001binary", ""})
    void notJsonAtAllIsOneClearLine(String text) {
        String m = assertThrows(UserInputException.class, () -> ModelReader.read(text, "m.json")).getMessage();
        assertTrue(m.startsWith("m.json: "), m);
        assertTrue(m.contains("JSON"), m);
        assertEquals(1, m.lines().count(), m);
    }

    @Test
    void tensorWithWrongCountIsRefused() {
        assertEquals("m.json: layers[0].bias: shape [2] holds 2 values but data has 3",
                error("[{\"type\": \"dense\", \"units\": 2, \"bias\": {\"shape\": [2], \"data\": [1, 2, 3]}}]"));
    }

    @Test
    void strideThreeOnSevenBySevenInAFileShowsTheArithmetic() {
        NetworkSpec n = ModelReader.read("{\"input\": {\"channels\": 1, \"height\": 7, \"width\": 7}, \"layers\": "
                + "[{\"type\": \"conv\", \"filters\": 1, \"kernel\": 3, \"stride\": 3}]}", "m.json");
        String m = assertThrows(UserInputException.class, () -> ModelSummary.of(n)).getMessage();
        assertTrue(m.contains("(7 - 3)/3 + 1 = 2.33") && m.contains("conv1") && m.contains("does not fit"), m);
    }

    @Test
    void everyPresetSurvivesWriteReadUnchanged() {
        for (String name : Presets.names()) {
            NetworkSpec net = Presets.get(name).network();
            String text = ModelWriter.write(net);
            NetworkSpec back = ModelReader.read(text, name);
            assertEquals(net, back, name);
            assertEquals(text, ModelWriter.write(back), name);
            assertEquals(net, ModelReader.read(ModelWriter.write(net, true), name), name);
        }
    }

    @Test
    void roundTripKeepsTrainedWeightsBitForBit(@TempDir Path dir) throws Exception {
        float[] w = {0.1f, -3.4028235e38f, Float.MIN_VALUE, 1e-7f, -0f, 7f};
        NetworkSpec net = new NetworkSpec(Shape.of(3, 1, 1), List.of("x", "y"), List.of(
                new DenseSpec("out", 2, true, new ParamData(new int[] {2, 3}, w), new ParamData(new int[] {2}, new float[] {1, 2})),
                BatchNormSpec.standard().withTensors(null, null, new ParamData(new int[] {2}, new float[] {0.25f, 0.5f}),
                        new ParamData(new int[] {2}, new float[] {1f, 4f}))));
        Path file = dir.resolve("sub/model.json");
        ModelFiles.write(file, net);
        NetworkSpec back = ModelFiles.read(file);
        assertEquals(net, back);
        assertArrayEquals(w, ((DenseSpec) back.layers().get(0)).weight().data());
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList()); // no temporary file left behind
        }
        assertNull(((BatchNormSpec) back.layers().get(1)).gamma());
    }

    @Test
    void missingFileIsAUserError() {
        String m = assertThrows(UserInputException.class, () -> ModelSource.load("/nonexistent/m.json")).getMessage();
        assertEquals("/nonexistent/m.json: no such model file", m);
    }
}
