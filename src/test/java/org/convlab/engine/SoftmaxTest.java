package org.convlab.engine;

import static org.convlab.engine.LayerChecks.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SoftmaxTest {
    @Test
    void exactValuesAndStability() {
        float ln3 = (float) Math.log(3);
        // e^0 : e^ln3 = 1 : 3, and moving both logits by 1000 must change nothing (no overflow)
        float[] x = {0, ln3, 1000, 1000 + ln3, -1000, -1000 + ln3};
        float[] y = new float[6];
        Softmax.forward(y, x, 3, 2);
        float[] ref = new float[6];
        SoftmaxReference.forward(ref, x, 3, 2);
        for (float[] out : new float[][] {y, ref}) {
            assertEquals(0.25f, out[0], 1e-7f);
            assertEquals(0.75f, out[1], 1e-7f);
            // near +-1000 a float keeps ln 3 only to about 6e-5, so expect the softmax of the
            // difference the floats actually hold, computed in double: exp must not overflow
            for (int row = 1; row < 3; row++) {
                double gap = (double) x[2 * row + 1] - x[2 * row];
                assertEquals(1 / (1 + Math.exp(gap)), out[2 * row], 1e-7);
                assertEquals(1 / (1 + Math.exp(-gap)), out[2 * row + 1], 1e-7);
            }
        }
        // uniform logits give 1/K
        float[] u = new float[17];
        float[] p = new float[17];
        Softmax.forward(p, u, 1, 17);
        for (float v : p) {
            assertEquals(1f / 17, v, 1e-8f);
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(31);
        int batch = 3, classes = 19;
        float[] x = random(rng, batch * classes, -3, 3);
        float[] r = random(rng, batch * classes, -1, 1);
        float[] y = new float[x.length];
        Softmax.forward(y, x, batch, classes);
        float[] dX = new float[x.length];
        Softmax.backward(dX, r, y, batch, classes);
        gradCheck("softmax", x, () -> {
            SoftmaxReference.forward(y, x, batch, classes);
            return dot(y, r);
        }, dX, 1e-2, 1e-5, 2e-3);
    }

    @Test
    void fastMatchesReferenceAndThreadsAgree() {
        SplittableRandom rng = new SplittableRandom(37);
        int[][] sizes = {{1, 1}, {3, 10}, {5, 17}, {2, 1000}, {300, 100}, {64, 33}};
        for (int[] s : sizes) {
            int batch = s[0], classes = s[1];
            float[] x = random(rng, batch * classes, -8, 8);
            float[] dY = random(rng, x.length, -1, 1);
            float[] yRef = new float[x.length];
            SoftmaxReference.forward(yRef, x, batch, classes);
            float[] dXRef = new float[x.length];
            SoftmaxReference.backward(dXRef, dY, yRef, batch, classes);
            String what = "softmax " + batch + "x" + classes;
            assertSameWithOneAndTwoThreads(what, () -> {
                float[] y = new float[x.length];
                Softmax.forward(y, x, batch, classes);
                assertClose(what, yRef, y, 1e-7, 1e-5);
                float[] dX = new float[x.length];
                Softmax.backward(dX, dY, yRef, batch, classes);
                assertClose(what + " backward", dXRef, dX, 1e-6, 1e-4);
                return concat(y, dX);
            });
        }
    }
}
