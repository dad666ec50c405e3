package org.convlab.engine;

/**
 * Inverted dropout written for reading. Element i is dropped when a uniform number drawn from
 * (seed, i) alone is below {@code rate}; kept elements are scaled by 1/(1 - rate) so the
 * expected output equals the input and inference needs no rescaling (at inference the caller
 * skips dropout: it is the identity). Because the draw depends only on (seed, i) (a
 * counter-based hash, not a running generator), any split of the work gives the same mask. The
 * caller passes a fresh seed per step (e.g. the run's seed mixed with the step number).
 */
public final class DropoutReference {
    private DropoutReference() {}

    // y [n]  mask [n] (written: 0 or 1/(1-rate))  x [n]
    public static void forward(float[] y, float[] mask, float[] x, int n, float rate, long seed) {
        float keepScale = keepScale(rate);
        for (int i = 0; i < n; i++) {
            mask[i] = uniform(seed, i) < rate ? 0f : keepScale;
            y[i] = x[i] * mask[i];
        }
    }

    // dX [n] (+=)  dY [n]  mask [n]
    public static void backward(float[] dX, float[] dY, float[] mask, int n) {
        if (dX == null) {
            return;
        }
        for (int i = 0; i < n; i++) {
            dX[i] += dY[i] * mask[i];
        }
    }

    /** The factor of kept elements; rate 1 drops everything. */
    static float keepScale(float rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("dropout rate must be between 0 and 1: " + rate);
        }
        return rate == 1 ? 0f : 1f / (1f - rate);
    }

    /**
     * A uniform float in [0, 1) from (seed, index): SplitMix64's finaliser applied to the index-th
     * step of its Weyl sequence, top 24 bits. Statistically sound and independent of call order.
     */
    static float uniform(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 40) * 0x1.0p-24f;
    }
}
