package org.convlab.engine;

import static org.convlab.engine.LayerChecks.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ActivationsTest {
    private static final float SLOPE = 0.01f;

    @Test
    void exactValues() {
        float[] x = {-3, -0f, 0, 2.5f, -100, 100};
        float[] y = new float[6];
        Activations.relu(y, x, 6);
        assertArrayEquals(new float[] {0, 0, 0, 2.5f, 0, 100}, y);
        Activations.leakyRelu(y, x, 6, 0.5f);
        assertArrayEquals(new float[] {-1.5f, -0f, 0, 2.5f, -50, 100}, y);
        Activations.sigmoid(y, x, 6);
        assertEquals(0.5f, y[2]);
        assertEquals(0f, y[4], 1e-40f);
        assertEquals(1f, y[5]);
        Activations.tanh(y, x, 6);
        assertEquals(0f, y[2]);
        assertEquals(-1f, y[4]);
        assertEquals(1f, y[5]);
        // backward adds: ReLU passes the gradient only where x > 0
        float[] dX = {1, 1, 1, 1, 1, 1};
        Activations.reluBackward(dX, new float[] {5, 5, 5, 5, 5, 5}, x, 6);
        assertArrayEquals(new float[] {1, 1, 1, 6, 1, 6}, dX);
    }

    interface Forward {
        void run(float[] y, float[] x, int n);
    }

    interface Backward {
        void run(float[] dX, float[] dY, float[] xOrY, int n);
    }

    private static final String[] NAMES = {"relu", "leaky relu", "sigmoid", "tanh"};
    private static final Forward[] FAST = {Activations::relu, (y, x, n) -> Activations.leakyRelu(y, x, n, SLOPE),
            Activations::sigmoid, Activations::tanh};
    private static final Forward[] REFERENCE = {ActivationsReference::relu,
            (y, x, n) -> ActivationsReference.leakyRelu(y, x, n, SLOPE), ActivationsReference::sigmoid,
            ActivationsReference::tanh};
    private static final Backward[] FAST_BACK = {Activations::reluBackward,
            (dX, dY, x, n) -> Activations.leakyReluBackward(dX, dY, x, n, SLOPE), Activations::sigmoidBackward,
            Activations::tanhBackward};
    private static final Backward[] REFERENCE_BACK = {ActivationsReference::reluBackward,
            (dX, dY, x, n) -> ActivationsReference.leakyReluBackward(dX, dY, x, n, SLOPE),
            ActivationsReference::sigmoidBackward, ActivationsReference::tanhBackward};
    /** ReLUs differentiate through x, sigmoid and tanh through y. */
    private static final boolean[] THROUGH_OUTPUT = {false, false, true, true};

    @Test
    void gradientsMatchFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(21);
        int n = 3 * 17 * 5;
        for (int k = 0; k < 4; k++) {
            float[] x = random(rng, n, -3, 3);
            for (int i = 0; i < n; i++) {
                if (Math.abs(x[i]) < 0.05f) {
                    x[i] = 0.5f; // keep away from the kink of the ReLUs
                }
            }
            float[] r = random(rng, n, -1, 1);
            float[] y = new float[n];
            FAST[k].run(y, x, n);
            float[] dX = random(rng, n, -1, 1);
            float[] before = dX.clone();
            FAST_BACK[k].run(dX, r, THROUGH_OUTPUT[k] ? y : x, n);
            for (int i = 0; i < n; i++) {
                dX[i] -= before[i]; // the kernel accumulates; check what it added
            }
            int kernel = k;
            gradCheck(NAMES[k], x, () -> {
                REFERENCE[kernel].run(y, x, n);
                return dot(y, r);
            }, dX, 1e-2, 1e-4, 2e-3);
        }
    }

    @Test
    void fastMatchesReferenceAndThreadsAgree() {
        SplittableRandom rng = new SplittableRandom(23);
        for (int n : new int[] {1, 15, 17, 1000, Activations.CHUNK + 5, 3 * Activations.CHUNK - 1}) {
            for (int k = 0; k < 4; k++) {
                float[] x = random(rng, n, -6, 6);
                float[] dY = random(rng, n, -1, 1);
                float[] yRef = new float[n];
                REFERENCE[k].run(yRef, x, n);
                float[] dX0 = random(rng, n, -1, 1);
                float[] dXRef = dX0.clone();
                REFERENCE_BACK[k].run(dXRef, dY, THROUGH_OUTPUT[k] ? yRef : x, n);
                int kernel = k;
                String what = NAMES[k] + " n=" + n;
                assertSameWithOneAndTwoThreads(what, () -> {
                    float[] y = new float[n];
                    FAST[kernel].run(y, x, n);
                    if (THROUGH_OUTPUT[kernel]) {
                        assertClose(what, yRef, y, 1e-7, 1e-6); // vector exp/tanh: a few ulps
                    } else {
                        assertArrayEquals(yRef, y, what);
                    }
                    float[] dX = dX0.clone();
                    FAST_BACK[kernel].run(dX, dY, THROUGH_OUTPUT[kernel] ? yRef : x, n);
                    assertArrayEquals(dXRef, dX, what + " backward");
                    return concat(y, dX);
                });
            }
        }
    }
}
