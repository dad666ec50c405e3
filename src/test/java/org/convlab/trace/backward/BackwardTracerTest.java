package org.convlab.trace.backward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;
import org.convlab.model.ActivationSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.FlattenSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Padding;
import org.convlab.model.PoolSpec;
import org.convlab.model.SoftmaxSpec;
import org.convlab.nn.Network;
import org.convlab.nn.Parameter;
import org.convlab.nn.layers.Layer;
import org.junit.jupiter.api.Test;

/**
 * The backward traces on a small random net with every kind of layer they cover: each traced
 * value equals the engine's reference gradient BIT FOR BIT (it is the same code), and equals a
 * finite difference of an independent double-precision forward ({@link DoubleForward}).
 */
class BackwardTracerTest {
    static final int LABEL = 1;

    /** conv (stride 2, padding 1, normalize, bias), relu, max pool (ceil), conv (dilation 2, padding 1), relu,
     *  avg pool (padding 1, stride 1), flatten, dense, relu, dense, softmax. */
    static Network randomNet() {
        List<LayerSpec> layers = List.of(
                new ConvSpec("conv1", 3, 3, 3, 2, Padding.of(1), 1, true, true, null, null),
                ActivationSpec.relu(),
                PoolSpec.max(2, 2).withCeil(true),
                new ConvSpec("conv2", 4, 2, 2, 1, Padding.of(1), 2, true, false, null, null),
                ActivationSpec.relu(),
                new PoolSpec(null, PoolSpec.Kind.AVG, 2, 2, 1, Padding.of(1), false),
                new FlattenSpec(null),
                DenseSpec.of(5),
                ActivationSpec.relu(),
                DenseSpec.of(3),
                new SoftmaxSpec(null));
        Network net = Network.build(new NetworkSpec(Shape.of(2, 9, 9), List.of("a", "b", "c"), layers), 7);
        Random r = new Random(11);
        for (Parameter p : net.parameters()) { // biases too, so no gradient hides behind a zero
            float[] v = p.value();
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (r.nextGaussian() * (p.name().endsWith("bias") ? 0.2 : 0.5));
            }
        }
        return net;
    }

    static float[] randomInput(Network net) {
        Random r = new Random(5);
        float[] x = new float[net.inputShape().size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    @Test
    void everyTracedValueIsTheEnginesGradientBitForBit() {
        Network net = randomNet();
        BackwardTracer t = BackwardTracer.run(net, randomInput(net), LABEL);
        assertTrue(!net.isReference(), "the tracer puts the network's mode back");
        int traced = 0;
        List<Layer> layers = net.layers();
        for (int li = 0; li < layers.size(); li++) {
            Layer l = layers.get(li);
            Parameter w = net.parameter(l.name() + ".weight");
            Parameter b = net.parameter(l.name() + ".bias");
            if (l.type().equals("conv")) {
                int[] s = w.shape();
                for (int f = 0; f < s[0]; f++) {
                    for (int c = 0; c < s[1]; c++) {
                        for (int i = 0; i < s[2]; i++) {
                            for (int j = 0; j < s[3]; j++) {
                                GradientTrace g = t.convWeight(li, f, c, i, j);
                                assertSums(g);
                                assertBits(w.grad()[((f * s[1] + c) * s[2] + i) * s[3] + j], g.value(), g.target());
                                traced++;
                            }
                        }
                    }
                    GradientTrace g = t.convBias(li, f);
                    assertSums(g);
                    assertBits(b.grad()[f], g.value(), g.target());
                }
            } else if (l.type().equals("dense")) {
                int[] s = w.shape();
                DenseGradLedger ledger = t.dense(li);
                for (int o = 0; o < s[0]; o++) {
                    for (int j = 0; j < s[1]; j++) {
                        GradientTrace g = t.denseWeight(li, o, j);
                        assertSums(g);
                        assertBits(w.grad()[o * s[1] + j], g.value(), g.target());
                        assertBits(w.grad()[o * s[1] + j], ledger.weightGradient(o, j), "ledger " + g.target());
                        traced++;
                    }
                    assertBits(b.grad()[o], t.denseBias(li, o).value(), l.name() + ":b" + o);
                    assertBits(b.grad()[o], ledger.biasGradient()[o], "ledger bias " + o);
                }
                float[] below = t.upstream(li - 1); // the flatten or relu before: dL/d(dense input)
                for (int j = 0; j < s[1]; j++) {
                    assertBits(below[j], t.denseInput(li, j).value(), l.name() + ":x" + j);
                    assertBits(below[j], ledger.inputGradient()[j], "ledger input " + j);
                }
            } else if (l.type().equals("relu")) {
                assertArrayEquals(t.upstream(li - 1), t.relu(li).passed(), l.name());
            } else if (l.type().endsWith("pool")) {
                assertArrayEquals(t.upstream(li - 1), t.pool(li).inputGradient(), l.name());
            }
        }
        assertEquals(54 + 48 + 5 * 64 + 3 * 5, traced);
        // conv2's input gradient (the full convolution with the flipped filter) and the network input's
        float[] belowConv2 = t.upstream(2);
        for (int i = 0; i < belowConv2.length; i++) {
            GradientTrace g = t.convInput(3, i / 9, i % 9 / 3, i % 3);
            assertSums(g);
            assertBits(belowConv2[i], g.value(), g.target());
        }
        float[] dX = net.inputGradient();
        for (int i = 0; i < 162; i++) {
            GradientTrace g = t.networkInput(i / 81, i % 81 / 9, i % 9);
            assertSums(g);
            assertBits(dX[i], g.value(), g.target());
        }
        // the loss: p - y, and it is what the last dense layer received
        LossGradient loss = t.loss();
        float[] p = loss.probabilities();
        for (int k = 0; k < 3; k++) {
            assertBits(p[k] - (k == LABEL ? 1f : 0f), loss.logitGradient()[k], "dL/dlogit " + k);
        }
        assertArrayEquals(t.upstream(9), loss.logitGradient());
        assertEquals(-Math.log(p[LABEL]), loss.loss(), 1e-6);
    }

    @Test
    void tracesMatchFiniteDifferencesOfADoublePrecisionForward() {
        Network net = randomNet();
        float[] x = randomInput(net);
        BackwardTracer t = BackwardTracer.run(net, x, LABEL);
        List<Layer> layers = net.layers();
        double[][][] params = new double[layers.size()][][];
        for (int li = 0; li < layers.size(); li++) {
            List<Parameter> ps = layers.get(li).parameters();
            params[li] = new double[ps.size()][];
            for (int k = 0; k < ps.size(); k++) {
                params[li][k] = toDouble(ps.get(k).value());
            }
        }
        double[] input = toDouble(x);
        int checked = 0;
        for (int li = 0; li < layers.size(); li++) {
            String type = layers.get(li).type();
            if (!type.equals("conv") && !type.equals("dense")) {
                continue;
            }
            double[] w = params[li][0];
            int[] s = layers.get(li).parameters().get(0).shape();
            for (int k = 0; k < w.length; k++) {
                GradientTrace g = type.equals("conv")
                        ? t.convWeight(li, k / (s[1] * s[2] * s[3]), k / (s[2] * s[3]) % s[1], k / s[3] % s[2], k % s[3])
                        : t.denseWeight(li, k / s[1], k % s[1]);
                assertNear(difference(net, params, w, k, input), g);
                checked++;
            }
            double[] b = params[li][1];
            for (int k = 0; k < b.length; k++) {
                assertNear(difference(net, params, b, k, input), type.equals("conv") ? t.convBias(li, k) : t.denseBias(li, k));
                checked++;
            }
        }
        for (int i = 0; i < input.length; i++) {
            assertNear(difference(net, params, input, i, input), t.networkInput(i / 81, i % 81 / 9, i % 9));
            checked++;
        }
        assertEquals(54 + 3 + 48 + 4 + 320 + 5 + 15 + 3 + 162, checked);
    }

    @Test
    void wrongLayersAndIndicesAreRefusedNamingWhatExists() {
        Network net = randomNet();
        BackwardTracer t = BackwardTracer.run(net, randomInput(net), LABEL);
        assertEquals("conv1 has w[3][2][3][3]: w[0][2][0][0] is out of range",
                assertThrows(UserInputException.class, () -> t.convWeight(0, 0, 2, 0, 0)).getMessage());
        assertEquals("layer 1 (relu1) is a relu layer, not a conv layer",
                assertThrows(UserInputException.class, () -> t.convWeight(1, 0, 0, 0, 0)).getMessage());
        assertEquals("layer 0 (conv1) is a conv layer, not a pooling layer",
                assertThrows(UserInputException.class, () -> t.pool(0)).getMessage());
        assertEquals("the input has input[2][9][9]: input[0][0][9] is out of range",
                assertThrows(UserInputException.class, () -> t.networkInput(0, 0, 9)).getMessage());
    }

    /** Central difference of the double loss in parameter {@code values[k]}. */
    private static double difference(Network net, double[][][] params, double[] values, int k, double[] input) {
        double h = 1e-6;
        double keep = values[k];
        values[k] = keep + h;
        double up = DoubleForward.loss(net, params, input, LABEL);
        values[k] = keep - h;
        double down = DoubleForward.loss(net, params, input, LABEL);
        values[k] = keep;
        return (up - down) / (2 * h);
    }

    /** Float gradients against a double finite difference: a few float roundings of the terms. */
    private static void assertNear(double expected, GradientTrace g) {
        assertEquals(expected, g.value(), 2e-6 + 1e-4 * Math.abs(expected), g.target());
    }

    static void assertSums(GradientTrace g) {
        List<GradTerm> terms = g.terms();
        float sum = 0f;
        for (GradTerm term : terms) {
            assertBits(term.upstream() * term.forward(), term.product(), g.target() + " product");
            sum += term.product();
            assertBits(sum, term.sum(), g.target() + " running sum");
        }
        assertBits(sum, g.sum(), g.target() + " sum");
        assertBits(g.sum() / g.divisor(), g.value(), g.target() + " sum / divisor");
    }

    /** Equal bits, except that 0 and -0 are the same number (the engine adds the value into a zeroed gradient). */
    static void assertBits(float expected, float actual, String what) {
        if (expected == 0f && actual == 0f) {
            return;
        }
        assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(actual), what + ": " + expected + " vs " + actual);
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
