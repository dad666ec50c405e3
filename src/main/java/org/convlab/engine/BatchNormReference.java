package org.convlab.engine;

/**
 * Batch normalisation written for reading, with PyTorch's semantics. Each channel is normalised
 * over all N * plane values it has in the batch: xHat = (x - mean) / sqrt(var + eps), then
 * y = gamma * xHat + beta. Training uses the batch's own statistics (biased variance, divided by
 * M = N * plane) and moves the running estimates toward them by {@code momentum}, using the
 * unbiased variance (divided by M - 1) as PyTorch does; inference uses the running estimates.
 * Sums run in double, channel by channel, in a fixed order.
 */
public final class BatchNormReference {
    private BatchNormReference() {}

    // y, xHat [N,C,plane]  mean, invStd [C] (written, kept for backward)  x [N,C,plane]
    // gamma, beta [C]  runningMean, runningVar [C] (updated)
    public static void forwardTraining(float[] y, float[] xHat, float[] mean, float[] invStd, float[] x,
                                       float[] gamma, float[] beta, float[] runningMean, float[] runningVar,
                                       int batch, int channels, int plane, float eps, float momentum) {
        int count = batch * plane;
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            for (int n = 0; n < batch; n++) {
                for (int i = 0; i < plane; i++) {
                    sum += x[(n * channels + c) * plane + i];
                }
            }
            double mu = sum / count;
            double squares = 0;
            for (int n = 0; n < batch; n++) {
                for (int i = 0; i < plane; i++) {
                    double d = x[(n * channels + c) * plane + i] - mu;
                    squares += d * d;
                }
            }
            double variance = squares / count;
            mean[c] = (float) mu;
            invStd[c] = (float) (1 / Math.sqrt(variance + eps));
            double unbiased = count > 1 ? squares / (count - 1) : variance;
            runningMean[c] = (float) ((1 - momentum) * runningMean[c] + momentum * mu);
            runningVar[c] = (float) ((1 - momentum) * runningVar[c] + momentum * unbiased);
            for (int n = 0; n < batch; n++) {
                for (int i = 0; i < plane; i++) {
                    int at = (n * channels + c) * plane + i;
                    xHat[at] = (x[at] - mean[c]) * invStd[c];
                    y[at] = gamma[c] * xHat[at] + beta[c];
                }
            }
        }
    }

    // y [N,C,plane]  x [N,C,plane]  gamma, beta, runningMean, runningVar [C]
    public static void forwardInference(float[] y, float[] x, float[] gamma, float[] beta, float[] runningMean,
                                        float[] runningVar, int batch, int channels, int plane, float eps) {
        for (int c = 0; c < channels; c++) {
            float invStd = (float) (1 / Math.sqrt(runningVar[c] + (double) eps));
            for (int n = 0; n < batch; n++) {
                for (int i = 0; i < plane; i++) {
                    int at = (n * channels + c) * plane + i;
                    y[at] = gamma[c] * (x[at] - runningMean[c]) * invStd + beta[c];
                }
            }
        }
    }

    // dX [N,C,plane] (+=, nullable)  dGamma, dBeta [C] (+=)  dY, xHat [N,C,plane]  invStd, gamma [C]
    // With the batch statistics depending on x:
    //   dX = gamma * invStd * (dY - mean(dY) - xHat * mean(dY * xHat)),  means over the channel's M values
    public static void backward(float[] dX, float[] dGamma, float[] dBeta, float[] dY, float[] xHat,
                                float[] invStd, float[] gamma, int batch, int channels, int plane) {
        int count = batch * plane;
        for (int c = 0; c < channels; c++) {
            double sumDy = 0;
            double sumDyXHat = 0;
            for (int n = 0; n < batch; n++) {
                for (int i = 0; i < plane; i++) {
                    int at = (n * channels + c) * plane + i;
                    sumDy += dY[at];
                    sumDyXHat += (double) dY[at] * xHat[at];
                }
            }
            dBeta[c] += (float) sumDy;
            dGamma[c] += (float) sumDyXHat;
            if (dX == null) {
                continue;
            }
            float meanDy = (float) (sumDy / count);
            float meanDyXHat = (float) (sumDyXHat / count);
            float k = gamma[c] * invStd[c];
            for (int n = 0; n < batch; n++) {
                for (int i = 0; i < plane; i++) {
                    int at = (n * channels + c) * plane + i;
                    dX[at] += k * (dY[at] - meanDy - xHat[at] * meanDyXHat);
                }
            }
        }
    }
}
