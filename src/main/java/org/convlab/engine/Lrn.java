package org.convlab.engine;

import org.convlab.engine.simd.LrnSimd;

/**
 * Local response normalisation, fast path: samples (and, for few samples, runs of channels) are
 * split over tasks; within a channel the positions of a plane are contiguous, so the Vector API
 * handles a whole row of positions at once, summing the window's channels in the reference's
 * order. Only the power differs from {@link LrnReference} (vector pow, a few ulps).
 */
public final class Lrn {
    private static final int VALUES_PER_TASK = 8_192;

    private Lrn() {}

    // y [N,C,plane]  scale [N,C,plane] (written)  x [N,C,plane]
    public static void forward(float[] y, float[] scale, float[] x, int batch, int channels, int plane, int size,
                               float alpha, float beta, float k) {
        forEachPlane(batch, channels, plane, (n, c) -> {
            int first = Math.max(0, c - size / 2);
            int last = Math.min(channels - 1, c + (size - 1) / 2);
            int out = (n * channels + c) * plane;
            int window = (n * channels + first) * plane;
            int count = last - first + 1;
            if (Simd.AVAILABLE) {
                LrnSimd.forward(y, scale, x, out, window, count, plane, size, alpha, beta, k);
                return;
            }
            for (int i = 0; i < plane; i++) {
                float squares = 0;
                for (int j = 0; j < count; j++) {
                    float v = x[window + j * plane + i];
                    squares += v * v;
                }
                scale[out + i] = k + alpha / size * squares;
                y[out + i] = x[out + i] / (float) Math.pow(scale[out + i], beta);
            }
        });
    }

    // dX [N,C,plane] (+=, nullable)  dY, x, y, scale [N,C,plane]
    public static void backward(float[] dX, float[] dY, float[] x, float[] y, float[] scale, int batch, int channels,
                                int plane, int size, float alpha, float beta, float k) {
        if (dX == null) {
            return;
        }
        float factor = 2f * alpha * beta / size;
        forEachPlane(batch, channels, plane, (n, j) -> {
            int first = Math.max(0, j - (size - 1) / 2);
            int last = Math.min(channels - 1, j + size / 2);
            int at = (n * channels + j) * plane;
            int window = (n * channels + first) * plane;
            int count = last - first + 1;
            if (Simd.AVAILABLE) {
                LrnSimd.backward(dX, dY, x, y, scale, at, window, count, plane, beta, factor);
                return;
            }
            for (int i = 0; i < plane; i++) {
                float cross = 0;
                for (int c = 0; c < count; c++) {
                    int w = window + c * plane + i;
                    cross += dY[w] * y[w] / scale[w];
                }
                dX[at + i] += dY[at + i] / (float) Math.pow(scale[at + i], beta) - factor * x[at + i] * cross;
            }
        });
    }

    interface PlaneWork {
        void run(int sample, int channel);
    }

    /** Every (sample, channel) plane exactly once, in runs of planes per task chosen from the sizes. */
    private static void forEachPlane(int batch, int channels, int plane, PlaneWork work) {
        int planes = batch * channels;
        long total = (long) planes * plane;
        int tasks = (int) Math.max(1, Math.min(planes, total / VALUES_PER_TASK));
        Parallel.shared().forEach(tasks, t -> {
            for (int p = (int) ((long) planes * t / tasks), end = (int) ((long) planes * (t + 1) / tasks); p < end; p++) {
                work.run(p / channels, p % channels);
            }
        });
    }
}
