package org.convlab.engine.simd;

import jdk.incubator.vector.FloatVector;

/**
 * Vector API micro-kernel holding a 8 x (2 vectors) block of C in 16 vector registers: each
 * depth step loads two vectors of B, broadcasts 8 values of A and issues 16 fused
 * multiply-adds. Sized for 32 vector registers (AVX-512): 16 accumulators leave room for
 * the loads, and 8 broadcasts per 2 loads keep the FMA units busy.
 */
final class VectorGemm8 extends VectorGemm {
    @Override
    public int rowBlock() {
        return 8;
    }

    // c [rows x cols] (+)= a [rows x depth] * b [depth x NR]; rows <= 8, cols <= NR
    @Override
    public void multiply(int rows, int cols, int depth, float[] a, int aOff, int aRowStride, int aDepthStride,
                         float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, boolean accumulate) {
        // Rows past the end read the last real row again (harmless work, never stored).
        int a0 = aOff;
        int a1 = aOff + aRowStride * Math.min(1, rows - 1);
        int a2 = aOff + aRowStride * Math.min(2, rows - 1);
        int a3 = aOff + aRowStride * Math.min(3, rows - 1);
        int a4 = aOff + aRowStride * Math.min(4, rows - 1);
        int a5 = aOff + aRowStride * Math.min(5, rows - 1);
        int a6 = aOff + aRowStride * Math.min(6, rows - 1);
        int a7 = aOff + aRowStride * Math.min(7, rows - 1);
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S), c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S), c71 = FloatVector.zero(S);
        int p = bOff;
        for (int k = 0; k < depth; k++) {
            FloatVector b0 = FloatVector.fromArray(S, b, p);
            FloatVector b1 = FloatVector.fromArray(S, b, p + L);
            p += ldb;
            FloatVector x0 = FloatVector.broadcast(S, a[a0]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            FloatVector x1 = FloatVector.broadcast(S, a[a1]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            FloatVector x2 = FloatVector.broadcast(S, a[a2]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            FloatVector x3 = FloatVector.broadcast(S, a[a3]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            FloatVector x4 = FloatVector.broadcast(S, a[a4]);
            c40 = x4.fma(b0, c40);
            c41 = x4.fma(b1, c41);
            FloatVector x5 = FloatVector.broadcast(S, a[a5]);
            c50 = x5.fma(b0, c50);
            c51 = x5.fma(b1, c51);
            FloatVector x6 = FloatVector.broadcast(S, a[a6]);
            c60 = x6.fma(b0, c60);
            c61 = x6.fma(b1, c61);
            FloatVector x7 = FloatVector.broadcast(S, a[a7]);
            c70 = x7.fma(b0, c70);
            c71 = x7.fma(b1, c71);
            a0 += aDepthStride; a1 += aDepthStride; a2 += aDepthStride; a3 += aDepthStride; a4 += aDepthStride; a5 += aDepthStride; a6 += aDepthStride; a7 += aDepthStride;
        }
        if (cols == NR) {
            storeFull(c00, c01, c, cOff + 0 * ldc, accumulate);
            if (rows > 1) storeFull(c10, c11, c, cOff + 1 * ldc, accumulate);
            if (rows > 2) storeFull(c20, c21, c, cOff + 2 * ldc, accumulate);
            if (rows > 3) storeFull(c30, c31, c, cOff + 3 * ldc, accumulate);
            if (rows > 4) storeFull(c40, c41, c, cOff + 4 * ldc, accumulate);
            if (rows > 5) storeFull(c50, c51, c, cOff + 5 * ldc, accumulate);
            if (rows > 6) storeFull(c60, c61, c, cOff + 6 * ldc, accumulate);
            if (rows > 7) storeFull(c70, c71, c, cOff + 7 * ldc, accumulate);
        } else {
            storePartial(c00, c01, cols, c, cOff + 0 * ldc, accumulate);
            if (rows > 1) storePartial(c10, c11, cols, c, cOff + 1 * ldc, accumulate);
            if (rows > 2) storePartial(c20, c21, cols, c, cOff + 2 * ldc, accumulate);
            if (rows > 3) storePartial(c30, c31, cols, c, cOff + 3 * ldc, accumulate);
            if (rows > 4) storePartial(c40, c41, cols, c, cOff + 4 * ldc, accumulate);
            if (rows > 5) storePartial(c50, c51, cols, c, cOff + 5 * ldc, accumulate);
            if (rows > 6) storePartial(c60, c61, cols, c, cOff + 6 * ldc, accumulate);
            if (rows > 7) storePartial(c70, c71, cols, c, cOff + 7 * ldc, accumulate);
        }
    }
}
