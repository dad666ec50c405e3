package org.convlab.trace.backward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Random;
import org.convlab.engine.ConvGeometry;
import org.convlab.engine.Shape;
import org.convlab.model.ActivationSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.FlattenSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Padding;
import org.convlab.model.Presets;
import org.convlab.model.SoftmaxSpec;
import org.convlab.nn.Network;
import org.convlab.nn.Parameter;
import org.convlab.nn.layers.ConvLayer;
import org.convlab.nn.layers.Layer;
import org.junit.jupiter.api.Test;

/**
 * dL/dx of a conv read as the full convolution of the padded (and, for a stride, zero-inserted)
 * upstream with the flipped filter ({@link FullConvolution}): for every input pixel, the terms as
 * the view shows them (flipped weight read off the flipped filter x the cell read off the padded
 * upstream) add up, in the engine's order, to the engine's dL/dx bit for bit; so does the whole
 * window with its zeros; and both match central finite differences of an independent
 * double-precision forward ({@link DoubleForward}).
 */
class FullConvolutionTest {

    @Test
    void xoNetEveryPixelOfTheCanonicalXAndANoisyX() {
        Network net = Network.build(Presets.get("xo").network(), 1);
        float[] x = lessonX();
        checkEveryPixel(net, x, 0, false); // the clean X has max-pool ties and ReLU zeros: no finite differences there
        Random r = new Random(3);
        float[] noisy = x.clone();
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] += (float) (0.2 * r.nextGaussian());
        }
        checkEveryPixel(net, noisy, 0, true);
        checkEveryPixel(net, noisy, 1, true);
    }

    @Test
    void strideTwoPaddingOneDilationTwoSeveralChannels() {
        List<LayerSpec> layers = List.of(
                new ConvSpec("conv1", 3, 3, 3, 2, Padding.of(1), 2, true, false, null, null),
                ActivationSpec.relu(), new FlattenSpec(null), DenseSpec.of(3), new SoftmaxSpec(null));
        Network net = Network.build(new NetworkSpec(Shape.of(2, 11, 11), List.of("a", "b", "c"), layers), 5);
        Random r = new Random(17);
        for (Parameter p : net.parameters()) {
            float[] v = p.value();
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (r.nextGaussian() * 0.5);
            }
        }
        float[] x = new float[net.inputShape().size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        BackwardTracer t = BackwardTracer.run(net, x, 2); // the conv's geometry is set by a forward pass
        ConvGeometry g = ((ConvLayer) net.layers().get(0)).geometry();
        FullConvolution full = new FullConvolution(g);
        // worked out by hand: output (11 + 2 - 2*2 - 1)/2 + 1 = 5; Z gets 2*(3-1) - 1 = 3 zero rows on top,
        // one zero between upstream rows, 11 + 4 = 15 rows in all; upstream rows land on 3, 5, 7, 9, 11
        assertEquals(5, g.outHeight());
        assertEquals(3, full.padTop());
        assertEquals(1, full.inserted());
        assertEquals(15, full.height());
        assertEquals(11, full.rowOf(4));
        float[] z = full.paddedUpstream(t.upstream(0), 1);
        for (int v = 0; v < 15; v++) {
            assertEquals(0f, z[4 * 15 + v], 0f, "row 4 is inserted zeros");
            assertEquals(0f, z[v], 0f, "row 0 is padding");
        }
        checkEveryPixel(net, x, 2, true);
    }

    @Test
    void theFilterTurnsHalfAround() {
        Network net = Network.build(Presets.get("xo").network(), 1);
        BackwardTracer.run(net, lessonX(), 0);
        ConvGeometry g = ((ConvLayer) net.layers().get(0)).geometry();
        float[] w = new float[3 * 9];
        for (int i = 0; i < w.length; i++) {
            w[i] = i;
        }
        float[] flipped = new FullConvolution(g).flippedFilter(w, 1, 0);
        assertEquals(17f, flipped[0], 0f, "w'[0][0] = w[2][2] of filter 1");
        assertEquals(15f, flipped[2], 0f, "w'[0][2] = w[2][0]");
        assertEquals(13f, flipped[4], 0f, "the centre stays");
        assertEquals(9f, flipped[8], 0f, "w'[2][2] = w[0][0]");
    }

    /** Every input pixel of the net's first conv: view terms, whole window, engine, finite difference. */
    private static void checkEveryPixel(Network net, float[] x, int label, boolean finiteDifferences) {
        BackwardTracer t = BackwardTracer.run(net, x, label);
        ConvLayer conv = (ConvLayer) net.layers().get(0);
        ConvGeometry g = conv.geometry();
        FullConvolution full = new FullConvolution(g);
        float[] dY = t.upstream(0);
        float[] w = conv.weight().value();
        float[] engine = t.inputGradient();
        double[][][] params = finiteDifferences ? params(net) : null;
        double[] input = toDouble(x);
        int nonzero = 0;
        for (int c = 0; c < g.inChannels(); c++) {
            for (int h = 0; h < g.inHeight(); h++) {
                for (int col = 0; col < g.inWidth(); col++) {
                    String at = "dL/dx[" + c + "][" + h + "][" + col + "]";
                    GradientTrace trace = t.convInput(0, c, h, col);
                    List<FullConvolution.Term> terms = full.reread(trace, h, col);
                    float sum = 0f;
                    for (FullConvolution.Term term : terms) {
                        float weight = full.flippedFilter(w, term.filter(), c)[term.a() * g.kernelWidth() + term.b()];
                        float up = full.paddedUpstream(dY, term.filter())[term.u() * full.width() + term.v()];
                        assertEquals(h + term.a() * g.dilation(), term.u(), at + " window row");
                        assertEquals(col + term.b() * g.dilation(), term.v(), at + " window column");
                        sum += up * weight;
                        BackwardTracerTest.assertBits(sum, term.sum(), at + " running sum");
                    }
                    int i = (c * g.inHeight() + h) * g.inWidth() + col;
                    BackwardTracerTest.assertBits(engine[i], sum / g.divisor(), at + " displayed terms");
                    BackwardTracerTest.assertBits(engine[i], trace.value(), at + " trace");
                    BackwardTracerTest.assertBits(engine[i], full.valueAt(dY, w, c, h, col), at + " whole window");
                    nonzero += engine[i] != 0 ? 1 : 0;
                    if (finiteDifferences) {
                        double fd = difference(net, params, input, i, label);
                        assertEquals(fd, sum / g.divisor(), 2e-6 + 1e-4 * Math.abs(fd), at + " finite difference");
                    }
                }
            }
        }
        // stride 2 with dilation 2 reaches only odd rows and columns (a quarter of the pixels): still many nonzero
        assertTrue(nonzero > g.inChannels() * g.inHeight() * g.inWidth() / 6, "pixels with a gradient: " + nonzero);
    }

    private static double difference(Network net, double[][][] params, double[] input, int k, int label) {
        double h = 1e-6;
        double keep = input[k];
        input[k] = keep + h;
        double up = DoubleForward.loss(net, params, input, label);
        input[k] = keep - h;
        double down = DoubleForward.loss(net, params, input, label);
        input[k] = keep;
        return (up - down) / (2 * h);
    }

    private static double[][][] params(Network net) {
        List<Layer> layers = net.layers();
        double[][][] params = new double[layers.size()][][];
        for (int li = 0; li < layers.size(); li++) {
            List<Parameter> ps = layers.get(li).parameters();
            params[li] = new double[ps.size()][];
            for (int k = 0; k < ps.size(); k++) {
                params[li][k] = toDouble(ps.get(k).value());
            }
        }
        return params;
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    /** The lesson's canonical X, 9 x 9 of +1 ink / -1 background. */
    static float[] lessonX() {
        try (InputStream in = FullConvolutionTest.class.getResourceAsStream("/org/convlab/xo/lesson.json")) {
            JsonNode rows = new ObjectMapper().readTree(in).get("images").get("x");
            float[] out = new float[81];
            for (int r = 0; r < 9; r++) {
                for (int c = 0; c < 9; c++) {
                    out[r * 9 + c] = rows.get(r).get(c).floatValue();
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
