package org.convlab.engine.gemm;

/**
 * The micro-kernel without the Vector API: a 4x4 block of C in 16 local accumulators (so each
 * loaded value is used four times), and 2x2 dot products for the transposed form. Slower than
 * SIMD, same structure, same results within float rounding.
 */
final class ScalarGemmKernel implements GemmKernel {
    static final ScalarGemmKernel INSTANCE = new ScalarGemmKernel();
    private static final int MR = 4;
    private static final int NR = 4;

    private ScalarGemmKernel() {}

    @Override
    public int rowBlock() {
        return MR;
    }

    @Override
    public int colBlock() {
        return NR;
    }

    @Override
    public int transposedRowBlock() {
        return 2;
    }

    @Override
    public int transposedColBlock() {
        return 2;
    }

    // c [rows x cols] (+)= a [rows x depth] * b [depth x NR]
    @Override
    public void multiply(int rows, int cols, int depth, float[] a, int aOff, int aRowStride, int aDepthStride,
                         float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, boolean accumulate) {
        // Rows past the end read the last real row again (work that is never stored).
        int a0 = aOff;
        int a1 = aOff + aRowStride * Math.min(1, rows - 1);
        int a2 = aOff + aRowStride * Math.min(2, rows - 1);
        int a3 = aOff + aRowStride * Math.min(3, rows - 1);
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        float c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        float c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        float c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        int p = bOff;
        for (int k = 0; k < depth; k++) {
            float b0 = b[p], b1 = b[p + 1], b2 = b[p + 2], b3 = b[p + 3];
            p += ldb;
            float x0 = a[a0], x1 = a[a1], x2 = a[a2], x3 = a[a3];
            a0 += aDepthStride;
            a1 += aDepthStride;
            a2 += aDepthStride;
            a3 += aDepthStride;
            c00 += x0 * b0; c01 += x0 * b1; c02 += x0 * b2; c03 += x0 * b3;
            c10 += x1 * b0; c11 += x1 * b1; c12 += x1 * b2; c13 += x1 * b3;
            c20 += x2 * b0; c21 += x2 * b1; c22 += x2 * b2; c23 += x2 * b3;
            c30 += x3 * b0; c31 += x3 * b1; c32 += x3 * b2; c33 += x3 * b3;
        }
        storeRow(c00, c01, c02, c03, cols, c, cOff, accumulate);
        if (rows > 1) {
            storeRow(c10, c11, c12, c13, cols, c, cOff + ldc, accumulate);
        }
        if (rows > 2) {
            storeRow(c20, c21, c22, c23, cols, c, cOff + 2 * ldc, accumulate);
        }
        if (rows > 3) {
            storeRow(c30, c31, c32, c33, cols, c, cOff + 3 * ldc, accumulate);
        }
    }

    // c [rows x cols] (+)= a [rows x depth] * B [depth x NR], B(k, j) = b[bBase + bOffsets[k] + j]
    @Override
    public void multiplyGathered(int rows, int cols, int depth, float[] a, int aOff, int aRowStride, int aDepthStride,
                         float[] b, int[] bOffsets, int bBase, float[] c, int cOff, int ldc, boolean accumulate) {
        // Rows past the end read the last real row again (work that is never stored).
        int a0 = aOff;
        int a1 = aOff + aRowStride * Math.min(1, rows - 1);
        int a2 = aOff + aRowStride * Math.min(2, rows - 1);
        int a3 = aOff + aRowStride * Math.min(3, rows - 1);
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        float c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        float c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        float c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (int k = 0; k < depth; k++) {
            int p = bBase + bOffsets[k];
            float b0 = b[p], b1 = b[p + 1], b2 = b[p + 2], b3 = b[p + 3];
            float x0 = a[a0], x1 = a[a1], x2 = a[a2], x3 = a[a3];
            a0 += aDepthStride;
            a1 += aDepthStride;
            a2 += aDepthStride;
            a3 += aDepthStride;
            c00 += x0 * b0; c01 += x0 * b1; c02 += x0 * b2; c03 += x0 * b3;
            c10 += x1 * b0; c11 += x1 * b1; c12 += x1 * b2; c13 += x1 * b3;
            c20 += x2 * b0; c21 += x2 * b1; c22 += x2 * b2; c23 += x2 * b3;
            c30 += x3 * b0; c31 += x3 * b1; c32 += x3 * b2; c33 += x3 * b3;
        }
        storeRow(c00, c01, c02, c03, cols, c, cOff, accumulate);
        if (rows > 1) {
            storeRow(c10, c11, c12, c13, cols, c, cOff + ldc, accumulate);
        }
        if (rows > 2) {
            storeRow(c20, c21, c22, c23, cols, c, cOff + 2 * ldc, accumulate);
        }
        if (rows > 3) {
            storeRow(c30, c31, c32, c33, cols, c, cOff + 3 * ldc, accumulate);
        }
    }

