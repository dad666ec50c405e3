package org.convlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;
import org.junit.jupiter.api.Test;

/** Inception and residual blocks, naming, and the rules for flat inputs. */
class BlocksTest {
    @Test
    void residualWithoutProjectionMustKeepTheShape() {
        NetworkSpec net = new NetworkSpec(Shape.of(4, 8, 8), List.of(), List.of(
                new ResidualSpec(null, List.of(ConvSpec.of(8, 3, 1, Padding.SAME)), false)));
        String m = assertThrows(UserInputException.class, () -> ShapeInference.infer(net)).getMessage();
        assertTrue(m.startsWith("res1: the branch turns 8x8x4 into 8x8x8") && m.contains("projection"), m);
    }

    @Test
    void projectionIsOneByOneAtTheBranchStride() {
        ResidualSpec r = new ResidualSpec("blk", List.of(ConvSpec.of(8, 3, 2, Padding.of(1))), true);
        NetworkSpec net = new NetworkSpec(Shape.of(4, 8, 8), List.of(), List.of(r));
        LayerInfo info = ShapeInference.infer(net).get(0);
        assertEquals(Shape.of(8, 4, 4), info.output());
        List<LayerInfo> skip = info.branches().get(1);
        assertEquals(1, skip.size()); // no batchnorm in the branch, none on the skip
        ConvSpec proj = (ConvSpec) skip.get(0).spec();
        assertEquals(List.of(1, 1, 2, 8), List.of(proj.kernelHeight(), proj.kernelWidth(), proj.stride(), proj.filters()));
        // params: branch 8*4*9 + 8, projection 8*4 without bias
        assertEquals(288 + 8 + 32, info.params());
        assertEquals("blk.conv1", info.branches().get(0).get(0).name());
    }

    @Test
    void aFileMayGiveTheProjectionsWeightsButNotAnotherSkip() {
        String head = "{\"format\":\"convlab-model\",\"version\":1,\"input\":{\"channels\":4,\"height\":8,\"width\":8},"
                + "\"layers\":[{\"type\":\"residual\",\"name\":\"blk\",\"projection\":true,"
                + "\"branch\":[{\"type\":\"conv\",\"filters\":8,\"kernel\":3,\"stride\":2,\"padding\":1}],\"skip\":[";
        String weight = "\"weight\":{\"shape\":[8,4,1,1],\"data\":[" + "0.5,".repeat(31) + "0.5]}";
        String good = head + "{\"type\":\"conv\",\"filters\":8,\"kernel\":1,\"stride\":2,\"bias\":false,\"floor\":true,"
                + weight + "}]}]}";
        LayerInfo info = ShapeInference.infer(ModelReader.read(good, "good.json")).get(0);
        ConvSpec proj = (ConvSpec) info.branches().get(1).get(0).spec();
        assertEquals("blk.proj", proj.name());
        assertEquals(0.5f, proj.weight().data()[31]);
        // a 3x3 conv where the rule says 1x1: refused, naming the block and what it must be
        String bad = head + "{\"type\":\"conv\",\"filters\":8,\"kernel\":3,\"stride\":2,\"bias\":false}]}]}";
        String m = assertThrows(UserInputException.class,
                () -> ShapeInference.infer(ModelReader.read(bad, "bad.json"))).getMessage();
        assertTrue(m.contains("blk.skip[0]: must be a 1x1 conv with 8 filters, stride 2, no bias"), m);
        // skip layers on a block without projection make no sense
        String noProjection = good.replace("\"projection\":true", "\"projection\":false");
        m = assertThrows(UserInputException.class, () -> ModelReader.read(noProjection, "odd.json")).getMessage();
        assertTrue(m.contains("skip"), m);
    }

    @Test
    void inceptionBranchesMustAgreeOnHeightAndWidth() {
        NetworkSpec net = new NetworkSpec(Shape.of(4, 8, 8), List.of(), List.of(new InceptionSpec(null, List.of(
                List.of(ConvSpec.of(2, 1, 1, Padding.VALID)), List.of(ConvSpec.of(2, 3, 1, Padding.VALID))))));
        String m = assertThrows(UserInputException.class, () -> ShapeInference.infer(net)).getMessage();
        assertTrue(m.contains("branch 2 ends at 6x6x2 but branch 1 ends at 8x8x2"), m);
    }

    @Test
    void denseOnAnImageFlattensImplicitlyAndSoftmaxNeedsAFlatInput() {
        NetworkSpec ok = new NetworkSpec(Shape.of(2, 3, 4), List.of(), List.of(DenseSpec.of(5), new SoftmaxSpec(null)));
        LayerInfo fc = ShapeInference.infer(ok).get(0);
        assertEquals(120, fc.weights());
        assertEquals(Shape.flat(5), fc.output());
        NetworkSpec bad = new NetworkSpec(Shape.of(2, 3, 4), List.of(), List.of(new SoftmaxSpec(null)));
        assertThrows(UserInputException.class, () -> ShapeInference.infer(bad));
    }

    @Test
    void duplicateNamesAreRefused() {
        UserInputException e = assertThrows(UserInputException.class, () -> new NetworkSpec(Shape.of(1, 4, 4), List.of(),
                List.of(ActivationSpec.relu().withName("a"), ActivationSpec.relu().withName("a"))));
        assertTrue(e.getMessage().contains("'a' is used twice"));
    }

    @Test
    void floorOptionAcceptsWhatTheStrictRuleRefuses() {
        ConvSpec strided = ConvSpec.of(1, 3, 3, Padding.VALID);
        NetworkSpec strict = new NetworkSpec(Shape.of(1, 7, 7), List.of(), List.of(strided));
        assertThrows(UserInputException.class, () -> ShapeInference.infer(strict));
        NetworkSpec floor = new NetworkSpec(Shape.of(1, 7, 7), List.of(), List.of(strided.withFloor(true)));
        LayerInfo info = ShapeInference.infer(floor).get(0);
        assertEquals(Shape.of(1, 2, 2), info.output());
        assertEquals("floor((7 - 3 + 2*0)/3) + 1 = 2", info.formula());
    }
}
