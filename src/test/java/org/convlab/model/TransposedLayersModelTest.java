package org.convlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;
import org.junit.jupiter.api.Test;

/**
 * The convtranspose and upsample layers in the model file (read, write, read back, every field
 * refused in one line naming the layer and the field) and in shape inference (the formula filled
 * in, parameters, multiply-adds, receptive field), with numbers worked out by hand.
 */
class TransposedLayersModelTest {
    private static final String INPUT = "{\"input\": {\"channels\": 2, \"height\": 4, \"width\": 4}, \"layers\": [";

    private static String error(String layer) {
        String m = assertThrows(UserInputException.class, () -> ModelReader.read(INPUT + layer + "]}", "m.json")).getMessage();
        assertEquals(1, m.lines().count(), m);
        return m;
    }

    private static LayerInfo info(String layer) {
        return ShapeInference.infer(ModelReader.read(INPUT + layer + "]}", "m.json")).get(0);
    }

    @Test
    void everythingWrittenReadsBack() {
        ParamData w = ParamData.filledBy(new int[] {2, 3, 3, 2}, v -> {
            for (int i = 0; i < v.length; i++) {
                v[i] = 0.1f * i - 1f / 3;
            }
        });
        ParamData b = ParamData.filledBy(new int[] {3}, v -> v[1] = -2.5f);
        NetworkSpec net = new NetworkSpec(new Shape(2, 4, 5), List.of(), List.of(
                new ConvTransposeSpec("dec1", 3, 3, 2, 2, Padding.of(1, 0), 1, 0, 1, true, w, b),
                new UpsampleSpec("dec2", 3, UpsampleSpec.Mode.BILINEAR),
                new ConvTransposeSpec(null, 2, 3, 3, 1, Padding.VALID, 1, 1, 2, false, null, null),
                UpsampleSpec.of(2, UpsampleSpec.Mode.NEAREST)));
        for (boolean readable : new boolean[] {false, true}) {
            String text = ModelWriter.write(net, readable);
            NetworkSpec back = ModelReader.read(text, "m.json");
            assertEquals(net, back);
            assertEquals(text, ModelWriter.write(back, readable));
        }
        assertEquals(List.of("dec1", "dec2", "convT2", "up2"), net.layers().stream().map(LayerSpec::name).toList());
    }

    @Test
    void defaultsFollowPyTorch() {
        NetworkSpec net = ModelReader.read(INPUT + "{\"type\": \"convtranspose\", \"filters\": 4, \"kernel\": 2},"
                + "{\"type\": \"upsample\"}]}", "m.json");
        assertEquals(new ConvTransposeSpec("convT1", 4, 2, 2, 1, Padding.VALID, 0, 0, 1, true, null, null), net.layers().get(0));
        assertEquals(new UpsampleSpec("up1", 2, UpsampleSpec.Mode.NEAREST), net.layers().get(1));
    }

    @Test
    void everyFieldIsRefusedInOneLineNamingTheLayerAndTheField() {
        String t = "{\"type\": \"convtranspose\", \"name\": \"dec\", \"filters\": 2, \"kernel\": 3, ";
        assertEquals("m.json: layers[0].output_padding: must be smaller than the stride (2) or the dilation (1), "
                + "as PyTorch requires, got 2; it only picks which of the output sizes a stride allows",
                error(t + "\"stride\": 2, \"output_padding\": 2}"));
        assertEquals("m.json: layers[0].output_padding: must be an integer >= 0, got -1",
                error(t + "\"output_padding\": -1}"));
        assertEquals("m.json: layers[0].output_padding[1]: must be an integer >= 0, got \"x\"",
                error(t + "\"stride\": 2, \"output_padding\": [1, \"x\"]}"));
        assertEquals("m.json: layers[0].padding: a transposed convolution takes the padding as a number or"
                + " [rows, cols] (what is cut from each side of the output), not \"same\"",
                error(t + "\"padding\": \"same\"}"));
        assertEquals("m.json: layers[0].stride: must be a positive integer, got 0", error(t + "\"stride\": 0}"));
        assertEquals("m.json: layers[0].dilation: must be a positive integer, got 1.5", error(t + "\"dilation\": 1.5}"));
        assertEquals("m.json: layers[0].filters: missing required field",
                error("{\"type\": \"convtranspose\", \"name\": \"dec\", \"kernel\": 3}"));
        assertEquals("m.json: layers[0].kernel: must be a positive integer, got 0", error(t.replace("3, ", "0, ") + "\"stride\": 1}"));
        assertEquals("m.json: layers[0].groups: unknown field for a convtranspose layer",
                error(t + "\"groups\": 2}").replaceAll(" \\(allowed.*", ""));
        assertEquals("dec.weight: shape must be [2, 2, 3, 3] ([C_in, filters, KH, KW]) for a "
                + "2-channel input, got [3, 2, 3, 3]", assertThrows(UserInputException.class, () -> info(t + "\"weight\": {\"shape\": [3, 2, 3, 3], \"data\": ["
                + "0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0]}}")).getMessage());
        assertEquals("m.json: layers[0].weight: shape must be [C_in, 2, 3, 3] (PyTorch's ConvTranspose2d layout), got [2, 3, 3]",
                error(t + "\"weight\": {\"shape\": [2, 3, 3], \"data\": [" + "0,".repeat(17) + "0]}}"));
        assertEquals("dec: the padding 4 cuts away the whole output of the 4x4 input: "
                + "1*(4 - 1) + 0 + 3 - 2*4 = -2; use less padding (at most 2)",
                assertThrows(UserInputException.class, () -> info(t + "\"padding\": 4}")).getMessage());
        assertEquals("m.json: layers[0].mode: must be \"nearest\" or \"bilinear\", got \"bicubic\"",
                error("{\"type\": \"upsample\", \"name\": \"up\", \"mode\": \"bicubic\"}"));
        assertEquals("m.json: layers[0].scale: must be a positive integer, got 1.5",
                error("{\"type\": \"upsample\", \"name\": \"up\", \"scale\": 1.5}"));
        assertEquals("m.json: layers[0].mode: must be a string, got 2",
                error("{\"type\": \"upsample\", \"name\": \"up\", \"mode\": 2}"));
    }

