package org.convlab.engine;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;

/** Random inputs and tolerant comparison shared by the conv/dense tests. */
final class ConvTestData {
    private ConvTestData() {}

    static float[] random(int size, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] a = new float[size];
        for (int i = 0; i < size; i++) {
            a[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return a;
    }

    /** Fast and reference sum in different orders: allow float rounding of sums of a few hundred terms. */
    static void assertClose(String what, float[] expected, float[] actual) {
        for (int i = 0; i < expected.length; i++) {
            double tol = 2e-5 * (4 + Math.abs(expected[i]));
            if (!(Math.abs(expected[i] - actual[i]) <= tol)) {
                fail(what + ": index " + i + " expected " + expected[i] + " but was " + actual[i]);
            }
        }
    }
}
