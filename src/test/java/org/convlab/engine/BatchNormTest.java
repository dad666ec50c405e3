package org.convlab.engine;

import static org.convlab.engine.LayerChecks.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchNormTest {
    @Test
    void exactStatisticsOfASmallBatch() {
        // one channel holding 1, 2, 3, 4 (batch 2, plane 2): mean 2.5, biased variance 1.25, unbiased 5/3
        float[] x = {1, 2, 3, 4};
        float[] y = new float[4];
        float[] xHat = new float[4];
        float[] mean = new float[1];
        float[] invStd = new float[1];
        float[] runningMean = {0};
        float[] runningVar = {1};
        BatchNorm.forwardTraining(y, xHat, mean, invStd, x, new float[] {1}, new float[] {0}, runningMean, runningVar,
                2, 1, 2, 0f, 0.1f);
        assertEquals(2.5f, mean[0]);
        assertEquals(1 / Math.sqrt(1.25), invStd[0], 1e-7);
        assertEquals(0.25f, runningMean[0], 1e-7f);
        assertEquals(0.9 + 0.1 * 5 / 3.0, runningVar[0], 1e-7);
        double s = Math.sqrt(1.25);
        assertClose("y", new float[] {(float) (-1.5 / s), (float) (-0.5 / s), (float) (0.5 / s), (float) (1.5 / s)},
                y, 1e-7, 1e-6);
        // inference with running mean 1, variance 4, gamma 2, beta 1: 2 * (5 - 1) / 2 + 1 = 5
        float[] out = new float[1];
        BatchNorm.forwardInference(out, new float[] {5}, new float[] {2}, new float[] {1}, new float[] {1},
                new float[] {4}, 1, 1, 1, 0f);
        assertEquals(5f, out[0]);
    }

    @Test
    void matchesPyTorch() {
        JsonNode t = torchLayers().get("batchnorm");
        int batch = t.get("shape").get(0).asInt(), channels = t.get("shape").get(1).asInt();
        int plane = t.get("shape").get(2).asInt() * t.get("shape").get(3).asInt();
        float eps = t.get("eps").floatValue(), momentum = t.get("momentum").floatValue();
        float[] x = floats(t.get("x")), r = floats(t.get("r")), gamma = floats(t.get("gamma")), beta = floats(t.get("beta"));
        for (boolean fast : new boolean[] {true, false}) {
            String who = fast ? "BatchNorm" : "BatchNormReference";
            float[] runningMean = floats(t.get("running_mean_before")), runningVar = floats(t.get("running_var_before"));
            float[] y = new float[x.length], xHat = new float[x.length], mean = new float[channels], invStd = new float[channels];
            float[] dX = new float[x.length], dGamma = new float[channels], dBeta = new float[channels];
            if (fast) {
                BatchNorm.forwardTraining(y, xHat, mean, invStd, x, gamma, beta, runningMean, runningVar, batch, channels,
                        plane, eps, momentum);
                BatchNorm.backward(dX, dGamma, dBeta, r, xHat, invStd, gamma, batch, channels, plane);
            } else {
                BatchNormReference.forwardTraining(y, xHat, mean, invStd, x, gamma, beta, runningMean, runningVar, batch,
                        channels, plane, eps, momentum);
                BatchNormReference.backward(dX, dGamma, dBeta, r, xHat, invStd, gamma, batch, channels, plane);
            }
            JsonNode train = t.get("train");
            assertClose(who + " y", floats(train.get("y")), y, 1e-5, 1e-4);
            assertClose(who + " running mean", floats(train.get("running_mean")), runningMean, 1e-6, 1e-5);
            assertClose(who + " running var", floats(train.get("running_var")), runningVar, 1e-6, 1e-5);
            assertClose(who + " dx", floats(train.get("dx")), dX, 1e-5, 1e-4);
            assertClose(who + " dgamma", floats(train.get("dgamma")), dGamma, 1e-5, 1e-4);
            assertClose(who + " dbeta", floats(train.get("dbeta")), dBeta, 1e-5, 1e-4);
            float[] inference = new float[x.length];
            if (fast) {
                BatchNorm.forwardInference(inference, x, gamma, beta, runningMean, runningVar, batch, channels, plane, eps);
            } else {
                BatchNormReference.forwardInference(inference, x, gamma, beta, runningMean, runningVar, batch, channels,
                        plane, eps);
            }
            assertClose(who + " inference", floats(t.get("inference_y")), inference, 1e-5, 1e-4);
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(61);
        for (int[] s : new int[][] {{3, 17, 35}, {3, 5, 1}}) {
            int batch = s[0], channels = s[1], plane = s[2], n = batch * channels * plane;
            float[] x = random(rng, n, -2, 2);
            float[] r = random(rng, n, -1, 1);
            float[] gamma = random(rng, channels, 0.5, 2);
            float[] beta = random(rng, channels, -1, 1);
            float[] y = new float[n], xHat = new float[n], mean = new float[channels], invStd = new float[channels];
            float[] rm = new float[channels], rv = new float[channels];
            BatchNorm.forwardTraining(y, xHat, mean, invStd, x, gamma, beta, rm, rv, batch, channels, plane, 1e-5f, 0.1f);
            float[] dX = new float[n], dGamma = new float[channels], dBeta = new float[channels];
            BatchNorm.backward(dX, dGamma, dBeta, r, xHat, invStd, gamma, batch, channels, plane);
            float[] h = new float[n], m = new float[channels], is = new float[channels];
            java.util.function.DoubleSupplier loss = () -> {
                BatchNormReference.forwardTraining(y, h, m, is, x, gamma, beta, rm, rv, batch, channels, plane, 1e-5f, 0.1f);
                return dot(y, r);
            };
            String what = "batch norm " + batch + "x" + channels + "x" + plane;
            gradCheck(what + " dX", x, loss, dX, 1e-2, 5e-4, 5e-3);
            gradCheck(what + " dGamma", gamma, loss, dGamma, 1e-2, 5e-4, 1e-3);
            gradCheck(what + " dBeta", beta, loss, dBeta, 1e-2, 5e-4, 1e-3);
        }
    }

    @Test
    void fastMatchesReferenceAndThreadsAgree() {
        SplittableRandom rng = new SplittableRandom(67);
        int[][] sizes = {{1, 1, 1}, {3, 17, 35}, {64, 6, 784}, {5, 33, 17}, {64, 120, 1}, {2, 3, 4099}};
        for (int[] s : sizes) {
            int batch = s[0], channels = s[1], plane = s[2], n = batch * channels * plane;
            float[] x = random(rng, n, -3, 5);
            float[] dY = random(rng, n, -1, 1);
            float[] gamma = random(rng, channels, 0.5, 2);
            float[] beta = random(rng, channels, -1, 1);
            float[] rm0 = random(rng, channels, -1, 1), rv0 = random(rng, channels, 0.5, 2);
            float[] yRef = new float[n], hRef = new float[n], mRef = new float[channels], sRef = new float[channels];
            float[] rmRef = rm0.clone(), rvRef = rv0.clone();
            BatchNormReference.forwardTraining(yRef, hRef, mRef, sRef, x, gamma, beta, rmRef, rvRef, batch, channels,
                    plane, 1e-5f, 0.1f);
            float[] dXRef = new float[n], dGRef = new float[channels], dBRef = new float[channels];
            BatchNormReference.backward(dXRef, dGRef, dBRef, dY, hRef, sRef, gamma, batch, channels, plane);
            float[] infRef = new float[n];
            BatchNormReference.forwardInference(infRef, x, gamma, beta, rm0, rv0, batch, channels, plane, 1e-5f);
            String what = "batch norm " + batch + "x" + channels + "x" + plane;
            assertSameWithOneAndTwoThreads(what, () -> {
                float[] y = new float[n], h = new float[n], m = new float[channels], is = new float[channels];
                float[] rm = rm0.clone(), rv = rv0.clone();
                BatchNorm.forwardTraining(y, h, m, is, x, gamma, beta, rm, rv, batch, channels, plane, 1e-5f, 0.1f);
                assertClose(what + " y", yRef, y, 1e-5, 1e-5);
                assertClose(what + " mean", mRef, m, 1e-6, 1e-5);
                assertClose(what + " invStd", sRef, is, 1e-6, 1e-5);
                assertClose(what + " running var", rvRef, rv, 1e-6, 1e-5);
                float[] dX = new float[n], dG = new float[channels], dB = new float[channels];
                BatchNorm.backward(dX, dG, dB, dY, hRef, sRef, gamma, batch, channels, plane);
                assertClose(what + " dX", dXRef, dX, 1e-5, 1e-4);
                assertClose(what + " dGamma", dGRef, dG, 1e-4, 1e-5);
                assertClose(what + " dBeta", dBRef, dB, 1e-4, 1e-5);
                float[] inf = new float[n];
                BatchNorm.forwardInference(inf, x, gamma, beta, rm0, rv0, batch, channels, plane, 1e-5f);
                assertClose(what + " inference", infRef, inf, 1e-5, 1e-5);
                return concat(y, h, m, is, rm, rv, dX, dG, dB, inf);
            });
        }
    }

    @Test
    void nullInputGradientStillGivesParameterGradients() {
        float[] dGamma = {1}, dBeta = {1};
        BatchNorm.backward(null, dGamma, dBeta, new float[] {1, 2}, new float[] {-1, 1}, new float[] {1}, new float[] {1},
                2, 1, 1);
        assertArrayEquals(new float[] {2}, dGamma, "accumulates -1*1 + 1*2 onto 1");
        assertArrayEquals(new float[] {4}, dBeta);
    }
}
