package org.convlab.trace.backward;

import org.convlab.engine.PoolGeometry;

/**
 * Where each pooling window's gradient goes, for one image (all channels).
 * Max: the whole of {@code upstream[o]} goes to {@code winner[o]} (flat index into the input
 * plane stack, C x H x W), the cell that won the max ({@link #TIE_RULE}); the other cells get 0
 * from that window. Average: every real cell under window o gets {@code upstream[o] / divisor[o]}
 * ({@code divisor} = the window's area clipped to the padded input, PyTorch's count_include_pad).
 * {@code inputGradient} is the sum over windows, what the engine's backward writes.
 *
 * @param max           max pooling (else average)
 * @param geometry      the pool's geometry for a batch of 1
 * @param input         the forward input, C x H x W
 * @param upstream      dL/d(pool output), C x OH x OW
 * @param winner        per window, flat index of the winning input cell (max only, else empty)
 * @param divisor       per window, the divisor (average only, else empty)
 * @param inputGradient dL/d(pool input), C x H x W
 */
public record PoolRouting(boolean max, PoolGeometry geometry, float[] input, float[] upstream, int[] winner,
                          int[] divisor, float[] inputGradient) {
    /** The engine's tie rule, said in the view. */
    public static final String TIE_RULE = "ties go to the first cell in row-major order (top row first, then left);"
            + " padding never wins; a NaN wins";

    public PoolRouting {
        input = input.clone();
        upstream = upstream.clone();
        winner = winner.clone();
        divisor = divisor.clone();
        inputGradient = inputGradient.clone();
    }

    /** What window o sends to input cell {@code cell} (flat C x H x W index). */
    public float sentTo(int o, int cell) {
        if (max) {
            return winner[o] == cell ? upstream[o] : 0f;
        }
        int plane = geometry.outPlane();
        int channel = o / plane;
        int oh = (o % plane) / geometry.outWidth();
        int ow = o % geometry.outWidth();
        int c = cell / geometry.inPlane();
        int r = (cell % geometry.inPlane()) / geometry.inWidth();
        int col = cell % geometry.inWidth();
        int top = geometry.windowTop(oh);
        int left = geometry.windowLeft(ow);
        boolean under = c == channel && r >= top && r < top + geometry.windowHeight()
                && col >= left && col < left + geometry.windowWidth();
        return under ? upstream[o] / divisor[o] : 0f;
    }

    @Override
    public float[] input() {
        return input.clone();
    }

    @Override
    public float[] upstream() {
        return upstream.clone();
    }

    @Override
    public int[] winner() {
        return winner.clone();
    }

    @Override
    public int[] divisor() {
        return divisor.clone();
    }

    @Override
    public float[] inputGradient() {
        return inputGradient.clone();
    }
}
