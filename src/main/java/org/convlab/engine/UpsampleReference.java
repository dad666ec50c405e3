package org.convlab.engine;

/**
 * Upsampling written for reading, one output value at a time. Nearest: output (oh, ow) copies
 * input (oh/scale, ow/scale). Bilinear (align_corners=False): the output pixel's centre lands at
 * input position {@code src = (o + 0.5)/scale - 0.5} (at least 0) on each axis; it mixes input rows
 * {@code floor(src)} and the next (the last row repeats at the edge) with weights
 * {@code 1 - frac} and {@code frac}, and the same for columns. Backward sends each output's
 * gradient back to the same input values with the same weights. The fast {@link Upsample} is
 * tested against these loops.
 */
public final class UpsampleReference {
    private UpsampleReference() {}

    // y [N,C,H*s,W*s]  x [N,C,H,W]
    public static void forward(float[] y, float[] x, UpsampleGeometry g) {
        int planes = g.batch() * g.channels(), oh = g.outHeight(), ow = g.outWidth();
        for (int m = 0; m < planes; m++) {
            for (int r = 0; r < oh; r++) {
                for (int c = 0; c < ow; c++) {
                    y[(m * oh + r) * ow + c] = outputAt(x, g, m, r, c);
                }
            }
        }
    }

    /** y at plane m (= n*C + c), row r, column col. */
    public static float outputAt(float[] x, UpsampleGeometry g, int m, int r, int col) {
        int base = m * g.inPlane(), width = g.width();
        if (!g.bilinear()) {
            return x[base + (r / g.scale()) * width + col / g.scale()];
        }
        Mix h = mix(g, r, g.height()), w = mix(g, col, width);
        float top = w.near * x[base + h.first * width + w.first] + w.far * x[base + h.first * width + w.second];
        float bottom = w.near * x[base + h.second * width + w.first] + w.far * x[base + h.second * width + w.second];
        return h.near * top + h.far * bottom;
    }

    // dX [N,C,H,W] (+=)  dY [N,C,H*s,W*s]
    public static void backward(float[] dX, float[] dY, UpsampleGeometry g) {
        int planes = g.batch() * g.channels(), oh = g.outHeight(), ow = g.outWidth(), width = g.width();
        for (int m = 0; m < planes; m++) {
            int base = m * g.inPlane();
            for (int r = 0; r < oh; r++) {
                for (int c = 0; c < ow; c++) {
                    float grad = dY[(m * oh + r) * ow + c];
                    if (!g.bilinear()) {
                        dX[base + (r / g.scale()) * width + c / g.scale()] += grad;
                        continue;
                    }
                    Mix h = mix(g, r, g.height()), w = mix(g, c, width);
                    dX[base + h.first * width + w.first] += h.near * w.near * grad;
                    dX[base + h.first * width + w.second] += h.near * w.far * grad;
                    dX[base + h.second * width + w.first] += h.far * w.near * grad;
                    dX[base + h.second * width + w.second] += h.far * w.far * grad;
                }
            }
        }
    }

    /** The two input rows (or columns) output o mixes and their weights. */
    record Mix(int first, int second, float near, float far) {}

    static Mix mix(UpsampleGeometry g, int o, int size) {
        float src = g.source(o);
        int first = (int) src;
        int second = first < size - 1 ? first + 1 : first;
        float far = src - first;
        return new Mix(first, second, 1f - far, far);
    }
}
