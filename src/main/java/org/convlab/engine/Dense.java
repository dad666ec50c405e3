package org.convlab.engine;

import org.convlab.engine.gemm.GemmKernels;

/**
 * Fast fully connected layer (same contract and results, within float rounding, as
 * {@link DenseReference}); weights in PyTorch's layout {@code [out, in]}. Vector API when
 * {@link Simd#AVAILABLE}, scalar-blocked otherwise, spread over {@link Parallel#shared()}.
 * Gradients accumulate (+=); a null dX or dB is not computed.
 */
public final class Dense {
    private static final DenseEngine ENGINE = new DenseEngine(GemmKernels.best());
    private static final DenseEngine SCALAR = new DenseEngine(GemmKernels.scalar());

    private Dense() {}

    // y [N,out]  x [N,in]  w [out,in]  b [out] (nullable)
    public static void forward(float[] y, float[] x, float[] w, float[] b, int batch, int in, int out) {
        check(y, x, w, b, batch, in, out);
        ENGINE.forward(y, x, w, b, batch, in, out);
    }

    // dX [N,in] (nullable)  dW [out,in]  dB [out] (nullable)  dY [N,out]  x [N,in]  w [out,in]
    public static void backward(float[] dX, float[] dW, float[] dB, float[] dY, float[] x, float[] w,
                                int batch, int in, int out) {
        checkBackward(dX, dW, dB, dY, x, w, batch, in, out);
        ENGINE.backward(dX, dW, dB, dY, x, w, batch, in, out);
    }

    /** The scalar-blocked path that runs without the Vector API (tests call it directly). */
    public static void forwardScalar(float[] y, float[] x, float[] w, float[] b, int batch, int in, int out) {
        check(y, x, w, b, batch, in, out);
        SCALAR.forward(y, x, w, b, batch, in, out);
    }

    /** The scalar-blocked backward (see {@link #forwardScalar}). */
    public static void backwardScalar(float[] dX, float[] dW, float[] dB, float[] dY, float[] x, float[] w,
                                      int batch, int in, int out) {
        checkBackward(dX, dW, dB, dY, x, w, batch, in, out);
        SCALAR.backward(dX, dW, dB, dY, x, w, batch, in, out);
    }

    private static void check(float[] y, float[] x, float[] w, float[] b, int batch, int in, int out) {
        if (batch < 1 || in < 1 || out < 1) {
            throw new IllegalArgumentException("dense sizes must be positive: batch " + batch + ", in " + in
                    + ", out " + out);
        }
        size("y", y, (long) batch * out);
        size("x", x, (long) batch * in);
        size("w", w, (long) out * in);
        if (b != null) {
            size("b", b, out);
        }
    }

    private static void checkBackward(float[] dX, float[] dW, float[] dB, float[] dY, float[] x, float[] w,
                                      int batch, int in, int out) {
        check(dY, x, w, dB, batch, in, out);
        size("dW", dW, (long) out * in);
        if (dX != null) {
            size("dX", dX, (long) batch * in);
        }
    }

    private static void size(String name, float[] array, long needed) {
        if (array.length < needed) {
            throw new IllegalArgumentException("dense " + name + " has " + array.length + " values, needs " + needed);
        }
    }
}
