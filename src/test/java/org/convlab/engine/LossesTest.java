package org.convlab.engine;

import static org.convlab.engine.LayerChecks.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LossesTest {
    @Test
    void crossEntropyExactValues() {
        float ln3 = (float) Math.log(3);
        // p = [1/4, 3/4]: label 1 costs ln(4/3), label 0 costs ln 4; the mean of both samples
        float[] logits = {0, ln3, 0, ln3};
        float[] probs = new float[4];
        float[] dLogits = new float[4];
        float loss = Losses.softmaxCrossEntropy(probs, dLogits, logits, new int[] {1, 0}, 2, 2);
        assertEquals((Math.log(4.0 / 3) + Math.log(4)) / 2, loss, 1e-6);
        // (p - onehot) / N
        assertClose("dLogits", new float[] {0.125f, -0.125f, -0.375f, 0.375f}, dLogits, 1e-7, 0);
        // uniform logits over 10 classes cost ln 10
        float[] zeros = new float[10];
        float[] p = new float[10];
        float[] d = new float[10];
        assertEquals(Math.log(10), Losses.softmaxCrossEntropy(p, d, zeros, new int[] {3}, 1, 10), 1e-6);
        assertEquals(Math.log(10), LossesReference.softmaxCrossEntropy(p, d, zeros, new int[] {3}, 1, 10), 1e-6);
    }

    @Test
    void crossEntropyStaysFiniteWhenTheTrueClassUnderflows() {
        float[] logits = {0, -1000};
        float[] probs = new float[2];
        float[] dLogits = new float[2];
        assertEquals(1000f, Losses.softmaxCrossEntropy(probs, dLogits, logits, new int[] {1}, 1, 2), 1e-3f);
        assertEquals(1000f, LossesReference.softmaxCrossEntropy(probs, dLogits, logits, new int[] {1}, 1, 2), 1e-3f);
        assertArrayEquals(new float[] {1, -1}, dLogits);
    }

    @Test
    void badLabelIsRefused() {
        float[] logits = new float[6];
        assertThrows(IllegalArgumentException.class,
                () -> Losses.softmaxCrossEntropy(new float[6], new float[6], logits, new int[] {0, 3}, 2, 3));
    }

    @Test
    void meanSquaredErrorExactValues() {
        float[] dPred = {9, 9, 9};
        float loss = Losses.meanSquaredError(dPred, new float[] {1, 2, 3}, new float[] {0, 0, 0}, 3);
        assertEquals(14f / 3, loss, 1e-6f);
        assertClose("dPred is written, not added", new float[] {2f / 3, 4f / 3, 2f}, dPred, 1e-7, 0);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(41);
        int batch = 3, classes = 17;
        float[] logits = random(rng, batch * classes, -4, 4);
        int[] labels = {16, 0, 5};
        float[] probs = new float[logits.length];
        float[] dLogits = new float[logits.length];
        Losses.softmaxCrossEntropy(probs, dLogits, logits, labels, batch, classes);
        float[] scratch = new float[logits.length];
        gradCheck("cross-entropy", logits,
                () -> LossesReference.softmaxCrossEntropy(probs, scratch, logits, labels, batch, classes),
                dLogits, 1e-2, 1e-4, 2e-3);

        int n = 3 * 5 * 7;
        float[] pred = random(rng, n, -2, 2);
        float[] target = random(rng, n, -2, 2);
        float[] dPred = new float[n];
        Losses.meanSquaredError(dPred, pred, target, n);
        float[] scratch2 = new float[n];
        gradCheck("mse", pred, () -> LossesReference.meanSquaredError(scratch2, pred, target, n),
                dPred, 1e-2, 1e-4, 2e-3);
    }

    @Test
    void fastMatchesReferenceAndThreadsAgree() {
        SplittableRandom rng = new SplittableRandom(43);
        int[][] sizes = {{1, 2}, {3, 10}, {64, 10}, {5, 33}, {300, 100}};
        for (int[] s : sizes) {
            int batch = s[0], classes = s[1];
            float[] logits = random(rng, batch * classes, -10, 10);
            int[] labels = new int[batch];
            for (int i = 0; i < batch; i++) {
                labels[i] = rng.nextInt(classes);
            }
            float[] pRef = new float[logits.length];
            float[] dRef = new float[logits.length];
            float lossRef = LossesReference.softmaxCrossEntropy(pRef, dRef, logits, labels, batch, classes);
            String what = "cross-entropy " + batch + "x" + classes;
            assertSameWithOneAndTwoThreads(what, () -> {
                float[] p = new float[logits.length];
                float[] d = new float[logits.length];
                float loss = Losses.softmaxCrossEntropy(p, d, logits, labels, batch, classes);
                assertEquals(lossRef, loss, 1e-5 * Math.max(1, lossRef), what);
                assertClose(what, pRef, p, 1e-7, 1e-5);
                assertClose(what, dRef, d, 1e-8, 1e-5);
                return concat(new float[] {loss}, p, d);
            });
        }
        for (int n : new int[] {1, 17, 1000, 3 * Activations.CHUNK + 7}) {
            float[] pred = random(rng, n, -2, 2);
            float[] target = random(rng, n, -2, 2);
            float[] dRef = new float[n];
            float lossRef = LossesReference.meanSquaredError(dRef, pred, target, n);
            assertSameWithOneAndTwoThreads("mse " + n, () -> {
                float[] d = new float[n];
                float loss = Losses.meanSquaredError(d, pred, target, n);
                assertEquals(lossRef, loss, 1e-5 * lossRef, "mse " + n);
                assertArrayEquals(dRef, d, "mse gradient " + n);
                return concat(new float[] {loss}, d);
            });
        }
    }
}
