package org.convlab.engine;

import static org.convlab.engine.LayerChecks.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LrnTest {
    @Test
    void exactValueOfOnePosition() {
        // channels 1, 2, 2 at one position, size 3, alpha 3, beta 1, k 1:
        // middle channel: scale = 1 + 3/3 * (1 + 4 + 4) = 10, y = 2 / 10
        // first channel: window holds channels 0 and 1 (the missing one counts as 0): 1 + 5 = 6, y = 1/6
        float[] x = {1, 2, 2};
        float[] y = new float[3];
        float[] scale = new float[3];
        Lrn.forward(y, scale, x, 1, 3, 1, 3, 3f, 1f, 1f);
        assertEquals(6f, scale[0]);
        assertEquals(10f, scale[1]);
        assertEquals(9f, scale[2]);
        assertEquals(1f / 6, y[0], 1e-7f);
        assertEquals(0.2f, y[1], 1e-7f);
        assertEquals(2f / 9, y[2], 1e-7f);
    }

    @Test
    void matchesPyTorchForOddAndEvenWindows() {
        for (JsonNode t : torchLayers().get("lrn")) {
            int batch = t.get("shape").get(0).asInt(), channels = t.get("shape").get(1).asInt();
            int plane = t.get("shape").get(2).asInt() * t.get("shape").get(3).asInt();
            int size = t.get("size").asInt();
            float alpha = t.get("alpha").floatValue(), beta = t.get("beta").floatValue(), k = t.get("k").floatValue();
            float[] x = floats(t.get("x")), r = floats(t.get("r"));
            for (boolean fast : new boolean[] {true, false}) {
                String what = (fast ? "Lrn" : "LrnReference") + " size " + size;
                float[] y = new float[x.length], scale = new float[x.length], dX = new float[x.length];
                if (fast) {
                    Lrn.forward(y, scale, x, batch, channels, plane, size, alpha, beta, k);
                    Lrn.backward(dX, r, x, y, scale, batch, channels, plane, size, alpha, beta, k);
                } else {
                    LrnReference.forward(y, scale, x, batch, channels, plane, size, alpha, beta, k);
                    LrnReference.backward(dX, r, x, y, scale, batch, channels, plane, size, alpha, beta, k);
                }
                assertClose(what + " y", floats(t.get("y")), y, 1e-6, 1e-5);
                assertClose(what + " dx", floats(t.get("dx")), dX, 1e-6, 1e-4);
            }
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(71);
        for (int size : new int[] {5, 4, 1}) {
            int batch = 3, channels = 7, plane = 5;
            int n = batch * channels * plane;
            float[] x = random(rng, n, -2, 2);
            float[] r = random(rng, n, -1, 1);
            float alpha = 0.5f, beta = 0.75f, k = 1f;
            float[] y = new float[n], scale = new float[n], dX = new float[n];
            Lrn.forward(y, scale, x, batch, channels, plane, size, alpha, beta, k);
            Lrn.backward(dX, r, x, y, scale, batch, channels, plane, size, alpha, beta, k);
            float[] s2 = new float[n];
            gradCheck("lrn size " + size, x, () -> {
                LrnReference.forward(y, s2, x, batch, channels, plane, size, alpha, beta, k);
                return dot(y, r);
            }, dX, 1e-2, 2e-4, 3e-3);
        }
    }

    @Test
    void fastMatchesReferenceAndThreadsAgree() {
        SplittableRandom rng = new SplittableRandom(73);
        int[][] sizes = {{1, 1, 1, 5}, {3, 17, 35, 5}, {4, 96, 27 * 27, 5}, {2, 33, 17, 4}, {2, 5, 19, 7}};
        for (int[] s : sizes) {
            int batch = s[0], channels = s[1], plane = s[2], size = s[3], n = batch * channels * plane;
            float alpha = 1e-4f * 100, beta = 0.75f, k = 2f;
            float[] x = random(rng, n, -3, 3);
            float[] dY = random(rng, n, -1, 1);
            float[] yRef = new float[n], scaleRef = new float[n], dXRef = random(rng, n, -1, 1);
            float[] dX0 = dXRef.clone();
            LrnReference.forward(yRef, scaleRef, x, batch, channels, plane, size, alpha, beta, k);
            LrnReference.backward(dXRef, dY, x, yRef, scaleRef, batch, channels, plane, size, alpha, beta, k);
            String what = "lrn " + batch + "x" + channels + "x" + plane + " size " + size;
            assertSameWithOneAndTwoThreads(what, () -> {
                float[] y = new float[n], scale = new float[n], dX = dX0.clone();
                Lrn.forward(y, scale, x, batch, channels, plane, size, alpha, beta, k);
                assertClose(what + " scale", scaleRef, scale, 0, 0);
                assertClose(what + " y", yRef, y, 1e-7, 1e-6);
                Lrn.backward(dX, dY, x, yRef, scaleRef, batch, channels, plane, size, alpha, beta, k);
                assertClose(what + " dX", dXRef, dX, 1e-6, 1e-5);
                return concat(y, scale, dX);
            });
        }
    }
}
