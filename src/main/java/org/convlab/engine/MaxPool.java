package org.convlab.engine;

/**
 * Max pooling, fast path: the same arithmetic as {@link MaxPoolReference} (so results are
 * bit-identical to it), split over (sample, channel) planes with the window bounds hoisted.
 * Comparisons gain nothing from SIMD at these window sizes, so there is no vector code.
 */
public final class MaxPool {
    /** Aim for at least this many input values per task so a hand-off is worth it. */
    private static final int VALUES_PER_TASK = 16_384;

    private MaxPool() {}

    // y [N,C,OH,OW]  argmax [N,C,OH,OW]  x [N,C,H,W]
    public static void forward(float[] y, int[] argmax, float[] x, PoolGeometry g) {
        int planes = g.planes();
        int tasks = tasks(planes, g.inPlane());
        Parallel.shared().forEach(tasks, t -> {
            int from = (int) ((long) planes * t / tasks);
            int to = (int) ((long) planes * (t + 1) / tasks);
            forwardPlanes(y, argmax, x, g, from, to);
        });
    }

    // dX [N,C,H,W] (+=)  dY [N,C,OH,OW]  argmax [N,C,OH,OW]
    public static void backward(float[] dX, float[] dY, int[] argmax, PoolGeometry g) {
        if (dX == null) {
            return;
        }
        int planes = g.planes();
        int outPlane = g.outPlane();
        int tasks = tasks(planes, g.inPlane());
        // argmax of a plane points into the same plane, so tasks over planes never share a cell
        Parallel.shared().forEach(tasks, t -> {
            int from = (int) ((long) planes * t / tasks) * outPlane;
            int to = (int) ((long) planes * (t + 1) / tasks) * outPlane;
            for (int o = from; o < to; o++) {
                dX[argmax[o]] += dY[o];
            }
        });
    }

    static int tasks(int planes, int valuesPerPlane) {
        long total = (long) planes * valuesPerPlane;
        return (int) Math.max(1, Math.min(planes, total / VALUES_PER_TASK));
    }

    private static void forwardPlanes(float[] y, int[] argmax, float[] x, PoolGeometry g, int from, int to) {
        int inH = g.inHeight();
        int inW = g.inWidth();
        int outH = g.outHeight();
        int outW = g.outWidth();
        int window = g.window();
        int stride = g.stride();
        int pad = g.padding();
        for (int plane = from; plane < to; plane++) {
            int inBase = plane * inH * inW;
            int o = plane * outH * outW;
            for (int oh = 0; oh < outH; oh++) {
                int top = oh * stride - pad;
                int rowStart = Math.max(top, 0);
                int rowEnd = Math.min(top + window, inH);
                for (int ow = 0; ow < outW; ow++, o++) {
                    int left = ow * stride - pad;
                    int colStart = Math.max(left, 0);
                    int colEnd = Math.min(left + window, inW);
                    int best = inBase + rowStart * inW + colStart;
                    float bestValue = Float.NEGATIVE_INFINITY;
                    for (int r = rowStart; r < rowEnd; r++) {
                        int row = inBase + r * inW;
                        for (int c = colStart; c < colEnd; c++) {
                            float value = x[row + c];
                            if (value > bestValue || value != value) {
                                bestValue = value;
                                best = row + c;
                            }
                        }
                    }
                    y[o] = bestValue;
                    argmax[o] = best;
                }
            }
        }
    }
}
