package org.convlab.engine;

/**
 * Average pooling written for reading, with PyTorch's semantics ({@code count_include_pad=true}):
 * each output is the sum of the real inputs under its window divided by the window's area
 * ({@code windowHeight x windowWidth}), where the window is first clipped to the padded input (so padding cells count as zeros, but a
 * ceil-mode window hanging past the right padding counts only up to it).
 */
public final class AvgPoolReference {
    private AvgPoolReference() {}

    // y [N,C,OH,OW]  x [N,C,H,W]
    public static void forward(float[] y, float[] x, PoolGeometry g) {
        int outH = g.outHeight();
        int outW = g.outWidth();
        for (int plane = 0; plane < g.planes(); plane++) {
            for (int oh = 0; oh < outH; oh++) {
                for (int ow = 0; ow < outW; ow++) {
                    y[(plane * outH + oh) * outW + ow] = averageAt(x, g, plane, oh, ow);
                }
            }
        }
    }

    // output (plane, oh, ow) of x [N,C,H,W]: the sum of the real cells under the window / divisor
    public static float averageAt(float[] x, PoolGeometry g, int plane, int oh, int ow) {
        int inBase = plane * g.inPlane();
        int top = g.windowTop(oh);
        int left = g.windowLeft(ow);
        int count = divisor(top, left, g);
        float sum = 0;
        for (int r = Math.max(top, 0); r < Math.min(top + g.windowHeight(), g.inHeight()); r++) {
            for (int c = Math.max(left, 0); c < Math.min(left + g.windowWidth(), g.inWidth()); c++) {
                sum += x[inBase + r * g.inWidth() + c];
            }
        }
        return sum / count;
    }

    // dX [N,C,H,W] (+=)  dY [N,C,OH,OW]
    // Every real cell under a window receives that window's gradient divided by its area.
    public static void backward(float[] dX, float[] dY, PoolGeometry g) {
        if (dX == null) {
            return;
        }
        int outH = g.outHeight();
        int outW = g.outWidth();
        for (int plane = 0; plane < g.planes(); plane++) {
            int inBase = plane * g.inPlane();
            for (int oh = 0; oh < outH; oh++) {
                for (int ow = 0; ow < outW; ow++) {
                    int top = g.windowTop(oh);
                    int left = g.windowLeft(ow);
                    float share = dY[(plane * outH + oh) * outW + ow] / divisor(top, left, g);
                    for (int r = Math.max(top, 0); r < Math.min(top + g.windowHeight(), g.inHeight()); r++) {
                        for (int c = Math.max(left, 0); c < Math.min(left + g.windowWidth(), g.inWidth()); c++) {
                            dX[inBase + r * g.inWidth() + c] += share;
                        }
                    }
                }
            }
        }
    }

    /**
     * dL/dx at flat input index {@code x}: the sum, over the windows covering the cell (in output
     * order), of that window's share {@code dY / divisor} (its area, see {@link #divisor}): what
     * {@link #backward} adds into a dX that starts at 0 (as the network's does), in the same order.
     * {@code terms} (nullable): output = index into dY, partner = x, forward = 1 / divisor as a
     * float, upstream = dY, product = the share dY / divisor (divided, not multiplied, as the loop does).
     */
    public static float inputGradAt(float[] dY, PoolGeometry g, int x, GradTerms terms) {
        int plane = x / g.inPlane();
        int r = (x % g.inPlane()) / g.inWidth();
        int c = x % g.inWidth();
        int outW = g.outWidth();
        float sum = 0f;
        for (int oh = 0; oh < g.outHeight(); oh++) {
            int top = g.windowTop(oh);
            if (r < top || r >= top + g.windowHeight()) {
                continue;
            }
            for (int ow = 0; ow < outW; ow++) {
                int left = g.windowLeft(ow);
                if (c < left || c >= left + g.windowWidth()) {
                    continue;
                }
                int o = (plane * g.outHeight() + oh) * outW + ow;
                int divisor = divisor(top, left, g);
                float share = dY[o] / divisor;
                sum += share;
                if (terms != null) {
                    terms.term(o, x, 1f / divisor, dY[o], share, sum);
                }
            }
        }
        return sum;
    }

    /** Area of the window starting at (top, left) once clipped to the padded input. */
    public static int divisor(int top, int left, PoolGeometry g) {
        int bottom = Math.min(top + g.windowHeight(), g.inHeight() + g.padHeight());
        int right = Math.min(left + g.windowWidth(), g.inWidth() + g.padWidth());
        return (bottom - top) * (right - left);
    }
}
