package org.convlab.engine;

/**
 * Max pooling written for reading (the step-through is generated from these loops).
 * Each output is the largest input under its window; cells of the padding never win (PyTorch
 * pads with minus infinity), ties go to the first cell in row-major order, and a NaN wins.
 * {@code argmax} remembers, per output, the flat index into x of the winning cell.
 */
public final class MaxPoolReference {
    private MaxPoolReference() {}

    // y [N,C,OH,OW]  argmax [N,C,OH,OW]  x [N,C,H,W]
    public static void forward(float[] y, int[] argmax, float[] x, PoolGeometry g) {
        int outH = g.outHeight();
        int outW = g.outWidth();
        for (int plane = 0; plane < g.planes(); plane++) {
            int outBase = plane * outH * outW;
            for (int oh = 0; oh < outH; oh++) {
                for (int ow = 0; ow < outW; ow++) {
                    int best = argmaxAt(x, g, plane, oh, ow);
                    y[outBase + oh * outW + ow] = x[best];
                    argmax[outBase + oh * outW + ow] = best;
                }
            }
        }
    }

    // flat index into x [N,C,H,W] of the winner of output (plane, oh, ow); the output is x at that index
    // (when every cell is minus infinity the first cell "wins", which is minus infinity too)
    public static int argmaxAt(float[] x, PoolGeometry g, int plane, int oh, int ow) {
        int inBase = plane * g.inPlane();
        // the window in input coordinates, clipped to the real input
        int top = g.windowTop(oh);
        int left = g.windowLeft(ow);
        int rowStart = Math.max(top, 0);
        int rowEnd = Math.min(top + g.windowHeight(), g.inHeight());
        int colStart = Math.max(left, 0);
        int colEnd = Math.min(left + g.windowWidth(), g.inWidth());
        int best = inBase + rowStart * g.inWidth() + colStart;
        float bestValue = Float.NEGATIVE_INFINITY;
        for (int r = rowStart; r < rowEnd; r++) {
            for (int c = colStart; c < colEnd; c++) {
                int index = inBase + r * g.inWidth() + c;
                float value = x[index];
                if (value > bestValue || Float.isNaN(value)) {
                    bestValue = value;
                    best = index;
                }
            }
        }
        return best;
    }

    // dX [N,C,H,W] (+=)  dY [N,C,OH,OW]  argmax [N,C,OH,OW]
    // The gradient of a max flows only to the cell that won (argmax, with the tie rule above);
    // every other cell under the window gets nothing from it.
    public static void backward(float[] dX, float[] dY, int[] argmax, PoolGeometry g) {
        if (dX == null) {
            return;
        }
        for (int o = 0; o < g.outSize(); o++) {
            dX[argmax[o]] += dY[o]; // window o's whole gradient goes to its winner
        }
    }

    /**
     * dL/dx at flat input index {@code x}: the sum of dY over the windows (in output order) whose
     * winner is this cell; 0 when it won none. This is what {@link #backward} adds into a dX that
     * starts at 0 (as the network's does), term by term in the same order. {@code terms} (nullable): output = index into dY,
     * partner = x, forward 1 (a max passes its winner's value through unchanged).
     */
    public static float inputGradAt(float[] dY, int[] argmax, PoolGeometry g, int x, GradTerms terms) {
        int plane = x / g.inPlane();
        int r = (x % g.inPlane()) / g.inWidth();
        int c = x % g.inWidth();
        int outW = g.outWidth();
        float sum = 0f;
        for (int oh = 0; oh < g.outHeight(); oh++) {
            if (r < g.windowTop(oh) || r >= g.windowTop(oh) + g.windowHeight()) {
                continue;
            }
            for (int ow = 0; ow < outW; ow++) {
                if (c < g.windowLeft(ow) || c >= g.windowLeft(ow) + g.windowWidth()) {
                    continue;
                }
                int o = (plane * g.outHeight() + oh) * outW + ow;
                if (argmax[o] == x) {
                    sum += dY[o];
                    if (terms != null) {
                        terms.term(o, x, 1f, dY[o], dY[o], sum);
                    }
                }
            }
        }
        return sum;
    }
}
