package org.convlab.engine;

import static org.convlab.engine.LayerChecks.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void rectangularWindowsDivideByTheirAreaPerAxis() {
        // AvgPool1d(3, 2, padding=1, ceil_mode=True) on [1..5] as a 1x5 map: out = ceil((5 - 3 + 2)/2) + 1 = 3,
        // windows cols [-1, 1], [1, 3], [3, 5]: the first and the last each count a pad cell as a zero,
        // all three divide by 3: (0+1+2)/3, (2+3+4)/3, (4+5+0)/3
        float[] x = {1, 2, 3, 4, 5};
        PoolGeometry g = new PoolGeometry(1, 1, 1, 5, 1, 3, 2, 0, 1, true);
        assertEquals(3, g.outWidth());
        float[] want = {1f, 3f, 3f};
        float[] y = new float[3];
        AvgPool.forward(y, x, g);
        assertArrayEquals(want, y);
        AvgPoolReference.forward(y, x, g);
        assertArrayEquals(want, y);
        // 1x4 map, window 1x3, stride 2, padding [0, 1], ceil: (4 - 3 + 2)/2 -> ceil 1.5 = 2, + 1 = 3 windows,
        // the last at cols [3, 5]: col 3 real, col 4 the right pad, col 5 past it -> divisor 2:
        // (0+1+2)/3, (2+3+4)/3, (4+0)/2
        PoolGeometry c = new PoolGeometry(1, 1, 1, 4, 1, 3, 2, 0, 1, true);
        float[] z = new float[c.outSize()];
        AvgPoolReference.forward(z, new float[] {1, 2, 3, 4}, c);
        assertArrayEquals(new float[] {1f, 3f, 2f}, z);
        assertEquals(2, AvgPoolReference.divisor(0, c.windowLeft(2), c));
        float[] dX = new float[4];
        // each window hands every real cell its gradient / divisor: 3/3, 3/3, 2/2
        AvgPool.backward(dX, new float[] {3, 3, 2}, c);
        assertArrayEquals(new float[] {1, 2, 1, 2}, dX);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(3);
        for (PoolGeometry g : new PoolGeometry[] {
                new PoolGeometry(3, 5, 7, 9, 3, 2, 1, true),
                new PoolGeometry(3, 17, 7, 7, 2, 2, 0, true),
                new PoolGeometry(2, 3, 8, 6, 3, 1, 1, false),
                // rectangular: AvgPool1d(2), AvgPool1d(3, 2, padding=1, ceil_mode=True), 2x3 padding [0, 1], 3x1
                new PoolGeometry(2, 3, 1, 9, 1, 2, 2, 0, 0, false),
                new PoolGeometry(2, 3, 1, 10, 1, 3, 2, 0, 1, true),
                new PoolGeometry(2, 3, 7, 6, 2, 3, 2, 0, 1, true),
                new PoolGeometry(2, 3, 5, 6, 2, 3, 2, 1, 1, true),
                new PoolGeometry(2, 2, 6, 4, 3, 1, 1, 1, 0, false)}) {
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
        for (int trial = 0; trial < 24; trial++) {
            // the first half square, the second rectangular (every fourth a 1-row map, as AvgPool1d)
            boolean square = trial < 12;
            boolean oneRow = !square && trial % 4 == 0;
            int windowH = oneRow ? 1 : 1 + rng.nextInt(4);
            int windowW = square ? windowH : 1 + rng.nextInt(4);
            int stride = 1 + rng.nextInt(3);
            int padH = rng.nextInt(windowH / 2 + 1);
            int padW = square ? padH : rng.nextInt(windowW / 2 + 1);
            PoolGeometry g = new PoolGeometry(1 + rng.nextInt(4), 1 + rng.nextInt(40), oneRow ? 1 : windowH + rng.nextInt(30),
                    windowW + rng.nextInt(30), windowH, windowW, stride, padH, padW, rng.nextBoolean());
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
