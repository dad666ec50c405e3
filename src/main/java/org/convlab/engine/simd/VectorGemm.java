package org.convlab.engine.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.convlab.engine.gemm.GemmKernel;

/**
 * Vector API micro-kernels ({@code FloatVector.SPECIES_PREFERRED}). This class and its subclasses
 * are the only ones touching {@code jdk.incubator.vector} for GEMM and are loaded only when
 * {@code Simd.AVAILABLE}. The block width is two vectors; the block height depends on how many
 * vector registers the machine has (guessed from the vector width: 512-bit machines have 32).
 */
public abstract class VectorGemm implements GemmKernel {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final int NR = 2 * L;
    private static final ThreadLocal<float[]> TILE = ThreadLocal.withInitial(() -> new float[8 * NR]);

    /** The kernel for this machine. */
    public static GemmKernel create() {
        return L >= 16 ? new VectorGemm8() : new VectorGemm6();
    }

    /** A specific kernel height (tests run both whatever the machine). */
    public static GemmKernel create(int rows) {
        return switch (rows) {
            case 6 -> new VectorGemm6();
            case 8 -> new VectorGemm8();
            default -> throw new IllegalArgumentException("no vector kernel with " + rows + " rows");
        };
    }

    @Override
    public final int colBlock() {
        return NR;
    }

    @Override
    public final int transposedRowBlock() {
        return 3;
    }

    @Override
    public final int transposedColBlock() {
        return 3;
    }

    /** A per-thread tile of rowBlock x NR floats for the edges of C. */
    static float[] tile() {
        return TILE.get();
    }

