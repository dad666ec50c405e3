package org.convlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.convlab.UserInputException;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 2: sizes are counted in 64 bits from the model file to the last count. Expected
 * values are computed here with exact arithmetic (longs with multiplyExact, or BigInteger), never
 * taken from the code under test.
 */
class SizesBeyondIntTest {
    private static final long MAX_INT = Integer.MAX_VALUE;

    private static NetworkSpec model(String input, String layers) {
        return ModelReader.read("{\"input\": " + input + ", \"layers\": " + layers + "}", "m.json");
    }

    private static String nine(int c, int h, int w) {
        return "{\"channels\": " + c + ", \"height\": " + h + ", \"width\": " + w + "}";
    }

    @Test
    void aPaddingOf2To31Minus1GivesAWidthBeyondAnInt() {
        NetworkSpec net = model(nine(1, 1, 9), "[{\"type\": \"conv\", \"name\": \"conv1\", \"filters\": 1, "
                + "\"kernel\": [1, 3], \"padding\": [0, 2147483647]}]");
        LayerInfo conv = ShapeInference.infer(net).get(0);
        long width = (9 - 3 + 2 * MAX_INT) / 1 + 1;
        assertEquals(4_294_967_301L, width);
        assertEquals(new Dims(1, 1, width), conv.outputDims());
        assertEquals("(9 - 3 + 2*2147483647)/1 + 1 = 4294967301", conv.formula());
        assertEquals(width, conv.activations());
        assertEquals(Math.multiplyExact(width, 3L), conv.multiplyAdds());
        ModelSummary s = ModelSummary.of(net);
        assertEquals(9 + width, s.totalActivations());
        String table = SummaryReport.table(s);
        assertTrue(table.contains("1x4294967301x1") && table.contains("4,294,967,301"), table);
        // the engine cannot hold it: the layer is named, with the exact sizes
        assertEquals("layer conv1: its output 1 x 1 x 4,294,967,301 has more values than one tensor can hold (2^31 - 1)",
                assertThrows(UserInputException.class, conv::output).getMessage());
    }

    @Test
    void aPaddingOf2To31Minus1OnBothAxesOverflowsALongAndIsRefusedByName() {
        NetworkSpec net = model(nine(1, 9, 9), "[{\"type\": \"conv\", \"name\": \"conv1\", \"filters\": 1, "
                + "\"kernel\": 3, \"padding\": 2147483647}]");
        BigInteger side = BigInteger.valueOf(4_294_967_301L);
        assertTrue(side.multiply(side).compareTo(BigInteger.valueOf(Long.MAX_VALUE)) > 0, "the count passes a long");
        String m = assertThrows(UserInputException.class, () -> ModelSummary.of(net)).getMessage();
        assertTrue(m.startsWith("layer conv1: its output 1 x 4,294,967,301 x 4,294,967,301 ((9 - 3 + 2*2147483647)/1 + 1"
                + " = 4294967301) has more values than a 64-bit number can count"), m);
        assertEquals(1, m.lines().count());
    }

    @Test
    void aDenseLayerOf2To31Minus1UnitsIsCountedExactly() {
        NetworkSpec net = model(nine(1, 28, 28), "[{\"type\": \"flatten\"}, {\"type\": \"dense\", \"name\": \"fc\", "
                + "\"units\": 2147483647}]");
        ModelSummary s = ModelSummary.of(net);
        BigInteger units = BigInteger.valueOf(MAX_INT);
        BigInteger params = BigInteger.valueOf(784).multiply(units).add(units);
        assertEquals(params.longValueExact(), s.totalParams());
        assertEquals(BigInteger.valueOf(784).multiply(units).longValueExact(), s.totalMultiplyAdds());
        assertEquals(784 + MAX_INT, s.totalActivations());
        assertTrue(SummaryReport.table(s).contains("1,685,774,662,895"), SummaryReport.table(s));
        assertEquals(params.multiply(BigInteger.valueOf(4)).longValueExact(), MemoryEstimate.of(s).weightBytes());
        String json = SummaryReport.json(s);
        assertTrue(json.contains("\"total_params\":" + params), json);
    }

    @Test
    void aDilationOf2To31Minus1GivesAReceptiveFieldBeyondAnInt() {
        NetworkSpec net = model(nine(1, 9, 9), "[{\"type\": \"conv\", \"name\": \"conv1\", \"filters\": 1, "
                + "\"kernel\": 3, \"dilation\": 2147483647, \"padding\": \"same\"}]");
        LayerInfo conv = ShapeInference.infer(net).get(0);
        long effective = Math.addExact(Math.multiplyExact(MAX_INT, 2L), 1L); // d*(k - 1) + 1
        assertEquals(4_294_967_295L, effective);
        assertEquals(effective, conv.receptiveHeight());
        assertEquals(effective, conv.receptiveWidth());
        assertEquals(1, conv.jump());
        assertEquals(new Dims(1, 9, 9), conv.outputDims()); // 'same' keeps 9x9
        assertEquals("(9 - 4294967295 + 2*2147483647)/1 + 1 = 9", conv.formula());
        assertEquals(List.of(MAX_INT, MAX_INT), List.of(conv.paddingDims()[0], conv.paddingDims()[1]));
    }

    @Test
    void aJumpBeyondAnIntIsCounted() {
        // two layers of stride 65536 (2^16): the jump is 2^32
        NetworkSpec net = model(nine(1, 1, 1), "[{\"type\": \"conv\", \"filters\": 1, \"kernel\": 1, \"stride\": 65536},"
                + " {\"type\": \"conv\", \"filters\": 1, \"kernel\": 1, \"stride\": 65536}]");
        List<LayerInfo> infos = ShapeInference.infer(net);
        assertEquals(1L << 32, infos.get(1).jump());
    }

    @Test
    void theMemoryEstimateOfVgg16CountsItsWeightsExactly() {
        ModelSummary s = ModelSummary.of(Presets.get("vgg16").network());
        MemoryEstimate m = MemoryEstimate.of(s);
        assertEquals(138_357_544L * 4, m.weightBytes()); // the slides' parameter count, 4 bytes each
        assertEquals(138_357_544L * 4, m.gradientBytes());
        assertEquals(2 * 138_357_544L * 4, m.optimizerBytes(2));
        assertEquals(Math.multiplyExact(32L, m.trainingBytesPerImage()) + m.weightBytes() * 2 + m.weightBytes(),
                m.trainingBytes(32, 1));
        assertTrue(m.activationBytesPerImage() >= 15_237_608L * 4, "at least the slides' activations");
    }

    @Test
    void dimsRefuseTheEngineShapeWithTheLayersName() {
        Dims d = new Dims(1, 4_294_967_301L, 4_294_967_301L);
        assertEquals("layer conv1: its output 1 x 4,294,967,301 x 4,294,967,301 has more values than one tensor can hold"
                + " (2^31 - 1)", assertThrows(UserInputException.class, () -> d.toShape("layer conv1", "output")).getMessage());
        assertEquals(MAX_INT, new Dims(MAX_INT, 1, 1).toShape("x", "output").size());
    }
}
