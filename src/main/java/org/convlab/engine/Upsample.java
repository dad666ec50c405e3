package org.convlab.engine;

/**
 * Fast upsampling (same contract as {@link UpsampleReference}), one (image, channel) plane per
 * task, so every value is written by one task in a fixed order and results are bit-identical
 * whatever the thread count. Nearest copies runs of equal values; bilinear is separable: mix two
 * input rows into one row (a plain loop over the width the JIT vectorises), then mix along the
 * row with per-column tables computed once per call. Backward does the same steps transposed.
 * dX accumulates (+=).
 */
public final class Upsample {
    /** A row of the vertical mix, per thread. */
    private static final ThreadLocal<float[]> ROW = ThreadLocal.withInitial(() -> new float[0]);

    private Upsample() {}

    /** Per-axis tables of {@link UpsampleReference#mix}: first and second source, their weights. */
    private record Table(int[] first, int[] second, float[] near, float[] far) {
        static Table of(UpsampleGeometry g, int outSize, int inSize) {
            Table t = new Table(new int[outSize], new int[outSize], new float[outSize], new float[outSize]);
            for (int o = 0; o < outSize; o++) {
                UpsampleReference.Mix m = UpsampleReference.mix(g, o, inSize);
                t.first[o] = m.first();
                t.second[o] = m.second();
                t.near[o] = m.near();
                t.far[o] = m.far();
            }
            return t;
        }
    }

    // y [N,C,H*s,W*s]  x [N,C,H,W]
    public static void forward(float[] y, float[] x, UpsampleGeometry g) {
        check("y", y, g.outputSize());
        check("x", x, g.inputSize());
        int s = g.scale(), width = g.width(), ow = g.outWidth();
        if (!g.bilinear()) {
            Parallel.shared().forEach(g.batch() * g.channels(), m -> {
                int in = m * g.inPlane(), out = m * g.outPlane();
                for (int r = 0; r < g.outHeight(); r++) {
                    int src = in + (r / s) * width, dst = out + r * ow;
                    for (int c = 0; c < width; c++) {
                        java.util.Arrays.fill(y, dst + c * s, dst + c * s + s, x[src + c]);
                    }
                }
            });
            return;
        }
        Table rows = Table.of(g, g.outHeight(), g.height()), cols = Table.of(g, ow, width);
        Parallel.shared().forEach(g.batch() * g.channels(), m -> {
            float[] row = row(width);
            int in = m * g.inPlane(), out = m * g.outPlane();
            for (int r = 0; r < g.outHeight(); r++) {
                int a = in + rows.first[r] * width, b = in + rows.second[r] * width;
                float near = rows.near[r], far = rows.far[r];
                for (int c = 0; c < width; c++) {
                    row[c] = near * x[a + c] + far * x[b + c];
                }
                int dst = out + r * ow;
                for (int c = 0; c < ow; c++) {
                    y[dst + c] = cols.near[c] * row[cols.first[c]] + cols.far[c] * row[cols.second[c]];
                }
            }
        });
    }

    // dX [N,C,H,W] (+=)  dY [N,C,H*s,W*s]
    public static void backward(float[] dX, float[] dY, UpsampleGeometry g) {
        check("dX", dX, g.inputSize());
        check("dY", dY, g.outputSize());
        int s = g.scale(), width = g.width(), ow = g.outWidth();
        if (!g.bilinear()) {
            // the reference's order: output rows, then columns, into each input value
            Parallel.shared().forEach(g.batch() * g.channels(), m -> {
                int in = m * g.inPlane(), out = m * g.outPlane();
                for (int r = 0; r < g.outHeight(); r++) {
                    int dst = in + (r / s) * width, src = out + r * ow;
                    for (int c = 0; c < width; c++) {
                        float sum = dX[dst + c];
                        for (int k = src + c * s; k < src + c * s + s; k++) {
                            sum += dY[k];
                        }
                        dX[dst + c] = sum;
                    }
                }
            });
            return;
        }
        Table rows = Table.of(g, g.outHeight(), g.height()), cols = Table.of(g, ow, width);
        Parallel.shared().forEach(g.batch() * g.channels(), m -> {
            float[] row = row(width);
            int in = m * g.inPlane(), out = m * g.outPlane();
            for (int r = 0; r < g.outHeight(); r++) {
                java.util.Arrays.fill(row, 0, width, 0f);
                int src = out + r * ow;
                for (int c = 0; c < ow; c++) {
                    row[cols.first[c]] += cols.near[c] * dY[src + c];
                    row[cols.second[c]] += cols.far[c] * dY[src + c];
                }
                int a = in + rows.first[r] * width, b = in + rows.second[r] * width;
                float near = rows.near[r], far = rows.far[r];
                for (int c = 0; c < width; c++) {
                    dX[a + c] += near * row[c];
                }
                for (int c = 0; c < width; c++) {
                    dX[b + c] += far * row[c];
                }
            }
        });
    }

    private static float[] row(int width) {
        float[] row = ROW.get();
        if (row.length < width) {
            row = new float[width];
            ROW.set(row);
        }
        return row;
    }

    private static void check(String name, float[] array, int needed) {
        if (array.length < needed) {
            throw new IllegalArgumentException("upsample " + name + " has " + array.length + " values, needs " + needed);
        }
    }
}
