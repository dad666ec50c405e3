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
    // The gradient of a max flows only to the cell that won.
    public static void backward(float[] dX, float[] dY, int[] argmax, PoolGeometry g) {
        if (dX == null) {
            return;
        }
        for (int o = 0; o < g.outSize(); o++) {
            dX[argmax[o]] += dY[o];
        }
    }
}
