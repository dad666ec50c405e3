package org.convlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;
import org.junit.jupiter.api.Test;

/** The output-size rule and the worked examples of golden/architectures-seed.md. */
class ConvArithmeticTest {
    private static LayerInfo one(Shape in, LayerSpec layer) {
        return ShapeInference.infer(new NetworkSpec(in, List.of(), List.of(layer))).get(0);
    }

    @Test
    void sevenBySevenWithThreeByThreeAtStrideOneAndTwo() {
        assertEquals(Shape.of(1, 5, 5), one(Shape.of(1, 7, 7), ConvSpec.of(1, 3, 1, Padding.VALID)).output());
        assertEquals(Shape.of(1, 3, 3), one(Shape.of(1, 7, 7), ConvSpec.of(1, 3, 2, Padding.VALID)).output());
    }

    @Test
    void strideThreeIsRefusedWithTheArithmetic() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> one(Shape.of(1, 7, 7), ConvSpec.of(1, 3, 3, Padding.VALID)));
        assertTrue(e.getMessage().contains("(7 - 3)/3 + 1 = 2.33"), e.getMessage());
        assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
        assertTrue(e.getMessage().startsWith("conv1"), e.getMessage());
    }

    @Test
    void samePaddingIsHalfTheOddKernel() {
        assertEquals(Shape.of(1, 7, 7), one(Shape.of(1, 7, 7), ConvSpec.of(1, 3, 1, Padding.of(1))).output());
        assertEquals(Shape.of(1, 7, 7), one(Shape.of(1, 7, 7), ConvSpec.of(1, 3, 1, Padding.SAME)).output());
        assertEquals(List.of(1, 2, 3), List.of(Padding.SAME.resolve(3, 3, 1, "c")[0],
                Padding.SAME.resolve(5, 5, 1, "c")[0], Padding.SAME.resolve(7, 7, 1, "c")[0]));
        assertThrows(UserInputException.class, () -> ConvSpec.of(1, 4, 1, Padding.SAME));
    }

    @Test
    void repeatedFiveByFiveValidShrinks32To28To24() {
        NetworkSpec net = new NetworkSpec(Shape.of(3, 32, 32), List.of(),
                List.of(ConvSpec.of(6, 5, 1, Padding.VALID), ConvSpec.of(6, 5, 1, Padding.VALID)));
        List<LayerInfo> infos = ShapeInference.infer(net);
        assertEquals(Shape.of(6, 28, 28), infos.get(0).output());
        assertEquals(Shape.of(6, 24, 24), infos.get(1).output());
    }

    @Test
    void oneDimensionalConvGivesTMinusMPlusOneAndWithPaddingPlusTwoP() {
        // T = 40, M = 3: 38 outputs; with P = 2: 40 - 3 + 4 + 1 = 42
        LayerSpec k3 = new ConvSpec(null, 1, 1, 3, 1, Padding.VALID, 1, true, false, null, null);
        assertEquals(Shape.of(1, 1, 38), one(Shape.of(1, 1, 40), k3).output());
        LayerSpec k3p2 = new ConvSpec(null, 1, 1, 3, 1, Padding.of(0, 2), 1, true, false, null, null);
        assertEquals(Shape.of(1, 1, 42), one(Shape.of(1, 1, 40), k3p2).output());
    }

    @Test
    void xoPoolingWithCeilKeepsPartialWindows() {
        PoolSpec ceil = PoolSpec.max(2, 2).withCeil(true);
        assertEquals(Shape.of(3, 4, 4), one(Shape.of(3, 7, 7), ceil).output());
    }

    @Test
    void eightByEightWithOneThreeByThreeFilter() {
        NetworkSpec net = new NetworkSpec(Shape.of(1, 8, 8), List.of(),
                List.of(ConvSpec.of(1, 3, 1, Padding.VALID), PoolSpec.max(2, 2)));
        List<LayerInfo> infos = ShapeInference.infer(net);
        assertEquals(Shape.of(1, 6, 6), infos.get(0).output());
        assertEquals(10, infos.get(0).params());
        assertEquals(324, infos.get(0).multiplyAdds()); // connections 6x6x1 x 3x3x1
        assertEquals(Shape.of(1, 3, 3), infos.get(1).output());
    }

    @Test
    void tenFiveByFiveFiltersWithPadTwoOn32x32x3() {
        LayerInfo info = one(Shape.of(3, 32, 32), ConvSpec.of(10, 5, 1, Padding.of(2)));
        assertEquals(Shape.of(10, 32, 32), info.output());
        assertEquals(760, info.params());
        assertEquals("(32 - 5 + 2*2)/1 + 1 = 32", info.formula());
    }

    @Test
    void sixValidFiveByFiveFiltersOn32x32x3() {
        assertEquals(Shape.of(6, 28, 28), one(Shape.of(3, 32, 32), ConvSpec.of(6, 5, 1, Padding.VALID)).output());
    }

    @Test
    void singleFullyConnectedLayerFromRgb256ToThousandClasses() {
        assertEquals(196_608_000L, one(Shape.of(3, 256, 256), new DenseSpec(null, 1000, false, null, null)).weights());
    }

    @Test
    void convolutionalPyramidHalvesWithStrideTwo() {
        // seed 000: 256x256 RGB -> 128x128x16 -> 64x64x64 -> 32x32x256 (3x3 filters, stride 2, pad 1 assumed)
        NetworkSpec net = new NetworkSpec(Shape.of(3, 256, 256), List.of(), List.of(
                ConvSpec.of(16, 3, 2, Padding.of(1)), ConvSpec.of(64, 3, 2, Padding.of(1)), ConvSpec.of(256, 3, 2, Padding.of(1))));
        assertEquals(List.of("128x128x16", "64x64x64", "32x32x256"),
                ShapeInference.infer(net).stream().map(l -> l.output().toSlideString()).toList());
    }

    @Test
    void outputThatShrinksBelowOneIsAnError() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> one(Shape.of(1, 3, 3), ConvSpec.of(1, 5, 1, Padding.VALID)));
        assertTrue(e.getMessage().contains("(3 - 5 + 2*0)/1 + 1 = -1"), e.getMessage());
    }

    @Test
    void receptiveFieldAndJumpGrowThroughTheStack() {
        // two 3x3 stride-1 convs see 5x5; a 2x2 stride-2 pool after them sees 6x6 with jump 2
        NetworkSpec net = new NetworkSpec(Shape.of(1, 16, 16), List.of(), List.of(
                ConvSpec.of(1, 3, 1, Padding.SAME), ConvSpec.of(1, 3, 1, Padding.SAME), PoolSpec.max(2, 2),
                ConvSpec.of(1, 3, 1, Padding.SAME)));
        List<LayerInfo> i = ShapeInference.infer(net);
        assertEquals(List.of(3L, 5L, 6L, 10L), i.stream().map(LayerInfo::receptiveHeight).toList());
        assertEquals(List.of(1L, 1L, 2L, 2L), i.stream().map(LayerInfo::jump).toList());
    }
}
