package org.convlab.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.convlab.engine.AvgPoolReference;
import org.convlab.engine.MaxPoolReference;
import org.convlab.engine.PoolGeometry;

/**
 * The step-through of one channel of a pooling layer over one sample, one {@link PoolStep} per
 * output, row by row. The picked value comes from {@link MaxPoolReference#argmaxAt} or
 * {@link AvgPoolReference#averageAt}, the loops the engine's reference forward runs.
 */
public final class PoolTrace {
    private final PoolGeometry g;
    private final float[] x;
    private final int channel;
    private final boolean max;

    /**
     * @param g       pooling sizes (only sample 0 of x is read)
     * @param x       input [C,H,W] (at least)
     * @param channel the channel to trace
     * @param max     max pooling (else average)
     */
    public PoolTrace(PoolGeometry g, float[] x, int channel, boolean max) {
        if (channel < 0 || channel >= g.channels()) {
            throw new IllegalArgumentException("channel " + channel + " is not one of the " + g.channels()
                    + " channels (0.." + (g.channels() - 1) + ")");
        }
        this.g = new PoolGeometry(1, g.channels(), g.inHeight(), g.inWidth(), g.windowHeight(), g.windowWidth(),
                g.stride(), g.padHeight(), g.padWidth(), g.ceil());
        this.x = Arrays.copyOf(x, this.g.inSize());
        this.channel = channel;
        this.max = max;
    }

    public PoolGeometry geometry() {
        return g;
    }

    public int channel() {
        return channel;
    }

    public boolean isMax() {
        return max;
    }

    public int size() {
        return g.outPlane();
    }

    /** The traced input plane [H*W] (a copy). */
    public float[] inputPlane() {
        return Arrays.copyOfRange(x, channel * g.inPlane(), (channel + 1) * g.inPlane());
    }

    public PoolStep step(int k) {
        if (k < 0 || k >= size()) {
            throw new IndexOutOfBoundsException("step " + k + " of " + size());
        }
        return stepAt(k / g.outWidth(), k % g.outWidth());
    }

    /** The whole pooled plane [OH*OW] from the same loops. */
    public float[] outputs() {
        float[] out = new float[size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = valueAt(k / g.outWidth(), k % g.outWidth());
        }
        return out;
    }

    private float valueAt(int oh, int ow) {
        return max ? x[MaxPoolReference.argmaxAt(x, g, channel, oh, ow)]
                : AvgPoolReference.averageAt(x, g, channel, oh, ow);
    }

    public PoolStep stepAt(int oh, int ow) {
        int top = g.windowTop(oh);
        int left = g.windowLeft(ow);
        int base = channel * g.inPlane();
        List<PoolCell> cells = new ArrayList<>(g.windowArea());
        float sum = 0f;
        for (int r = top; r < top + g.windowHeight(); r++) {
            for (int c = left; c < left + g.windowWidth(); c++) {
                PoolCell.Kind kind;
                if (r >= 0 && r < g.inHeight() && c >= 0 && c < g.inWidth()) {
                    kind = PoolCell.Kind.REAL;
                } else if (r >= -g.padHeight() && r < g.inHeight() + g.padHeight()
                        && c >= -g.padWidth() && c < g.inWidth() + g.padWidth()) {
                    kind = PoolCell.Kind.PADDING;
                } else {
                    kind = PoolCell.Kind.OUTSIDE;
                }
                float v = kind == PoolCell.Kind.REAL ? x[base + r * g.inWidth() + c] : 0f;
                if (kind == PoolCell.Kind.REAL) {
                    sum += v;
                }
                cells.add(new PoolCell(r, c, kind, v));
            }
        }
        if (max) {
            int best = MaxPoolReference.argmaxAt(x, g, channel, oh, ow) - base;
            return new PoolStep(channel, oh, ow, top, left, g.windowHeight(), g.windowWidth(), true, cells, x[base + best],
                    best / g.inWidth(), best % g.inWidth(), 0f, 1);
        }
        int divisor = AvgPoolReference.divisor(top, left, g);
        return new PoolStep(channel, oh, ow, top, left, g.windowHeight(), g.windowWidth(), false, cells,
                AvgPoolReference.averageAt(x, g, channel, oh, ow), -1, -1, sum, divisor);
    }
}
