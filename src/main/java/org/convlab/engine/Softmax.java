package org.convlab.engine;

import org.convlab.engine.simd.SoftmaxSimd;

/**
 * Softmax, fast path: samples are split over tasks (rows per task chosen from the sizes only),
 * each row on the Vector API when available. Row sums are lane-wise, so results differ from
 * {@link SoftmaxReference} in the last bits but never with the thread count.
 */
public final class Softmax {
    /** Aim for at least this many values per task. */
    private static final int VALUES_PER_TASK = 8_192;

    private Softmax() {}

    // y [N,K]  x [N,K]
    public static void forward(float[] y, float[] x, int batch, int classes) {
        int tasks = tasks(batch, classes);
        Parallel.shared().forEach(tasks, t -> {
            for (int n = first(t, tasks, batch), end = first(t + 1, tasks, batch); n < end; n++) {
                row(y, x, n * classes, classes);
            }
        });
    }

    // dX [N,K] (+=)  dY [N,K]  y [N,K]
    public static void backward(float[] dX, float[] dY, float[] y, int batch, int classes) {
        if (dX == null) {
            return;
        }
        int tasks = tasks(batch, classes);
        Parallel.shared().forEach(tasks, t -> {
            for (int n = first(t, tasks, batch), end = first(t + 1, tasks, batch); n < end; n++) {
                int row = n * classes;
                if (Simd.AVAILABLE && classes >= SoftmaxSimd.LANES) {
                    SoftmaxSimd.backwardRow(dX, dY, y, row, row + classes);
                } else {
                    float dot = 0;
                    for (int k = row; k < row + classes; k++) {
                        dot += dY[k] * y[k];
                    }
                    for (int k = row; k < row + classes; k++) {
                        dX[k] += y[k] * (dY[k] - dot);
                    }
                }
            }
        });
    }

    /**
     * Softmax of x[row, row+classes) into y; returns the row's log-sum-exp (max + ln sum exp(x - max)).
     * Shared with the fused cross-entropy of {@link Losses}.
     */
    static double row(float[] y, float[] x, int row, int classes) {
        int end = row + classes;
        if (Simd.AVAILABLE && classes >= SoftmaxSimd.LANES) {
            return SoftmaxSimd.row(y, x, row, end);
        }
        float max = Float.NEGATIVE_INFINITY;
        for (int k = row; k < end; k++) {
            max = Math.max(max, x[k]);
        }
        float sum = 0;
        for (int k = row; k < end; k++) {
            y[k] = (float) Math.exp(x[k] - max);
            sum += y[k];
        }
        for (int k = row; k < end; k++) {
            y[k] /= sum;
        }
        return max + Math.log(sum);
    }

    /** Number of tasks for {@code rows} rows of {@code width} values: from the sizes, never the threads. */
    static int tasks(int rows, int width) {
        long total = (long) rows * width;
        return (int) Math.max(1, Math.min(rows, total / VALUES_PER_TASK));
    }

    /** First row of task t when {@code rows} rows are cut into {@code tasks} near-equal runs. */
    static int first(int t, int tasks, int rows) {
        return (int) ((long) rows * t / tasks);
    }
}
