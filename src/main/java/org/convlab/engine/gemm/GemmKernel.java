package org.convlab.engine.gemm;

/**
 * A register-blocked matrix-multiply micro-kernel: it computes one small block of C at a time
 * with all of the block's partial sums held in registers. Two implementations exist with the same
 * contract: a Vector API one (only loaded when {@code Simd.AVAILABLE}) and a scalar one, so the
 * drivers ({@code Conv2d}, {@code Dense}) are written once.
 *
 * <p>Summation order inside a block is fixed by the kernel (depth index ascending per lane), so a
 * value does not depend on how the caller splits the work over threads.
 */
public interface GemmKernel {
    /** Rows of C computed per call (MR). */
    int rowBlock();

    /** Columns of C computed per call (NR); also the width the B operand is read in. */
    int colBlock();

    /** Rows of C per {@link #multiplyTransposed} call. */
    int transposedRowBlock();

    /** Columns of C per {@link #multiplyTransposed} call. */
    int transposedColBlock();

    /**
     * c [rows x cols] (=, or += when accumulate) a [rows x depth] * b [depth x cols].
     * A(r, k) = a[aOff + r*aRowStride + k*aDepthStride] (any layout: A is only broadcast);
     * B(k, j) = b[bOff + k*ldb + j] and the kernel reads all {@link #colBlock()} columns of every
     * B row, so {@code b} must hold colBlock() readable values from each row start (extra columns are
     * computed and dropped). C(r, j) = c[cOff + r*ldc + j]. rows <= rowBlock(), cols <= colBlock().
     */
    void multiply(int rows, int cols, int depth, float[] a, int aOff, int aRowStride, int aDepthStride,
                  float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, boolean accumulate);

    /**
     * Like {@link #multiply}, but B row k starts at {@code bBase + bOffsets[k]}: the implicit im2col
     * of a stride-1 convolution, where weight position k reads a shifted window of the padded image.
     * As there, colBlock() values are read from each row start.
     */
    void multiplyGathered(int rows, int cols, int depth, float[] a, int aOff, int aRowStride, int aDepthStride,
                          float[] b, int[] bOffsets, int bBase, float[] c, int cOff, int ldc, boolean accumulate);

    /**
     * c [rows x cols] (=, or += when accumulate) a [rows x depth] * b [cols x depth]^T: dot products
     * of rows of a with rows of b, both contiguous along depth. rows <= transposedRowBlock(),
     * cols <= transposedColBlock().
     */
    void multiplyTransposed(int rows, int cols, int depth, float[] a, int aOff, int lda, float[] b, int bOff,
                            int ldb, float[] c, int cOff, int ldc, boolean accumulate);

    /**
     * Like {@link #multiplyTransposed}, but row j of b starts at {@code bBase + bOffsets[bIndex + j]}
     * (the implicit im2col of a stride-1 convolution, for the weight gradient).
     */
    void multiplyTransposedGathered(int rows, int cols, int depth, float[] a, int aOff, int lda, float[] b,
                                    int[] bOffsets, int bIndex, int bBase, float[] c, int cOff, int ldc,
                                    boolean accumulate);
}
