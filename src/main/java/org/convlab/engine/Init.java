package org.convlab.engine;

import java.util.SplittableRandom;

/**
 * Weight initialisers, seeded through the caller's generator (values are drawn in index order,
 * so a seed gives the same weights on every machine and thread count).
 *
 * <p>{@link #he} and {@link #xavier} draw from a UNIFORM distribution, as PyTorch's
 * {@code kaiming_uniform_(w, nonlinearity='relu')} and {@code xavier_uniform_} do; the
 * {@code ...Normal} variants draw from a normal distribution with the same variance. The bounds
 * are chosen so that the variance is 2/fanIn (He, for ReLU nets) or 2/(fanIn + fanOut) (Xavier),
 * since a uniform on [-b, b] has variance b^2/3.
 */
public final class Init {
    private Init() {}

    /** He (Kaiming) uniform: U(-b, b) with b = sqrt(6 / fanIn). For a conv, fanIn = inChannels * kh * kw. */
    public static void he(float[] w, int fanIn, SplittableRandom rng) {
        uniform(w, Math.sqrt(6.0 / positive(fanIn, "fanIn")), rng);
    }

    /** He (Kaiming) normal: N(0, 2 / fanIn). */
    public static void heNormal(float[] w, int fanIn, SplittableRandom rng) {
        normal(w, Math.sqrt(2.0 / positive(fanIn, "fanIn")), rng);
    }

    /** Xavier (Glorot) uniform: U(-b, b) with b = sqrt(6 / (fanIn + fanOut)). */
    public static void xavier(float[] w, int fanIn, int fanOut, SplittableRandom rng) {
        uniform(w, Math.sqrt(6.0 / (positive(fanIn, "fanIn") + positive(fanOut, "fanOut"))), rng);
    }

    /** Xavier (Glorot) normal: N(0, 2 / (fanIn + fanOut)). */
    public static void xavierNormal(float[] w, int fanIn, int fanOut, SplittableRandom rng) {
        normal(w, Math.sqrt(2.0 / (positive(fanIn, "fanIn") + positive(fanOut, "fanOut"))), rng);
    }

    /**
     * PyTorch's default for Conv2d and Linear weights and biases: U(-1/sqrt(fanIn), 1/sqrt(fanIn))
     * (its {@code kaiming_uniform_(a=sqrt(5))} reduces to that bound).
     */
    public static void pytorchDefault(float[] w, int fanIn, SplittableRandom rng) {
        uniform(w, 1 / Math.sqrt(positive(fanIn, "fanIn")), rng);
    }

    private static void uniform(float[] w, double bound, SplittableRandom rng) {
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
        }
    }

    private static void normal(float[] w, double std, SplittableRandom rng) {
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (rng.nextGaussian() * std);
        }
    }

    private static int positive(int fan, String name) {
        if (fan <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + fan);
        }
        return fan;
    }
}
