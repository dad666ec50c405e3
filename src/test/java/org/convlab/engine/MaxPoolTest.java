package org.convlab.engine;

import static org.convlab.engine.LayerChecks.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MaxPoolTest {
    private static final String[] FEATURES = {"diagonal_down", "cross", "diagonal_up"};

    /** The golden X/O feature maps (sums over 9) as one sample of 3 channels. */
    static float[] goldenMaps(JsonNode golden, String field, int side) {
        float[] maps = new float[FEATURES.length * side * side];
        for (int f = 0; f < FEATURES.length; f++) {
            JsonNode rows = golden.get(field).get(FEATURES[f]);
            assertEquals(side, rows.size(), field + " rows");
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    maps[(f * side + r) * side + c] = rows.get(r).get(c).floatValue();
                }
            }
        }
        return maps;
    }

    static JsonNode golden() throws IOException {
        try (InputStream in = MaxPoolTest.class.getResourceAsStream("/golden/xo-seed.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void xoGoldenPoolingAndRelu() throws IOException {
        JsonNode golden = golden();
        float[] sums = goldenMaps(golden, "feature_map_sums", 7);
        PoolGeometry g = new PoolGeometry(1, 3, 7, 7, 2, 2, 0, true);
        float[] pooled = new float[g.outSize()];
        int[] argmax = new int[g.outSize()];
        MaxPool.forward(pooled, argmax, sums, g);
        assertArrayEquals(goldenMaps(golden, "pooled_sums", 4), pooled);
        float[] reference = new float[g.outSize()];
        MaxPoolReference.forward(reference, new int[g.outSize()], sums, g);
        assertArrayEquals(goldenMaps(golden, "pooled_sums", 4), reference);
        float[] relu = new float[pooled.length];
        Activations.relu(relu, pooled, pooled.length);
        assertArrayEquals(goldenMaps(golden, "relu_pooled_sums", 4), relu);
        // the slides' values are the sums over 9; division keeps the order, so pooling commutes with it
        float[] values = new float[sums.length];
        for (int i = 0; i < sums.length; i++) {
            values[i] = sums[i] / 9f;
        }
        MaxPool.forward(pooled, argmax, values, g);
        float[] expected = goldenMaps(golden, "pooled_sums", 4);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i] / 9f, pooled[i]);
            assertEquals(pooled[i], values[argmax[i]], "argmax points at the winner");
        }
        // the ceil-mode edge windows hold the single last column/row: output (0,3) is x(0,6) = 3
        assertEquals(6, argmax[3]);
    }

    @Test
    void paddingNeverWinsAndArgmaxIsTheFirstMaximum() {
        // all negative inputs with padding: a zero pad cell would win if padding counted
        float[] x = {-5, -2, -2, -7};
        PoolGeometry g = new PoolGeometry(1, 1, 2, 2, 2, 1, 1, false);
        assertEquals(3, g.outHeight());
        float[] y = new float[9];
        int[] argmax = new int[9];
        MaxPool.forward(y, argmax, x, g);
        assertArrayEquals(new float[] {-5, -2, -2, -2, -2, -2, -2, -2, -7}, y);
        assertEquals(1, argmax[4], "tie between x[1] and x[2] goes to the first");
        assertEquals(0, argmax[0]);
        assertEquals(3, argmax[8]);
    }

    /** Distinct, well-separated values, so moving one by h never changes a winner. */
    private static float[] distinct(SplittableRandom rng, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.1f * i - 0.05f * n;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            float t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
        return x;
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(7);
        for (PoolGeometry g : new PoolGeometry[] {
                new PoolGeometry(3, 5, 7, 9, 3, 2, 1, true),
                new PoolGeometry(3, 5, 7, 7, 2, 2, 0, true),
                new PoolGeometry(2, 3, 8, 6, 3, 1, 1, false),
                // rectangular: MaxPool1d(2), MaxPool1d(3, 2, padding=1, ceil_mode=True), 2x3 padding [0, 1], 3x1
                new PoolGeometry(2, 3, 1, 9, 1, 2, 2, 0, 0, false),
                new PoolGeometry(2, 3, 1, 10, 1, 3, 2, 0, 1, true),
                new PoolGeometry(2, 3, 7, 6, 2, 3, 2, 0, 1, false),
                new PoolGeometry(2, 3, 5, 6, 2, 3, 2, 1, 1, true),
                new PoolGeometry(2, 2, 6, 4, 3, 1, 1, 1, 0, false)}) {
            float[] x = distinct(rng, g.inSize());
            float[] r = random(rng, g.outSize(), -1, 1);
            float[] y = new float[g.outSize()];
            int[] argmax = new int[g.outSize()];
            MaxPool.forward(y, argmax, x, g);
            float[] dX = new float[x.length];
            MaxPool.backward(dX, r, argmax, g);
            int[] scratch = new int[g.outSize()];
            gradCheck("maxpool " + g, x, () -> {
                MaxPoolReference.forward(y, scratch, x, g);
                return dot(y, r);
            }, dX, 1e-2, 1e-4, 1e-4);
        }
    }

    @Test
    void fastMatchesReferenceExactlyAndThreadsAgree() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 24; trial++) {
            // the first half square, the second rectangular (every fourth a 1-row map, as MaxPool1d)
            boolean square = trial < 12;
            boolean oneRow = !square && trial % 4 == 0;
            int windowH = oneRow ? 1 : 1 + rng.nextInt(4);
            int windowW = square ? windowH : 1 + rng.nextInt(4);
            int stride = 1 + rng.nextInt(3);
            int padH = rng.nextInt(windowH / 2 + 1);
            int padW = square ? padH : rng.nextInt(windowW / 2 + 1);
            boolean ceil = rng.nextBoolean();
            int h = oneRow ? 1 : windowH + rng.nextInt(30);
            int w = windowW + rng.nextInt(30);
            PoolGeometry g = new PoolGeometry(1 + rng.nextInt(4), 1 + rng.nextInt(40), h, w, windowH, windowW, stride,
                    padH, padW, ceil);
            float[] x = random(rng, g.inSize(), -3, 3);
            float[] dY = random(rng, g.outSize(), -1, 1);
            float[] yRef = new float[g.outSize()];
            int[] argRef = new int[g.outSize()];
            MaxPoolReference.forward(yRef, argRef, x, g);
            float[] dXRef = random(new SplittableRandom(trial), x.length, -1, 1);
            float[] dXFast = dXRef.clone();
            MaxPoolReference.backward(dXRef, dY, argRef, g);
            assertSameWithOneAndTwoThreads("maxpool " + g, () -> {
                float[] y = new float[g.outSize()];
                int[] arg = new int[g.outSize()];
                MaxPool.forward(y, arg, x, g);
                assertArrayEquals(yRef, y, "forward " + g);
                assertArrayEquals(argRef, arg, "argmax " + g);
                float[] dX = dXFast.clone();
                MaxPool.backward(dX, dY, arg, g);
                assertArrayEquals(dXRef, dX, "backward accumulates like the reference " + g);
                return concat(y, dX);
            });
        }
    }

    @Test
    void maxPool1dPicksTheLargerOfEachPairAlongTheRow() {
        // MaxPool1d(2) on [3, -1, 4, 1, -5, 9, 2, 6, 5]: pairs (3,-1) (4,1) (-5,9) (2,6), the 5 is dropped
        float[] x = {3, -1, 4, 1, -5, 9, 2, 6, 5};
        PoolGeometry g = new PoolGeometry(1, 1, 1, 9, 1, 2, 2, 0, 0, false);
        for (boolean fast : new boolean[] {true, false}) {
            float[] y = new float[g.outSize()];
            int[] argmax = new int[g.outSize()];
            if (fast) {
                MaxPool.forward(y, argmax, x, g);
            } else {
                MaxPoolReference.forward(y, argmax, x, g);
            }
            assertArrayEquals(new float[] {3, 4, 9, 6}, y);
            assertArrayEquals(new int[] {0, 2, 5, 7}, argmax);
            float[] dX = new float[x.length];
            MaxPool.backward(dX, new float[] {1, 2, 3, 4}, argmax, g);
            assertArrayEquals(new float[] {1, 0, 2, 0, 0, 3, 0, 4, 0}, dX);
        }
    }

    @Test
    void rectangularPaddingNeverWinsAndTiesGoToTheFirstCellRowByRow() {
        // 2x2 map of negatives, window 1x2, stride 1, padding [0, 1]: outputs are 2x3; a pad cell would win as 0
        float[] x = {-4, -4, -1, -3};
        PoolGeometry g = new PoolGeometry(1, 1, 2, 2, 1, 2, 1, 0, 1, false);
        assertEquals(2, g.outHeight());
        assertEquals(3, g.outWidth());
        float[] y = new float[6];
        int[] argmax = new int[6];
        MaxPoolReference.forward(y, argmax, x, g);
        assertArrayEquals(new float[] {-4, -4, -4, -1, -1, -3}, y);
        assertArrayEquals(new int[] {0, 0, 1, 2, 2, 3}, argmax, "the tie at (0, 1) goes to the first cell");
        MaxPool.forward(y, argmax, x, g);
        assertArrayEquals(new float[] {-4, -4, -4, -1, -1, -3}, y);
        assertArrayEquals(new int[] {0, 0, 1, 2, 2, 3}, argmax);
    }

    @Test
    void twoByTwoFastPathKeepsTiesNaNAndInfinityLikeTheReference() {
        // the vector kernel for window 2, stride 2, no padding: wide rows, odd widths, ceil edges,
        // many ties (small integers), NaNs and minus infinity
        SplittableRandom rng = new SplittableRandom(17);
        for (int[] s : new int[][] {{3, 5, 28, 28}, {2, 3, 9, 64}, {1, 17, 13, 35}, {2, 2, 7, 7}, {1, 1, 40, 50}}) {
            for (boolean ceil : new boolean[] {false, true}) {
                PoolGeometry g = new PoolGeometry(s[0], s[1], s[2], s[3], 2, 2, 0, ceil);
                float[] x = new float[g.inSize()];
                for (int i = 0; i < x.length; i++) {
                    int kind = rng.nextInt(40);
                    x[i] = kind == 0 ? Float.NaN : kind == 1 ? Float.NEGATIVE_INFINITY : rng.nextInt(5) - 2;
                }
                float[] yRef = new float[g.outSize()];
                int[] argRef = new int[g.outSize()];
                MaxPoolReference.forward(yRef, argRef, x, g);
                assertSameWithOneAndTwoThreads("maxpool 2x2 " + g, () -> {
                    float[] y = new float[g.outSize()];
                    int[] arg = new int[g.outSize()];
                    MaxPool.forward(y, arg, x, g);
                    assertArrayEquals(yRef, y, "values " + g);
                    assertArrayEquals(argRef, arg, "argmax " + g);
                    return y;
                });
            }
        }
    }
}
