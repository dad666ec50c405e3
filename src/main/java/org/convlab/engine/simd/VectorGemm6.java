package org.convlab.engine.simd;

import jdk.incubator.vector.FloatVector;

/**
 * Vector API micro-kernel holding a 6 x (2 vectors) block of C in 12 vector registers: each
 * depth step loads two vectors of B, broadcasts 6 values of A and issues 12 fused
 * multiply-adds. Sized for 16 vector registers (AVX2): 12 accumulators, 2 B vectors and
 * one broadcast.
 */
final class VectorGemm6 extends VectorGemm {
    @Override
    public int rowBlock() {
        return 6;
    }

    // c [rows x cols] (+)= a [rows x depth] * b [depth x NR]; rows <= 6, cols <= NR
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
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
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
            a0 += aDepthStride; a1 += aDepthStride; a2 += aDepthStride; a3 += aDepthStride; a4 += aDepthStride; a5 += aDepthStride;
        }
        if (cols == NR && rows == 6) {
            // Written out (no helper call): a call the compiler does not inline would box the vectors.
            if (accumulate) {
                c00 = c00.add(FloatVector.fromArray(S, c, cOff + 0 * ldc));
                c01 = c01.add(FloatVector.fromArray(S, c, cOff + 0 * ldc + L));
                c10 = c10.add(FloatVector.fromArray(S, c, cOff + 1 * ldc));
                c11 = c11.add(FloatVector.fromArray(S, c, cOff + 1 * ldc + L));
                c20 = c20.add(FloatVector.fromArray(S, c, cOff + 2 * ldc));
                c21 = c21.add(FloatVector.fromArray(S, c, cOff + 2 * ldc + L));
                c30 = c30.add(FloatVector.fromArray(S, c, cOff + 3 * ldc));
                c31 = c31.add(FloatVector.fromArray(S, c, cOff + 3 * ldc + L));
                c40 = c40.add(FloatVector.fromArray(S, c, cOff + 4 * ldc));
                c41 = c41.add(FloatVector.fromArray(S, c, cOff + 4 * ldc + L));
                c50 = c50.add(FloatVector.fromArray(S, c, cOff + 5 * ldc));
                c51 = c51.add(FloatVector.fromArray(S, c, cOff + 5 * ldc + L));
            }
            c00.intoArray(c, cOff + 0 * ldc);
            c01.intoArray(c, cOff + 0 * ldc + L);
            c10.intoArray(c, cOff + 1 * ldc);
            c11.intoArray(c, cOff + 1 * ldc + L);
            c20.intoArray(c, cOff + 2 * ldc);
            c21.intoArray(c, cOff + 2 * ldc + L);
            c30.intoArray(c, cOff + 3 * ldc);
            c31.intoArray(c, cOff + 3 * ldc + L);
            c40.intoArray(c, cOff + 4 * ldc);
            c41.intoArray(c, cOff + 4 * ldc + L);
            c50.intoArray(c, cOff + 5 * ldc);
            c51.intoArray(c, cOff + 5 * ldc + L);
        } else {
            float[] tile = tile();
            c00.intoArray(tile, 0 * NR);
            c01.intoArray(tile, 0 * NR + L);
            c10.intoArray(tile, 1 * NR);
            c11.intoArray(tile, 1 * NR + L);
            c20.intoArray(tile, 2 * NR);
            c21.intoArray(tile, 2 * NR + L);
            c30.intoArray(tile, 3 * NR);
            c31.intoArray(tile, 3 * NR + L);
            c40.intoArray(tile, 4 * NR);
            c41.intoArray(tile, 4 * NR + L);
            c50.intoArray(tile, 5 * NR);
            c51.intoArray(tile, 5 * NR + L);
            copyTile(tile, rows, cols, c, cOff, ldc, accumulate);
        }
    }
    // c [rows x cols] (+)= a [rows x depth] * B [depth x NR], B(k, j) = b[bBase + bOffsets[k] + j]
    @Override
    public void multiplyGathered(int rows, int cols, int depth, float[] a, int aOff, int aRowStride, int aDepthStride,
                         float[] b, int[] bOffsets, int bBase, float[] c, int cOff, int ldc, boolean accumulate) {
        // Rows past the end read the last real row again (harmless work, never stored).
        int a0 = aOff;
        int a1 = aOff + aRowStride * Math.min(1, rows - 1);
        int a2 = aOff + aRowStride * Math.min(2, rows - 1);
        int a3 = aOff + aRowStride * Math.min(3, rows - 1);
        int a4 = aOff + aRowStride * Math.min(4, rows - 1);
        int a5 = aOff + aRowStride * Math.min(5, rows - 1);
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        for (int k = 0; k < depth; k++) {
            int p = bBase + bOffsets[k];
            FloatVector b0 = FloatVector.fromArray(S, b, p);
            FloatVector b1 = FloatVector.fromArray(S, b, p + L);
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
            a0 += aDepthStride; a1 += aDepthStride; a2 += aDepthStride; a3 += aDepthStride; a4 += aDepthStride; a5 += aDepthStride;
        }
        if (cols == NR && rows == 6) {
            // Written out (no helper call): a call the compiler does not inline would box the vectors.
            if (accumulate) {
                c00 = c00.add(FloatVector.fromArray(S, c, cOff + 0 * ldc));
                c01 = c01.add(FloatVector.fromArray(S, c, cOff + 0 * ldc + L));
                c10 = c10.add(FloatVector.fromArray(S, c, cOff + 1 * ldc));
                c11 = c11.add(FloatVector.fromArray(S, c, cOff + 1 * ldc + L));
                c20 = c20.add(FloatVector.fromArray(S, c, cOff + 2 * ldc));
                c21 = c21.add(FloatVector.fromArray(S, c, cOff + 2 * ldc + L));
                c30 = c30.add(FloatVector.fromArray(S, c, cOff + 3 * ldc));
                c31 = c31.add(FloatVector.fromArray(S, c, cOff + 3 * ldc + L));
                c40 = c40.add(FloatVector.fromArray(S, c, cOff + 4 * ldc));
                c41 = c41.add(FloatVector.fromArray(S, c, cOff + 4 * ldc + L));
                c50 = c50.add(FloatVector.fromArray(S, c, cOff + 5 * ldc));
                c51 = c51.add(FloatVector.fromArray(S, c, cOff + 5 * ldc + L));
            }
            c00.intoArray(c, cOff + 0 * ldc);
            c01.intoArray(c, cOff + 0 * ldc + L);
            c10.intoArray(c, cOff + 1 * ldc);
            c11.intoArray(c, cOff + 1 * ldc + L);
            c20.intoArray(c, cOff + 2 * ldc);
            c21.intoArray(c, cOff + 2 * ldc + L);
            c30.intoArray(c, cOff + 3 * ldc);
            c31.intoArray(c, cOff + 3 * ldc + L);
            c40.intoArray(c, cOff + 4 * ldc);
            c41.intoArray(c, cOff + 4 * ldc + L);
            c50.intoArray(c, cOff + 5 * ldc);
            c51.intoArray(c, cOff + 5 * ldc + L);
        } else {
            float[] tile = tile();
            c00.intoArray(tile, 0 * NR);
            c01.intoArray(tile, 0 * NR + L);
            c10.intoArray(tile, 1 * NR);
            c11.intoArray(tile, 1 * NR + L);
            c20.intoArray(tile, 2 * NR);
            c21.intoArray(tile, 2 * NR + L);
            c30.intoArray(tile, 3 * NR);
            c31.intoArray(tile, 3 * NR + L);
            c40.intoArray(tile, 4 * NR);
            c41.intoArray(tile, 4 * NR + L);
            c50.intoArray(tile, 5 * NR);
            c51.intoArray(tile, 5 * NR + L);
            copyTile(tile, rows, cols, c, cOff, ldc, accumulate);
        }
    }
}