    private static void storeRow(float v0, float v1, float v2, float v3, int cols, float[] c, int off,
                                 boolean accumulate) {
        store(v0, c, off, accumulate);
        if (cols > 1) {
            store(v1, c, off + 1, accumulate);
        }
        if (cols > 2) {
            store(v2, c, off + 2, accumulate);
        }
        if (cols > 3) {
            store(v3, c, off + 3, accumulate);
        }
    }

    private static void store(float v, float[] c, int i, boolean accumulate) {
        c[i] = accumulate ? c[i] + v : v;
    }

    // c [rows x cols] (+)= a [rows x depth] * b [cols x depth]^T
    @Override
    public void multiplyTransposed(int rows, int cols, int depth, float[] a, int aOff, int lda, float[] b, int bOff,
                                   int ldb, float[] c, int cOff, int ldc, boolean accumulate) {
        int a0 = aOff, a1 = aOff + lda * Math.min(1, rows - 1);
        int b0 = bOff, b1 = bOff + ldb * Math.min(1, cols - 1);
        float s00 = 0, s01 = 0, s10 = 0, s11 = 0;
        for (int k = 0; k < depth; k++) {
            float x0 = a[a0 + k], x1 = a[a1 + k], y0 = b[b0 + k], y1 = b[b1 + k];
            s00 += x0 * y0;
            s01 += x0 * y1;
            s10 += x1 * y0;
            s11 += x1 * y1;
        }
        store(s00, c, cOff, accumulate);
        if (cols > 1) {
            store(s01, c, cOff + 1, accumulate);
        }
        if (rows > 1) {
            store(s10, c, cOff + ldc, accumulate);
            if (cols > 1) {
                store(s11, c, cOff + ldc + 1, accumulate);
            }
        }
    }
    // c [rows x cols] (+)= a [rows x depth] * B [cols x depth]^T, B row j at b[bBase + bOffsets[bIndex + j]]
    @Override
    public void multiplyTransposedGathered(int rows, int cols, int depth, float[] a, int aOff, int lda, float[] b, int[] bOffsets,
                                           int bIndex, int bBase, float[] c, int cOff, int ldc, boolean accumulate) {
        int a0 = aOff, a1 = aOff + lda * Math.min(1, rows - 1);
        int b0 = bBase + bOffsets[bIndex], b1 = bBase + bOffsets[bIndex + Math.min(1, cols - 1)];
        float s00 = 0, s01 = 0, s10 = 0, s11 = 0;
        for (int k = 0; k < depth; k++) {
            float x0 = a[a0 + k], x1 = a[a1 + k], y0 = b[b0 + k], y1 = b[b1 + k];
            s00 += x0 * y0;
            s01 += x0 * y1;
            s10 += x1 * y0;
            s11 += x1 * y1;
        }
        store(s00, c, cOff, accumulate);
        if (cols > 1) {
            store(s01, c, cOff + 1, accumulate);
        }
        if (rows > 1) {
            store(s10, c, cOff + ldc, accumulate);
            if (cols > 1) {
                store(s11, c, cOff + ldc + 1, accumulate);
            }
        }
    }
}
