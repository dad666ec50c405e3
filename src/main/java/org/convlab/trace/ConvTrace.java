package org.convlab.trace;

import java.util.ArrayList;
import java.util.List;
import org.convlab.engine.Conv2dReference;
import org.convlab.engine.ConvGeometry;

/**
 * The step-through of one filter of a convolution over one sample: one {@link ConvStep} per output
 * position, in the order the output is written (row by row). Every step runs
 * {@link Conv2dReference#outputAt}, the loop the engine's reference forward runs, and records the
 * terms it adds; padding cells, which the loop skips, are filled in as zero terms for the picture.
 *
 * <p>Holds copies of the input and weights, so it stays valid when the network moves on.
 */
public final class ConvTrace {
    private final ConvGeometry g;
    private final float[] x;
    private final float[] w;
    private final float[] b;
    private final int filter;

    /**
     * @param g      the conv's sizes (only sample 0 of x is read; the batch is taken as 1)
     * @param x      input [C,H,W] (at least)
     * @param w      weights [F,C,KH,KW]
     * @param b      bias [F] or null
     * @param filter the output channel to trace
     */
    public ConvTrace(ConvGeometry g, float[] x, float[] w, float[] b, int filter) {
        if (filter < 0 || filter >= g.outChannels()) {
            throw new IllegalArgumentException("filter " + filter + " is not one of the conv's "
                    + g.outChannels() + " filters (0.." + (g.outChannels() - 1) + ")");
        }
        this.g = g.withBatch(1);
        this.x = java.util.Arrays.copyOf(x, this.g.inputSize());
        this.w = java.util.Arrays.copyOf(w, this.g.weightSize());
        this.b = b == null ? null : b.clone();
        this.filter = filter;
    }

    public ConvGeometry geometry() {
        return g;
    }

    public int filter() {
        return filter;
    }

    /** Number of steps: one per output position. */
    public int size() {
        return g.outPlane();
    }

    /** The input plane of channel c, [H*W] (a copy). */
    public float[] inputPlane(int c) {
        return java.util.Arrays.copyOfRange(x, c * g.inPlane(), (c + 1) * g.inPlane());
    }

    /** This filter's kernel for input channel c, [KH*KW] (a copy). */
    public float[] kernel(int c) {
        int k = g.kernelHeight() * g.kernelWidth();
        int start = (filter * g.inChannels() + c) * k;
        return java.util.Arrays.copyOfRange(w, start, start + k);
    }

    /** Step number of output (row, col). */
    public int indexOf(int outRow, int outCol) {
        return outRow * g.outWidth() + outCol;
    }

    /** Step k, 0 <= k < size(): output position k / outWidth, k % outWidth. */
    public ConvStep step(int k) {
        if (k < 0 || k >= size()) {
            throw new IndexOutOfBoundsException("step " + k + " of " + size());
        }
        return stepAt(k / g.outWidth(), k % g.outWidth());
    }

    /** The whole output plane of this filter, [OH*OW], from the same loop. */
    public float[] outputs() {
        float[] out = new float[size()];
        for (int oh = 0; oh < g.outHeight(); oh++) {
            for (int ow = 0; ow < g.outWidth(); ow++) {
                out[oh * g.outWidth() + ow] = Conv2dReference.outputAt(x, w, b, g, 0, filter, oh, ow, null);
            }
        }
        return out;
    }

    public ConvStep stepAt(int oh, int ow) {
        int channels = g.inChannels(), kh = g.kernelHeight(), kw = g.kernelWidth();
        ConvTerm[] cells = new ConvTerm[channels * kh * kw];
        float[] running = new float[1];
        float value = Conv2dReference.outputAt(x, w, b, g, 0, filter, oh, ow,
                (c, i, j, ih, iw, pixel, weight, sum) -> {
                    cells[(c * kh + i) * kw + j] = new ConvTerm(c, i, j, ih, iw, false, pixel, weight, pixel * weight);
                    running[0] = sum;
                });
        int top = oh * g.stride() - g.padHeight();
        int left = ow * g.stride() - g.padWidth();
        boolean whole = true;
        List<ChannelSum> sums = new ArrayList<>(channels);
        for (int c = 0; c < channels; c++) {
            List<ConvTerm> terms = new ArrayList<>(kh * kw);
            float partial = 0f;
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    ConvTerm t = cells[(c * kh + i) * kw + j];
                    float weight = w[((filter * channels + c) * kh + i) * kw + j];
                    if (t == null) { // the engine skipped it: a padding cell
                        t = new ConvTerm(c, i, j, top + i * g.dilation(), left + j * g.dilation(), true, 0f, weight, 0f);
                    }
                    whole &= ValueFormat.isWhole(t.pixel()) && ValueFormat.isWhole(weight);
                    partial += t.product();
                    terms.add(t);
                }
            }
            sums.add(new ChannelSum(c, terms, partial));
        }
        float bias = b == null ? 0f : b[filter];
        return new ConvStep(filter, oh, ow, top, left, g.stride(), g.dilation(), sums, running[0], g.divisor(),
                b != null, bias, value, whole);
    }
}
