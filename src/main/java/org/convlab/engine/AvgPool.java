package org.convlab.engine;

/**
 * Average pooling, fast path: the arithmetic of {@link AvgPoolReference} in the same order (so
 * bit-identical to it), split over (sample, channel) planes. No vector code: windows are small.
 */
public final class AvgPool {
    private AvgPool() {}

    // y [N,C,OH,OW]  x [N,C,H,W]
    public static void forward(float[] y, float[] x, PoolGeometry g) {
        int planes = g.planes();
        int tasks = MaxPool.tasks(planes, g.inPlane());
        Parallel.shared().forEach(tasks, t -> forwardPlanes(y, x, g,
                (int) ((long) planes * t / tasks), (int) ((long) planes * (t + 1) / tasks)));
    }

    // dX [N,C,H,W] (+=)  dY [N,C,OH,OW]
    public static void backward(float[] dX, float[] dY, PoolGeometry g) {
        if (dX == null) {
            return;
        }
        int planes = g.planes();
        int tasks = MaxPool.tasks(planes, g.inPlane());
        Parallel.shared().forEach(tasks, t -> backwardPlanes(dX, dY, g,
                (int) ((long) planes * t / tasks), (int) ((long) planes * (t + 1) / tasks)));
    }

    private static void forwardPlanes(float[] y, float[] x, PoolGeometry g, int from, int to) {
        int inH = g.inHeight();
        int inW = g.inWidth();
        int outH = g.outHeight();
        int outW = g.outWidth();
        int windowH = g.windowHeight();
        int windowW = g.windowWidth();
        int stride = g.stride();
        int padH = g.padHeight();
        int padW = g.padWidth();
        for (int plane = from; plane < to; plane++) {
            int inBase = plane * inH * inW;
            int o = plane * outH * outW;
            for (int oh = 0; oh < outH; oh++) {
                int top = oh * stride - padH;
                int rowStart = Math.max(top, 0);
                int rowEnd = Math.min(top + windowH, inH);
                for (int ow = 0; ow < outW; ow++, o++) {
                    int left = ow * stride - padW;
                    int colStart = Math.max(left, 0);
                    int colEnd = Math.min(left + windowW, inW);
                    float sum = 0;
                    for (int r = rowStart; r < rowEnd; r++) {
                        int row = inBase + r * inW;
                        for (int c = colStart; c < colEnd; c++) {
                            sum += x[row + c];
                        }
                    }
                    y[o] = sum / AvgPoolReference.divisor(top, left, g);
                }
            }
        }
    }

    private static void backwardPlanes(float[] dX, float[] dY, PoolGeometry g, int from, int to) {
        int inH = g.inHeight();
        int inW = g.inWidth();
        int outH = g.outHeight();
        int outW = g.outWidth();
        int windowH = g.windowHeight();
        int windowW = g.windowWidth();
        int stride = g.stride();
        int padH = g.padHeight();
        int padW = g.padWidth();
        for (int plane = from; plane < to; plane++) {
            int inBase = plane * inH * inW;
            int o = plane * outH * outW;
            for (int oh = 0; oh < outH; oh++) {
                int top = oh * stride - padH;
                int rowStart = Math.max(top, 0);
                int rowEnd = Math.min(top + windowH, inH);
                for (int ow = 0; ow < outW; ow++, o++) {
                    int left = ow * stride - padW;
                    int colStart = Math.max(left, 0);
                    int colEnd = Math.min(left + windowW, inW);
                    float share = dY[o] / AvgPoolReference.divisor(top, left, g);
                    for (int r = rowStart; r < rowEnd; r++) {
                        int row = inBase + r * inW;
                        for (int c = colStart; c < colEnd; c++) {
                            dX[row + c] += share;
                        }
                    }
                }
            }
        }
    }
}
