package org.convlab.engine;

import static org.convlab.engine.LayerChecks.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DropoutTest {
    @Test
    void maskDropsAboutRateAndScalesTheRest() {
        int n = 200_003;
        float rate = 0.3f;
        float[] x = new float[n];
        Arrays.fill(x, 2f);
        float[] y = new float[n];
        float[] mask = new float[n];
        Dropout.forward(y, mask, x, n, rate, 42L);
        int dropped = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            assertTrue(mask[i] == 0f || mask[i] == 1f / 0.7f, "mask is 0 or 1/(1-rate): " + mask[i]);
            assertEquals(x[i] * mask[i], y[i]);
            dropped += mask[i] == 0f ? 1 : 0;
            sum += y[i];
        }
        // binomial: standard deviation sqrt(0.21 / n) = 0.001, so 0.005 is five of them
        assertEquals(rate, dropped / (double) n, 0.005);
        // inverted dropout keeps the mean
        assertEquals(2.0, sum / n, 0.02);
    }

    @Test
    void seedDecidesTheMaskWhateverTheThreads() {
        int n = 3 * Activations.CHUNK + 11;
        float[] x = random(new SplittableRandom(1), n, -1, 1);
        float[] refY = new float[n];
        float[] refMask = new float[n];
        DropoutReference.forward(refY, refMask, x, n, 0.5f, 7L);
        assertSameWithOneAndTwoThreads("dropout", () -> {
            float[] y = new float[n];
            float[] mask = new float[n];
            Dropout.forward(y, mask, x, n, 0.5f, 7L);
            assertArrayEquals(refMask, mask);
            assertArrayEquals(refY, y);
            return concat(y, mask);
        });
        float[] other = new float[n];
        Dropout.forward(new float[n], other, x, n, 0.5f, 8L);
        assertFalse(Arrays.equals(refMask, other), "another seed gives another mask");
    }

    @Test
    void edgeRates() {
        float[] x = {1, 2, 3, 4, 5};
        float[] y = new float[5];
        float[] mask = new float[5];
        Dropout.forward(y, mask, x, 5, 0f, 3L);
        assertArrayEquals(x, y, "rate 0 keeps everything");
        Dropout.forward(y, mask, x, 5, 1f, 3L);
        assertArrayEquals(new float[5], y, "rate 1 drops everything");
    }

    @Test
    void gradientMatchesFiniteDifferencesAndReference() {
        SplittableRandom rng = new SplittableRandom(51);
        int n = 3 * 17 * 5;
        float[] x = random(rng, n, -1, 1);
        float[] r = random(rng, n, -1, 1);
        float[] y = new float[n];
        float[] mask = new float[n];
        Dropout.forward(y, mask, x, n, 0.4f, 99L);
        float[] dX = new float[n];
        Dropout.backward(dX, r, mask, n);
        float[] dXRef = new float[n];
        DropoutReference.backward(dXRef, r, mask, n);
        assertArrayEquals(dXRef, dX);
        float[] scratch = new float[n];
        gradCheck("dropout", x, () -> {
            DropoutReference.forward(y, scratch, x, n, 0.4f, 99L);
            return dot(y, r);
        }, dX, 1e-2, 1e-4, 1e-3);
    }
}