    @Test
    void theFormulaIsFilledIn() {
        // the slides' example: a 4x4 input, k = 3, s = 2, p = 1 -> 7x7
        LayerInfo t = info("{\"type\": \"convtranspose\", \"filters\": 5, \"kernel\": 3, \"stride\": 2, \"padding\": 1}");
        assertEquals("2*(4 - 1) + 0 + 3 - 2*1 = 7", t.formula());
        assertEquals(new Dims(5, 7, 7), t.outputDims());
        assertEquals(2 * 5 * 9, t.weights());
        assertEquals(5, t.biases());
        assertArrayEquals(new long[] {2, 5, 3, 3}, t.weightDims());
        // per axis, the (input, tap) pairs landing inside 0..6: taps 0, 1, 2 at rows 2*ih - 1 + j:
        // tap 0 misses ih = 0 (row -1): 3, tap 1: 4, tap 2: 4 (row 7 never, ih <= 3 gives 2*3+1 = 7: out) -> 3 + 4 + 3 = 10
        assertEquals(10L * 10 * 2 * 5, t.multiplyAdds());
        // floor(d(k - 1)/s) = 1 more input pixel; the jump halves (1 -> 1, rounded up)
        assertEquals(2, t.receptiveHeight());
        assertEquals(1, t.jump());
        LayerInfo dilated = info("{\"type\": \"convtranspose\", \"filters\": 1, \"kernel\": [3, 2], \"stride\": 2, "
                + "\"padding\": [2, 0], \"output_padding\": [0, 1], \"dilation\": 2}");
        assertEquals("H: 2*(4 - 1) + 0 + 2*(3 - 1) + 1 - 2*2 = 7; W: 2*(4 - 1) + 1 + 2*(2 - 1) + 1 - 2*0 = 10",
                dilated.formula());
        LayerInfo up = info("{\"type\": \"upsample\", \"scale\": 3, \"mode\": \"bilinear\"}");
        assertEquals("4*3 = 12", up.formula());
        assertEquals(new Dims(2, 12, 12), up.outputDims());
        assertEquals(0, up.params());
        assertEquals(2, up.receptiveHeight()); // bilinear mixes two neighbours
        assertEquals(1, info("{\"type\": \"upsample\"}").receptiveHeight()); // nearest copies one
    }

    /** The multiply-add count against every (input, tap) pair tried one by one. */
    @Test
    void multiplyAddsCountOnlyTheProductsThatLandInsideTheOutput() {
        for (int i = 1; i <= 6; i++) {
            for (int k = 1; k <= 6; k++) {
                for (int s = 1; s <= 3; s++) {
                    for (int d = 1; d <= 3; d++) {
                        for (int p = 0; p <= 3; p++) {
                            long o = (long) s * (i - 1) + (long) d * (k - 1) + 1 - 2L * p;
                            long pairs = 0;
                            for (int ih = 0; ih < i; ih++) {
                                for (int j = 0; j < k; j++) {
                                    long at = (long) ih * s - p + (long) j * d;
                                    pairs += at >= 0 && at < o ? 1 : 0;
                                }
                            }
                            assertEquals(pairs, TransposedInference.landing(i, k, s, p, d, o),
                                    "i=" + i + " k=" + k + " s=" + s + " d=" + d + " p=" + p);
                        }
                    }
                }
            }
        }
        // a kernel of a hundred million on a 4x4 input, nearly all of it cut away: counted at once
        LayerInfo huge = info("{\"type\": \"convtranspose\", \"filters\": 1, \"kernel\": 100000000, "
                + "\"padding\": 49999998}");
        assertEquals(new Dims(1, 7, 7), huge.outputDims());
        assertEquals(2L * (4 * 7) * (4 * 7), huge.multiplyAdds()); // 2 channels; per axis 4 inputs x the 7 taps that land
    }

    @Test
    void aStrideTwoDecoderUndoesAStrideTwoEncoder() {
        NetworkSpec net = ModelReader.read("{\"input\": {\"channels\": 1, \"height\": 28, \"width\": 28}, \"layers\": ["
                + "{\"type\": \"conv\", \"filters\": 4, \"kernel\": 3, \"stride\": 2, \"padding\": 1},"
                + "{\"type\": \"maxpool\", \"window\": 2},"
                + "{\"type\": \"upsample\", \"scale\": 2, \"mode\": \"bilinear\"},"
                + "{\"type\": \"convtranspose\", \"filters\": 1, \"kernel\": 3, \"stride\": 2, \"padding\": 1, \"output_padding\": 1}]}",
                "m.json");
        List<LayerInfo> infos = ShapeInference.infer(net);
        assertEquals(new Dims(4, 14, 14), infos.get(0).outputDims());
        assertEquals(new Dims(4, 28 / 4, 28 / 4), infos.get(1).outputDims());
        assertEquals(new Dims(4, 14, 14), infos.get(2).outputDims());
        assertEquals(new Dims(1, 28, 28), infos.get(3).outputDims());
        assertEquals(List.of(2L, 4L, 2L, 1L), infos.stream().map(LayerInfo::jump).toList());
    }
}
