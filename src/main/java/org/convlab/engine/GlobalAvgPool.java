package org.convlab.engine;

import org.convlab.engine.simd.GlobalAvgPoolSimd;

/**
 * Global average pooling, fast path: split over planes; the plane sums use the Vector API when
 * available (lane-wise partial sums, so they may differ from the reference in the last bits,
 * but never with the thread count: each plane is summed by one task in a fixed order).
 */
public final class GlobalAvgPool {
    private GlobalAvgPool() {}

    // y [N,C]  x [N,C,plane]
    public static void forward(float[] y, float[] x, int batch, int channels, int plane) {
        int planes = batch * channels;
        int tasks = MaxPool.tasks(planes, plane);
        Parallel.shared().forEach(tasks, t -> {
            int from = (int) ((long) planes * t / tasks);
            int to = (int) ((long) planes * (t + 1) / tasks);
            for (int p = from; p < to; p++) {
                int base = p * plane;
                float sum;
                if (Simd.AVAILABLE) {
                    sum = GlobalAvgPoolSimd.sum(x, base, base + plane);
                } else {
                    sum = 0;
                    for (int i = base; i < base + plane; i++) {
                        sum += x[i];
                    }
                }
                y[p] = sum / plane;
            }
        });
    }

    // dX [N,C,plane] (+=)  dY [N,C]
    public static void backward(float[] dX, float[] dY, int batch, int channels, int plane) {
        if (dX == null) {
            return;
        }
        int planes = batch * channels;
        int tasks = MaxPool.tasks(planes, plane);
        Parallel.shared().forEach(tasks, t -> {
            int from = (int) ((long) planes * t / tasks);
            int to = (int) ((long) planes * (t + 1) / tasks);
            for (int p = from; p < to; p++) {
                float share = dY[p] / plane;
                for (int i = p * plane; i < (p + 1) * plane; i++) {
                    dX[i] += share;
                }
            }
        });
    }
}
