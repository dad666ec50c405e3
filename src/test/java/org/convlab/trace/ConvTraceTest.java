package org.convlab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import org.convlab.engine.Conv2d;
import org.convlab.engine.Conv2dReference;
import org.convlab.engine.ConvGeometry;
import org.junit.jupiter.api.Test;

/**
 * The conv trace against the engine: for random convs with stride, padding, dilation and several
 * channels, every step's window, terms, sums and value agree with the input and weights they claim
 * to read, with the reference forward (bit for bit) and with the fast {@link Conv2d} (to float
 * rounding of a different summation order).
 */
class ConvTraceTest {

    @Test
    void randomConvsTraceWhatTheEngineComputes() {
        SplittableRandom rng = new SplittableRandom(2024);
        int checked = 0;
        for (int trial = 0; trial < 40; trial++) {
            int channels = 1 + rng.nextInt(4);
            int kh = 1 + rng.nextInt(4);
            int kw = 1 + rng.nextInt(4);
            int stride = 1 + rng.nextInt(3);
            int dilation = 1 + rng.nextInt(2);
            int padH = rng.nextInt(3);
            int padW = rng.nextInt(3);
            int h = dilation * (kh - 1) + 1 + rng.nextInt(6);
            int w = dilation * (kw - 1) + 1 + rng.nextInt(6);
            int filters = 1 + rng.nextInt(3);
            int divisor = rng.nextBoolean() ? 1 : channels * kh * kw;
            ConvGeometry g = new ConvGeometry(1, channels, h, w, filters, kh, kw, stride, padH, padW, dilation, divisor);
            float[] x = TraceData.random(g.inputSize(), rng);
            float[] wt = TraceData.random(g.weightSize(), rng);
            float[] b = rng.nextBoolean() ? TraceData.random(filters, rng) : null;
            float[] reference = new float[g.outputSize()];
            float[] fast = new float[g.outputSize()];
            Conv2dReference.forward(reference, x, wt, b, g);
            Conv2d.forward(fast, x, wt, b, g);
            for (int f = 0; f < filters; f++) {
                ConvTrace trace = new ConvTrace(g, x, wt, b, f);
                assertEquals(g.outPlane(), trace.size());
                for (int k = 0; k < trace.size(); k++) {
                    ConvStep step = trace.step(k);
                    int out = f * g.outPlane() + k;
                    String where = g + " filter " + f + " step " + k;
                    checkStep(step, g, x, wt, b, where);
                    assertEquals(reference[out], step.value(), 0f, where + ": reference forward");
                    double tol = 2e-5 * (4 + Math.abs(reference[out]));
                    assertEquals(fast[out], step.value(), tol, where + ": fast forward");
                    checked++;
                }
                float[] plane = trace.outputs();
                for (int k = 0; k < plane.length; k++) {
                    assertEquals(reference[f * g.outPlane() + k], plane[k], 0f);
                }
            }
        }
        assertTrue(checked > 500, "only " + checked + " steps checked");
    }

    /** Checks a step against x and w directly, independent of the conv loop. */
    private static void checkStep(ConvStep step, ConvGeometry g, float[] x, float[] w, float[] b, String where) {
        int kh = g.kernelHeight(), kw = g.kernelWidth();
        assertEquals(step.outRow() * g.stride() - g.padHeight(), step.windowTop(), where);
        assertEquals(step.outCol() * g.stride() - g.padWidth(), step.windowLeft(), where);
        assertEquals(g.inChannels(), step.channels().size(), where);
        double total = 0;
        for (ChannelSum cs : step.channels()) {
            assertEquals(kh * kw, cs.terms().size(), where);
            double partial = 0;
            for (ConvTerm t : cs.terms()) {
                int ih = step.windowTop() + t.row() * g.dilation();
                int iw = step.windowLeft() + t.col() * g.dilation();
                assertEquals(ih, t.inputRow(), where);
                assertEquals(iw, t.inputCol(), where);
                boolean outside = ih < 0 || ih >= g.inHeight() || iw < 0 || iw >= g.inWidth();
                assertEquals(outside, t.padding(), where + " padding flag at " + ih + "," + iw);
                float weight = w[((step.filter() * g.inChannels() + cs.channel()) * kh + t.row()) * kw + t.col()];
                assertEquals(weight, t.weight(), 0f, where);
                float pixel = outside ? 0f : x[(cs.channel() * g.inHeight() + ih) * g.inWidth() + iw];
                assertEquals(pixel, t.pixel(), 0f, where);
                assertEquals(pixel * weight, t.product(), 0f, where);
                partial += (double) pixel * weight;
            }
            assertEquals(partial, cs.partialSum(), 1e-5, where + " channel " + cs.channel());
            total += partial;
        }
        assertEquals(total, step.sum(), 2e-5 * (1 + Math.abs(total)), where + " sum");
        float expected = step.sum() / g.divisor();
        if (b != null) {
            expected += b[step.filter()];
        }
        if (Float.compare(expected, step.value()) != 0) {
            fail(where + ": value " + step.value() + " is not sum / divisor + bias = " + expected);
        }
        assertEquals(g.divisor(), step.divisor(), where);
        assertEquals(b != null, step.hasBias(), where);
    }

    @Test
    void paddingCellsAreDrawnAsPaddingWithZeroProducts() {
        // 1 channel 3x3 input of ones, 3x3 kernel of twos, padding 1: the corner window has 5 padding cells
        ConvGeometry g = new ConvGeometry(1, 1, 3, 3, 1, 3, 3, 1, 1, 1, 1, 1);
        float[] x = {1, 1, 1, 1, 1, 1, 1, 1, 1};
        float[] w = {2, 2, 2, 2, 2, 2, 2, 2, 2};
        ConvStep corner = new ConvTrace(g, x, w, null, 0).stepAt(0, 0);
        assertEquals(-1, corner.windowTop());
        assertEquals(-1, corner.windowLeft());
        long padding = corner.terms().stream().filter(ConvTerm::padding).count();
        assertEquals(5, padding);
        assertEquals(8f, corner.value(), 0f); // 4 real cells x 1 x 2
        assertEquals("0 + 0 + 0 + 0 + 2 + 2 + 0 + 2 + 2 = 8", SumText.channel(corner.channels().get(0), ValueFormat.decimals()));
        assertEquals("8 = 8.00", SumText.finish(corner, ValueFormat.decimals()));
    }

    @Test
    void severalChannelsShowEachPartialSumThenTheTotal() {
        // 2 channels, 1x1 input, 1x1 kernel, bias 0.5: channel sums 3 and -1, total 2, value 2.5
        ConvGeometry g = new ConvGeometry(1, 2, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1);
        ConvStep s = new ConvTrace(g, new float[] {3, 1}, new float[] {1, -1}, new float[] {0.5f}, 0).step(0);
        assertEquals(3f, s.channels().get(0).partialSum(), 0f);
        assertEquals(-1f, s.channels().get(1).partialSum(), 0f);
        assertEquals("3 - 1 = 2", SumText.total(s, ValueFormat.decimals()));
        assertEquals("2 + 0.50 = 2.50", SumText.finish(s, ValueFormat.decimals()));
    }
}
