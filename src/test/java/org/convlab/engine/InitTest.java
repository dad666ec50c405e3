package org.convlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InitTest {
    private static double variance(float[] w) {
        double mean = 0;
        for (float v : w) {
            mean += v;
        }
        mean /= w.length;
        double s = 0;
        for (float v : w) {
            s += (v - mean) * (v - mean);
        }
        return s / w.length;
    }

    private static double maxAbs(float[] w) {
        double m = 0;
        for (float v : w) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    @Test
    void heUniformHasVarianceTwoOverFanInAndItsBound() {
        float[] w = new float[100_000];
        Init.he(w, 150, new SplittableRandom(1));
        assertEquals(2.0 / 150, variance(w), 0.02 * 2.0 / 150);
        double bound = Math.sqrt(6.0 / 150);
        assertTrue(maxAbs(w) <= bound);
        assertTrue(maxAbs(w) > 0.99 * bound, "uniform fills its range");
    }

    @Test
    void normalVariantsAndXavier() {
        float[] w = new float[100_000];
        Init.heNormal(w, 50, new SplittableRandom(2));
        assertEquals(2.0 / 50, variance(w), 0.02 * 2.0 / 50);
        assertTrue(maxAbs(w) > Math.sqrt(6.0 / 50), "a normal reaches past the uniform's bound");
        Init.xavier(w, 120, 84, new SplittableRandom(3));
        assertEquals(2.0 / 204, variance(w), 0.02 * 2.0 / 204);
        assertTrue(maxAbs(w) <= Math.sqrt(6.0 / 204));
        Init.xavierNormal(w, 120, 84, new SplittableRandom(4));
        assertEquals(2.0 / 204, variance(w), 0.02 * 2.0 / 204);
        Init.pytorchDefault(w, 25, new SplittableRandom(5));
        assertTrue(maxAbs(w) <= 0.2);
        assertEquals(1.0 / 75, variance(w), 0.02 / 75);
    }

    @Test
    void sameSeedSameWeights() {
        float[] a = new float[1000];
        float[] b = new float[1000];
        Init.he(a, 25, new SplittableRandom(9));
        Init.he(b, 25, new SplittableRandom(9));
        assertArrayEquals(a, b);
        Init.he(b, 25, new SplittableRandom(10));
        assertTrue(a[0] != b[0] || a[1] != b[1]);
    }
}
