package org.convlab.engine;

import static org.convlab.engine.LayerChecks.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AvgPoolTest {
    private static final float[] ONE_TO_NINE = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    @Test
    void paddingCountsAsZerosInTheDivisor() {
        // count_include_pad: the corner window holds one real cell and three pad cells -> 1/4
        PoolGeometry g = new PoolGeometry(1, 1, 3, 3, 2, 2, 1, false);
        float[] y = new float[4];
        AvgPool.forward(y, ONE_TO_NINE, g);
        assertArrayEquals(new float[] {0.25f, 1.25f, 2.75f, 7f}, y);
        AvgPoolReference.forward(y, ONE_TO_NINE, g);
        assertArrayEquals(new float[] {0.25f, 1.25f, 2.75f, 7f}, y);
    }

    @Test
    void ceilModeWindowsAreClippedToThePaddedInput() {
        // the windows hanging past the right/bottom edge average only the cells that exist
        PoolGeometry g = new PoolGeometry(1, 1, 3, 3, 2, 2, 0, true);
        float[] y = new float[4];
        AvgPool.forward(y, ONE_TO_NINE, g);
        assertArrayEquals(new float[] {3f, 4.5f, 7.5f, 9f}, y);
        float[] dX = new float[9];
        AvgPool.backward(dX, new float[] {4, 2, 2, 1}, g);
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, dX);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(3);
        for (PoolGeometry g : new PoolGeometry[] {
                new PoolGeometry(3, 5, 7, 9, 3, 2, 1, true),
                new PoolGeometry(3, 17, 7, 7, 2, 2, 0, true),
                new PoolGeometry(2, 3, 8, 6, 3, 1, 1, false)}) {
            float[] x = random(rng, g.inSize(), -1, 1);
            float[] r = random(rng, g.outSize(), -1, 1);
            float[] y = new float[g.outSize()];
            float[] dX = new float[x.length];
            AvgPool.backward(dX, r, g);
            gradCheck("avgpool " + g, x, () -> {
                AvgPoolReference.forward(y, x, g);
                return dot(y, r);
            }, dX, 1e-2, 1e-4, 1e-3);
        }
    }

    @Test
    void fastMatchesReferenceExactlyAndThreadsAgree() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int trial = 0; trial < 12; trial++) {
            int window = 1 + rng.nextInt(4);
            int stride = 1 + rng.nextInt(3);
            int pad = rng.nextInt(window / 2 + 1);
            PoolGeometry g = new PoolGeometry(1 + rng.nextInt(4), 1 + rng.nextInt(40), window + rng.nextInt(30),
                    window + rng.nextInt(30), window, stride, pad, rng.nextBoolean());
            float[] x = random(rng, g.inSize(), -3, 3);
            float[] dY = random(rng, g.outSize(), -1, 1);
            float[] yRef = new float[g.outSize()];
            AvgPoolReference.forward(yRef, x, g);
            float[] dX0 = random(rng, x.length, -1, 1);
            float[] dXRef = dX0.clone();
            AvgPoolReference.backward(dXRef, dY, g);
            assertSameWithOneAndTwoThreads("avgpool " + g, () -> {
                float[] y = new float[g.outSize()];
                AvgPool.forward(y, x, g);
                assertArrayEquals(yRef, y, "forward " + g);
                float[] dX = dX0.clone();
                AvgPool.backward(dX, dY, g);
                assertArrayEquals(dXRef, dX, "backward " + g);
                return concat(y, dX);
            });
        }
    }
}
