package org.convlab.engine;

import org.convlab.engine.simd.MaxPoolSimd;

/**
 * Max pooling, fast path: the same comparisons as {@link MaxPoolReference} (so results and
 * argmax are bit-identical to it), split over (sample, channel) planes. The common 2x2 stride 2
 * unpadded pool runs on the Vector API when available; other geometries and the ragged edges
 * of ceil mode use the scalar loop.
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
        // the 2x2, stride 2, unpadded pool has a vector kernel for the rows whose windows are whole
        boolean pairs = g.windowHeight() == 2 && g.windowWidth() == 2 && g.stride() == 2
                && g.padHeight() == 0 && g.padWidth() == 0;
        boolean vector = pairs && Simd.AVAILABLE;
        for (int plane = from; plane < to; plane++) {
            int inBase = plane * inH * inW;
            for (int oh = 0; oh < outH; oh++) {
                int outRow = (plane * outH + oh) * outW;
                int done = 0;
                if (pairs && 2 * oh + 1 < inH) {
                    int top = inBase + 2 * oh * inW;
                    int whole = inW / 2;
                    done = vector ? MaxPoolSimd.row(y, argmax, x, top, inW, outRow, whole) : 0;
                    for (; done < whole; done++) {
                        pair(y, argmax, x, top + 2 * done, inW, outRow + done);
                    }
                }
                for (int ow = done; ow < outW; ow++) {
                    cell(y, argmax, x, g, inBase, oh, ow, outRow + ow);
                }
            }
        }
    }

    /** One whole 2x2 window at {@code at}: the four cells in row-major order, the reference's rule. */
    private static void pair(float[] y, int[] argmax, float[] x, int at, int inW, int o) {
        int best = at;
        float bestValue = x[at];
        float v = x[at + 1];
        boolean wins = v > bestValue | v != v;
        best = wins ? at + 1 : best;
        bestValue = wins ? v : bestValue;
        v = x[at + inW];
        wins = v > bestValue | v != v;
        best = wins ? at + inW : best;
        bestValue = wins ? v : bestValue;
        v = x[at + inW + 1];
        wins = v > bestValue | v != v;
        best = wins ? at + inW + 1 : best;
        bestValue = wins ? v : bestValue;
        y[o] = bestValue;
        argmax[o] = best;
    }

    /** One output, with the reference's rule: strictly greater or NaN wins, padding never does. */
    private static void cell(float[] y, int[] argmax, float[] x, PoolGeometry g, int inBase, int oh, int ow, int o) {
        int inW = g.inWidth();
        int top = g.windowTop(oh);
        int rowStart = Math.max(top, 0);
        int rowEnd = Math.min(top + g.windowHeight(), g.inHeight());
        int left = g.windowLeft(ow);
        int colStart = Math.max(left, 0);
        int colEnd = Math.min(left + g.windowWidth(), inW);
        int best = inBase + rowStart * inW + colStart;
        float bestValue = Float.NEGATIVE_INFINITY;
        for (int r = rowStart; r < rowEnd; r++) {
            int row = inBase + r * inW;
            for (int c = colStart; c < colEnd; c++) {
                // branch-free select: on real data the comparison is a coin toss
                float value = x[row + c];
                boolean wins = value > bestValue | value != value;
                best = wins ? row + c : best;
                bestValue = wins ? value : bestValue;
            }
        }
        y[o] = bestValue;
        argmax[o] = best;
    }
}
