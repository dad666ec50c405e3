package org.convlab.engine;

/**
 * Inverted dropout, fast path: the same per-element draws as {@link DropoutReference} (so the
 * same mask, bit for bit), computed in fixed chunks over the pool. The hash is scalar: a 64-bit
 * multiply per element is cheap next to the memory traffic, and the Vector API's long multiply
 * is not faster here.
 */
public final class Dropout {
    private Dropout() {}

    // y [n]  mask [n] (written: 0 or 1/(1-rate))  x [n]
    public static void forward(float[] y, float[] mask, float[] x, int n, float rate, long seed) {
        float keepScale = DropoutReference.keepScale(rate);
        Activations.split(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                float m = DropoutReference.uniform(seed, i) < rate ? 0f : keepScale;
                mask[i] = m;
                y[i] = x[i] * m;
            }
        });
    }

    // dX [n] (+=)  dY [n]  mask [n]
    public static void backward(float[] dX, float[] dY, float[] mask, int n) {
        if (dX == null) {
            return;
        }
        Activations.split(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                dX[i] += dY[i] * mask[i];
            }
        });
    }
}