    /** Copies the valid rows x cols corner of a tile (row length NR) into C: the edges of C. */
    static void copyTile(float[] tile, int rows, int cols, float[] c, int cOff, int ldc, boolean accumulate) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                int i = cOff + r * ldc + j;
                c[i] = accumulate ? c[i] + tile[r * NR + j] : tile[r * NR + j];
            }
        }
    }

    /** Adds the lanes, then the depth values past the last full vector, and stores. */
    static void finishDot(FloatVector s, float[] a, int ai, float[] b, int bi, int k, int depth, float[] c, int ci,
                          boolean accumulate) {
        float sum = Lanes.sum(s);
        for (; k < depth; k++) {
            sum += a[ai + k] * b[bi + k];
        }
        c[ci] = accumulate ? c[ci] + sum : sum;
    }

    // c [rows x cols] (+)= a [rows x depth] * b [cols x depth]^T; rows <= 3, cols <= 3
    @Override
    public void multiplyTransposed(int rows, int cols, int depth, float[] a, int aOff, int lda, float[] b, int bOff,
                                   int ldb, float[] c, int cOff, int ldc, boolean accumulate) {
        int a0 = aOff;
        int a1 = aOff + lda * Math.min(1, rows - 1);
        int a2 = aOff + lda * Math.min(2, rows - 1);
        int b0 = bOff;
        int b1 = bOff + ldb * Math.min(1, cols - 1);
        int b2 = bOff + ldb * Math.min(2, cols - 1);
        FloatVector s00 = FloatVector.zero(S), s01 = FloatVector.zero(S), s02 = FloatVector.zero(S);
        FloatVector s10 = FloatVector.zero(S), s11 = FloatVector.zero(S), s12 = FloatVector.zero(S);
        FloatVector s20 = FloatVector.zero(S), s21 = FloatVector.zero(S), s22 = FloatVector.zero(S);
        int vectorDepth = S.loopBound(depth);
        int k = 0;
        for (; k < vectorDepth; k += L) {
            FloatVector v0 = FloatVector.fromArray(S, b, b0 + k);
            FloatVector v1 = FloatVector.fromArray(S, b, b1 + k);
            FloatVector v2 = FloatVector.fromArray(S, b, b2 + k);
            FloatVector u0 = FloatVector.fromArray(S, a, a0 + k);
            s00 = u0.fma(v0, s00);
            s01 = u0.fma(v1, s01);
            s02 = u0.fma(v2, s02);
            FloatVector u1 = FloatVector.fromArray(S, a, a1 + k);
            s10 = u1.fma(v0, s10);
            s11 = u1.fma(v1, s11);
            s12 = u1.fma(v2, s12);
            FloatVector u2 = FloatVector.fromArray(S, a, a2 + k);
            s20 = u2.fma(v0, s20);
            s21 = u2.fma(v1, s21);
            s22 = u2.fma(v2, s22);
        }
        finishDot(s00, a, a0, b, b0, k, depth, c, cOff + 0 * ldc + 0, accumulate);
        if (rows > 0 && cols > 1) finishDot(s01, a, a0, b, b1, k, depth, c, cOff + 0 * ldc + 1, accumulate);
        if (rows > 0 && cols > 2) finishDot(s02, a, a0, b, b2, k, depth, c, cOff + 0 * ldc + 2, accumulate);
        if (rows > 1 && cols > 0) finishDot(s10, a, a1, b, b0, k, depth, c, cOff + 1 * ldc + 0, accumulate);
        if (rows > 1 && cols > 1) finishDot(s11, a, a1, b, b1, k, depth, c, cOff + 1 * ldc + 1, accumulate);
        if (rows > 1 && cols > 2) finishDot(s12, a, a1, b, b2, k, depth, c, cOff + 1 * ldc + 2, accumulate);
        if (rows > 2 && cols > 0) finishDot(s20, a, a2, b, b0, k, depth, c, cOff + 2 * ldc + 0, accumulate);
        if (rows > 2 && cols > 1) finishDot(s21, a, a2, b, b1, k, depth, c, cOff + 2 * ldc + 1, accumulate);
        if (rows > 2 && cols > 2) finishDot(s22, a, a2, b, b2, k, depth, c, cOff + 2 * ldc + 2, accumulate);
    }
    // c [rows x cols] (+)= a [rows x depth] * B [cols x depth]^T, B row j at b[bBase + bOffsets[bIndex + j]]; rows <= 3, cols <= 3
    @Override
    public void multiplyTransposedGathered(int rows, int cols, int depth, float[] a, int aOff, int lda, float[] b, int[] bOffsets,
                                           int bIndex, int bBase, float[] c, int cOff, int ldc, boolean accumulate) {
        int a0 = aOff;
        int a1 = aOff + lda * Math.min(1, rows - 1);
        int a2 = aOff + lda * Math.min(2, rows - 1);
        int b0 = bBase + bOffsets[bIndex];
        int b1 = bBase + bOffsets[bIndex + Math.min(1, cols - 1)];
        int b2 = bBase + bOffsets[bIndex + Math.min(2, cols - 1)];
        FloatVector s00 = FloatVector.zero(S), s01 = FloatVector.zero(S), s02 = FloatVector.zero(S);
        FloatVector s10 = FloatVector.zero(S), s11 = FloatVector.zero(S), s12 = FloatVector.zero(S);
        FloatVector s20 = FloatVector.zero(S), s21 = FloatVector.zero(S), s22 = FloatVector.zero(S);
        int vectorDepth = S.loopBound(depth);
        int k = 0;
        for (; k < vectorDepth; k += L) {
            FloatVector v0 = FloatVector.fromArray(S, b, b0 + k);
            FloatVector v1 = FloatVector.fromArray(S, b, b1 + k);
            FloatVector v2 = FloatVector.fromArray(S, b, b2 + k);
            FloatVector u0 = FloatVector.fromArray(S, a, a0 + k);
            s00 = u0.fma(v0, s00);
            s01 = u0.fma(v1, s01);
            s02 = u0.fma(v2, s02);
            FloatVector u1 = FloatVector.fromArray(S, a, a1 + k);
            s10 = u1.fma(v0, s10);
            s11 = u1.fma(v1, s11);
            s12 = u1.fma(v2, s12);
            FloatVector u2 = FloatVector.fromArray(S, a, a2 + k);
            s20 = u2.fma(v0, s20);
            s21 = u2.fma(v1, s21);
            s22 = u2.fma(v2, s22);
        }
        finishDot(s00, a, a0, b, b0, k, depth, c, cOff + 0 * ldc + 0, accumulate);
        if (rows > 0 && cols > 1) finishDot(s01, a, a0, b, b1, k, depth, c, cOff + 0 * ldc + 1, accumulate);
        if (rows > 0 && cols > 2) finishDot(s02, a, a0, b, b2, k, depth, c, cOff + 0 * ldc + 2, accumulate);
        if (rows > 1 && cols > 0) finishDot(s10, a, a1, b, b0, k, depth, c, cOff + 1 * ldc + 0, accumulate);
        if (rows > 1 && cols > 1) finishDot(s11, a, a1, b, b1, k, depth, c, cOff + 1 * ldc + 1, accumulate);
        if (rows > 1 && cols > 2) finishDot(s12, a, a1, b, b2, k, depth, c, cOff + 1 * ldc + 2, accumulate);
        if (rows > 2 && cols > 0) finishDot(s20, a, a2, b, b0, k, depth, c, cOff + 2 * ldc + 0, accumulate);
        if (rows > 2 && cols > 1) finishDot(s21, a, a2, b, b1, k, depth, c, cOff + 2 * ldc + 1, accumulate);
        if (rows > 2 && cols > 2) finishDot(s22, a, a2, b, b2, k, depth, c, cOff + 2 * ldc + 2, accumulate);
    }
}
