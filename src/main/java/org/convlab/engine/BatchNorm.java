package org.convlab.engine;

import org.convlab.engine.simd.BatchNormSimd;

/**
 * Batch normalisation, fast path. Channels are split over tasks (a channel's statistics are
 * gathered by one task, plane by plane in sample order, so they do not depend on the thread
 * count); each plane is one contiguous run handled by the Vector API when available. Plane sums
 * are lane-wise in float and added in double, so statistics can differ from
 * {@link BatchNormReference} in the last bits; the element-wise steps repeat its arithmetic.
 */
public final class BatchNorm {
    private static final int VALUES_PER_TASK = 16_384;

    private BatchNorm() {}

    // y, xHat [N,C,plane]  mean, invStd [C] (written)  x [N,C,plane]  gamma, beta [C]  runningMean, runningVar [C] (updated)
    public static void forwardTraining(float[] y, float[] xHat, float[] mean, float[] invStd, float[] x,
                                       float[] gamma, float[] beta, float[] runningMean, float[] runningVar,
                                       int batch, int channels, int plane, float eps, float momentum) {
        int count = batch * plane;
        forEachChannel(batch, channels, plane, c -> {
            double sum = 0;
            for (int n = 0; n < batch; n++) {
                int from = (n * channels + c) * plane;
                sum += Simd.AVAILABLE ? BatchNormSimd.sum(x, from, from + plane) : sum(x, from, from + plane);
            }
            float mu = (float) (sum / count);
            double squares = 0;
            for (int n = 0; n < batch; n++) {
                int from = (n * channels + c) * plane;
                squares += Simd.AVAILABLE ? BatchNormSimd.squaredDeviations(x, from, from + plane, mu)
                        : squaredDeviations(x, from, from + plane, mu);
            }
            double variance = squares / count;
            mean[c] = mu;
            invStd[c] = (float) (1 / Math.sqrt(variance + eps));
            double unbiased = count > 1 ? squares / (count - 1) : variance;
            runningMean[c] = (float) ((1 - momentum) * runningMean[c] + momentum * (double) mu);
            runningVar[c] = (float) ((1 - momentum) * runningVar[c] + momentum * unbiased);
            float s = invStd[c];
            for (int n = 0; n < batch; n++) {
                int from = (n * channels + c) * plane;
                if (Simd.AVAILABLE) {
                    BatchNormSimd.normalize(y, xHat, x, from, from + plane, mu, s, gamma[c], beta[c]);
                } else {
                    for (int at = from; at < from + plane; at++) {
                        xHat[at] = (x[at] - mu) * s;
                        y[at] = gamma[c] * xHat[at] + beta[c];
                    }
                }
            }
        });
    }

    // y [N,C,plane]  x [N,C,plane]  gamma, beta, runningMean, runningVar [C]: y = x * scale + shift per channel
    public static void forwardInference(float[] y, float[] x, float[] gamma, float[] beta, float[] runningMean,
                                        float[] runningVar, int batch, int channels, int plane, float eps) {
        forEachChannel(batch, channels, plane, c -> {
            float scale = gamma[c] * (float) (1 / Math.sqrt(runningVar[c] + (double) eps));
            float shift = beta[c] - runningMean[c] * scale;
            for (int n = 0; n < batch; n++) {
                int from = (n * channels + c) * plane;
                if (Simd.AVAILABLE) {
                    BatchNormSimd.affine(y, x, from, from + plane, scale, shift);
                } else {
                    for (int at = from; at < from + plane; at++) {
                        y[at] = x[at] * scale + shift;
                    }
                }
            }
        });
    }

    // dX [N,C,plane] (+=, nullable)  dGamma, dBeta [C] (+=)  dY, xHat [N,C,plane]  invStd, gamma [C]
    public static void backward(float[] dX, float[] dGamma, float[] dBeta, float[] dY, float[] xHat,
                                float[] invStd, float[] gamma, int batch, int channels, int plane) {
        int count = batch * plane;
        forEachChannel(batch, channels, plane, c -> {
            double sumDy = 0;
            double sumDyXHat = 0;
            for (int n = 0; n < batch; n++) {
                int from = (n * channels + c) * plane;
                if (Simd.AVAILABLE) {
                    sumDy += BatchNormSimd.sum(dY, from, from + plane);
                    sumDyXHat += BatchNormSimd.dot(dY, xHat, from, from + plane);
                } else {
                    sumDy += sum(dY, from, from + plane);
                    for (int at = from; at < from + plane; at++) {
                        sumDyXHat += (double) dY[at] * xHat[at];
                    }
                }
            }
            dBeta[c] += (float) sumDy;
            dGamma[c] += (float) sumDyXHat;
            if (dX == null) {
                return;
            }
            float meanDy = (float) (sumDy / count);
            float meanDyXHat = (float) (sumDyXHat / count);
            float k = gamma[c] * invStd[c];
            for (int n = 0; n < batch; n++) {
                int from = (n * channels + c) * plane;
                if (Simd.AVAILABLE) {
                    BatchNormSimd.inputGradient(dX, dY, xHat, from, from + plane, k, meanDy, meanDyXHat);
                } else {
                    for (int at = from; at < from + plane; at++) {
                        dX[at] += k * (dY[at] - meanDy - xHat[at] * meanDyXHat);
                    }
                }
            }
        });
    }

    /** Channels cut into runs over tasks; the task count comes from the sizes, never the threads. */
    private static void forEachChannel(int batch, int channels, int plane, java.util.function.IntConsumer channel) {
        long total = (long) batch * channels * plane;
        int tasks = (int) Math.max(1, Math.min(channels, total / VALUES_PER_TASK));
        Parallel.shared().forEach(tasks, t -> {
            for (int c = (int) ((long) channels * t / tasks), end = (int) ((long) channels * (t + 1) / tasks);
                    c < end; c++) {
                channel.accept(c);
            }
        });
    }

    private static double sum(float[] a, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += a[i];
        }
        return s;
    }

    private static double squaredDeviations(float[] a, int from, int to, float mu) {
        double s = 0;
        for (int i = from; i < to; i++) {
            double d = a[i] - mu;
            s += d * d;
        }
        return s;
    }
}
