package org.convlab.engine;

import org.convlab.engine.gemm.GemmKernels;

/**
 * Fast 2D convolution (same contract and results, within float rounding, as
 * {@link Conv2dReference}) as matrix products on a register-blocked micro-kernel, Vector API when
 * {@link Simd#AVAILABLE}, scalar otherwise, spread over {@link Parallel#shared()} one image per
 * task. Stride-1 layers run as implicit GEMM on a zero-padded copy of each image
 * ({@link Conv2dImplicit}: no im2col; dX as the convolution of dY with the flipped weights);
 * other strides through im2col ({@link Conv2dIm2col}). Gradients accumulate (+=); a null dX or
 * dB is not computed. Results are bit-identical whatever the thread count.
 */
public final class Conv2d {
    private static final Conv2dEngine ENGINE = new Conv2dEngine(GemmKernels.best());
    private static final Conv2dEngine SCALAR = new Conv2dEngine(GemmKernels.scalar());

    private Conv2d() {}

    // y [N,F,OH,OW]  x [N,C,H,W]  w [F,C,KH,KW]  b [F] (nullable)
    public static void forward(float[] y, float[] x, float[] w, float[] b, ConvGeometry g) {
        checkForward(y, x, w, b, g);
        ENGINE.forward(y, x, w, b, g);
    }

    // dX [N,C,H,W] (nullable)  dW [F,C,KH,KW]  dB [F] (nullable)  dY [N,F,OH,OW]  x [N,C,H,W]  w [F,C,KH,KW]
    public static void backward(float[] dX, float[] dW, float[] dB, float[] dY, float[] x, float[] w,
                                ConvGeometry g) {
        checkBackward(dX, dW, dB, dY, x, w, g);
        ENGINE.backward(dX, dW, dB, dY, x, w, g);
    }

    /** The scalar-blocked path that runs without the Vector API (tests and benchmarks call it directly). */
    public static void forwardScalar(float[] y, float[] x, float[] w, float[] b, ConvGeometry g) {
        checkForward(y, x, w, b, g);
        SCALAR.forward(y, x, w, b, g);
    }

    /** The scalar-blocked backward (see {@link #forwardScalar}). */
    public static void backwardScalar(float[] dX, float[] dW, float[] dB, float[] dY, float[] x, float[] w,
                                      ConvGeometry g) {
        checkBackward(dX, dW, dB, dY, x, w, g);
        SCALAR.backward(dX, dW, dB, dY, x, w, g);
    }

    static void checkForward(float[] y, float[] x, float[] w, float[] b, ConvGeometry g) {
        check("y", y, g.outputSize());
        check("x", x, g.inputSize());
        check("w", w, g.weightSize());
        if (b != null) {
            check("b", b, g.outChannels());
        }
    }

    static void checkBackward(float[] dX, float[] dW, float[] dB, float[] dY, float[] x, float[] w, ConvGeometry g) {
        if (dX != null) {
            check("dX", dX, g.inputSize());
        }
        check("dW", dW, g.weightSize());
        if (dB != null) {
            check("dB", dB, g.outChannels());
        }
        check("dY", dY, g.outputSize());
        check("x", x, g.inputSize());
        check("w", w, g.weightSize());
    }

    private static void check(String name, float[] array, int needed) {
        if (array.length < needed) {
            throw new IllegalArgumentException("conv " + name + " has " + array.length + " values, needs " + needed);
        }
    }
}
