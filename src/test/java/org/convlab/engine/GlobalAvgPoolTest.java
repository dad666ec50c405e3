package org.convlab.engine;

import static org.convlab.engine.LayerChecks.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GlobalAvgPoolTest {
    @Test
    void meanOfEachPlane() {
        float[] x = {1, 2, 3, 4, -1, -1, 5, 5};
        float[] y = new float[2];
        GlobalAvgPool.forward(y, x, 1, 2, 4);
        assertArrayEquals(new float[] {2.5f, 2f}, y);
        float[] dX = {1, 1, 1, 1, 0, 0, 0, 0};
        GlobalAvgPool.backward(dX, new float[] {4, -2}, 1, 2, 4);
        assertArrayEquals(new float[] {2, 2, 2, 2, -0.5f, -0.5f, -0.5f, -0.5f}, dX);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(9);
        int batch = 3, channels = 17, plane = 5 * 7;
        float[] x = random(rng, batch * channels * plane, -1, 1);
        float[] r = random(rng, batch * channels, -1, 1);
        float[] y = new float[batch * channels];
        float[] dX = new float[x.length];
        GlobalAvgPool.backward(dX, r, batch, channels, plane);
        gradCheck("global avg pool", x, () -> {
            GlobalAvgPoolReference.forward(y, x, batch, channels, plane);
            return dot(y, r);
        }, dX, 1e-2, 1e-4, 1e-3);
    }

    @Test
    void fastMatchesReferenceAndThreadsAgree() {
        SplittableRandom rng = new SplittableRandom(13);
        for (int trial = 0; trial < 10; trial++) {
            int batch = 1 + rng.nextInt(5), channels = 1 + rng.nextInt(70), plane = 1 + rng.nextInt(200);
            float[] x = random(rng, batch * channels * plane, -2, 2);
            float[] dY = random(rng, batch * channels, -1, 1);
            float[] yRef = new float[batch * channels];
            GlobalAvgPoolReference.forward(yRef, x, batch, channels, plane);
            float[] dXRef = new float[x.length];
            GlobalAvgPoolReference.backward(dXRef, dY, batch, channels, plane);
            assertSameWithOneAndTwoThreads("global avg pool", () -> {
                float[] y = new float[batch * channels];
                GlobalAvgPool.forward(y, x, batch, channels, plane);
                assertClose("forward", yRef, y, 1e-5, 1e-5);
                float[] dX = new float[x.length];
                GlobalAvgPool.backward(dX, dY, batch, channels, plane);
                assertArrayEquals(dXRef, dX, "backward");
                return concat(y, dX);
            });
        }
    }
}
