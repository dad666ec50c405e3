package org.convlab.engine;

import java.util.Arrays;
import org.convlab.engine.gemm.GemmKernel;
import org.convlab.engine.gemm.GemmKernels;
import org.convlab.engine.gemm.GemmScratch;

/**
 * Fast 2D transposed convolution (same contract as {@link ConvTranspose2dReference}, equal within
 * float rounding), built on the convolution's own kernels through the {@link ConvTransposeGeometry#dual()
 * dual} convolution: forward is that convolution's input gradient (the conv backward-data path:
 * a stride-1 implicit GEMM with flipped weights where it suits, else W^T x on the register-blocked
 * micro-kernel and col2im), dX is that convolution's forward ({@link Conv2d#forward}), dW its
 * weight gradient ({@link Conv2d#backward}). One image per task; every output value is written by
 * one task and dW/dB are reduced in a fixed order, so results are bit-identical whatever the
 * thread count. Gradients accumulate (+=); a null dX or dB is not computed.
 */
public final class ConvTranspose2d {
    private static final GemmKernel BEST = GemmKernels.best();
    private static final GemmKernel SCALAR = GemmKernels.scalar();
    /** Owned by the calling thread: the dual convolution's output (dX before cropping, or x padded). */
    private static final ThreadLocal<float[]> DUAL = ThreadLocal.withInitial(() -> new float[0]);

    private ConvTranspose2d() {}

    // y [N,Co,OH,OW]  x [N,Ci,H,W]  w [Ci,Co,KH,KW]  b [Co] (nullable)
    public static void forward(float[] y, float[] x, float[] w, float[] b, ConvTransposeGeometry g) {
        forward(BEST, y, x, w, b, g);
    }

    /** The forward on the scalar micro-kernel (what runs without the Vector API). */
    public static void forwardScalar(float[] y, float[] x, float[] w, float[] b, ConvTransposeGeometry g) {
        forward(SCALAR, y, x, w, b, g);
    }

    private static void forward(GemmKernel kernel, float[] y, float[] x, float[] w, float[] b, ConvTransposeGeometry g) {
        check("y", y, g.outputSize());
        check("x", x, g.inputSize());
        check("w", w, g.weightSize());
        ConvGeometry dual = g.dual();
        // The conv's own dX route for stride 1 (Conv2dEngine.backward): a convolution of x with
        // the flipped weights, bias added as it stores. It exists only when x needs no extra rows.
        ConvGeometry implicit = dual.outHeight() != g.inHeight() || dual.outWidth() != g.inWidth()
                || g.outChannels() < kernel.rowBlock() ? null : Conv2dImplicit.inputGradientGeometry(dual);
        if (implicit != null) {
            GemmScratch caller = GemmScratch.get();
            float[] flipped = caller.flipped = GemmScratch.ensure(caller.flipped, g.weightSize());
            Conv2dImplicit.flipWeights(flipped, w, dual);
            int positions = Conv2dImplicit.positions(implicit);
            Parallel.shared().forEach(g.batch(), n ->
                    Conv2dImplicit.forwardImage(kernel, y, x, flipped, b, implicit, n, 0, positions, false));
        } else {
            Parallel.shared().forEach(g.batch(), n -> forwardImage(kernel, y, x, w, b, g, dual, n));
        }
    }

    /** One image: dcol [Co*KH*KW, P] = W^T [K, Ci] * x [Ci, P], then y = b + col2im(dcol). */
    private static void forwardImage(GemmKernel kernel, float[] y, float[] x, float[] w, float[] b,
                                     ConvTransposeGeometry g, ConvGeometry dual, int n) {
        int mr = kernel.rowBlock(), nr = kernel.colBlock();
        int depth = g.inChannels(), rows = dual.patchSize(); // Co*KH*KW
        int positions = dual.outPlane(); // H x W, plus the zero rows/columns of a large output padding
        int ld = Conv2dEngine.leadingDimension(positions, nr);
        GemmScratch scratch = GemmScratch.get();
        float[] xs = scratch.dy = GemmScratch.ensure(scratch.dy, depth * ld);
        float[] dcol = scratch.dcol = GemmScratch.ensure(scratch.dcol, rows * ld);
        copyPadded(xs, ld, x, n, g, dual);
        for (int j = 0; j < positions; j += nr) {
            int cols = Math.min(nr, positions - j);
            for (int k = 0; k < rows; k += mr) {
                // A = W^T: A(k, ci) = w[ci * rows + k]
                kernel.multiply(Math.min(mr, rows - k), cols, depth, w, k, 1, rows, xs, j, ld, dcol, k * ld + j, ld, false);
            }
        }
        int plane = g.outPlane(), image = n * g.outChannels() * plane;
        for (int co = 0; co < g.outChannels(); co++) {
            Arrays.fill(y, image + co * plane, image + (co + 1) * plane, b == null ? 0f : b[co]);
        }
        Conv2dIm2col.col2imAdd(y, image, dcol, ld, dual);
    }

    /** xs [Ci, ld]: image n of x laid out on the dual's output grid (extra rows/columns zero). */
    private static void copyPadded(float[] xs, int ld, float[] x, int n, ConvTransposeGeometry g, ConvGeometry dual) {
        int height = g.inHeight(), width = g.inWidth(), dualWidth = dual.outWidth(), dualPlane = dual.outPlane();
        for (int ci = 0; ci < g.inChannels(); ci++) {
            int src = (n * g.inChannels() + ci) * g.inPlane();
            if (dualPlane == g.inPlane()) {
                System.arraycopy(x, src, xs, ci * ld, dualPlane);
                continue;
            }
            Arrays.fill(xs, ci * ld, ci * ld + dualPlane, 0f);
            for (int h = 0; h < height; h++) {
                System.arraycopy(x, src + h * width, xs, ci * ld + h * dualWidth, width);
            }
        }
    }

    // dX [N,Ci,H,W] (nullable, +=)  dW [Ci,Co,KH,KW] (+=)  dB [Co] (nullable, +=)  dY [N,Co,OH,OW]  x [N,Ci,H,W]  w [Ci,Co,KH,KW]
    public static void backward(float[] dX, float[] dW, float[] dB, float[] dY, float[] x, float[] w,
                                ConvTransposeGeometry g) {
        check("dW", dW, g.weightSize());
        check("dY", dY, g.outputSize());
        check("x", x, g.inputSize());
        check("w", w, g.weightSize());
        ConvGeometry dual = g.dual();
        boolean extra = dual.outPlane() != g.inPlane();
        int dualSize = dual.outputSize();
        float[] buffer = DUAL.get();
        if (buffer.length < dualSize) {
            buffer = new float[dualSize];
            DUAL.set(buffer);
        }
        if (dX != null) {
            check("dX", dX, g.inputSize());
            Conv2d.forward(buffer, dY, w, null, dual); // dX of a transposed conv = the dual conv's forward of dY
            cropAdd(dX, buffer, g, dual);
        }
        float[] xOnDual = x;
        if (extra) { // the dual conv's output grid has zero rows/columns past the input
            xOnDual = buffer;
            Arrays.fill(buffer, 0, dualSize, 0f);
            for (int m = 0; m < g.batch() * g.inChannels(); m++) {
                for (int h = 0; h < g.inHeight(); h++) {
                    System.arraycopy(x, (m * g.inHeight() + h) * g.inWidth(), buffer,
                            m * dual.outPlane() + h * dual.outWidth(), g.inWidth());
                }
            }
        }
        // dW of a transposed conv = the dual conv's weight gradient with dY and x swapped
        Conv2d.backward(null, dW, null, xOnDual, dY, w, dual);
        if (dB != null) {
            check("dB", dB, g.outChannels());
            int plane = g.outPlane(), filters = g.outChannels();
            Parallel.shared().forEach(filters, co -> {
                float sum = 0f;
                for (int n = 0; n < g.batch(); n++) {
                    int start = (n * filters + co) * plane;
                    for (int o = start; o < start + plane; o++) {
                        sum += dY[o];
                    }
                }
                dB[co] += sum;
            });
        }
    }

    /** dX += the dual conv's output without its extra rows/columns. */
    private static void cropAdd(float[] dX, float[] dual, ConvTransposeGeometry g, ConvGeometry d) {
        int height = g.inHeight(), width = g.inWidth();
        Parallel.shared().forEach(g.batch() * g.inChannels(), m -> {
            for (int h = 0; h < height; h++) {
                int dst = (m * height + h) * width, src = m * d.outPlane() + h * d.outWidth();
                for (int c = 0; c < width; c++) {
                    dX[dst + c] += dual[src + c];
                }
            }
        });
    }

    private static void check(String name, float[] array, int needed) {
        if (array.length < needed) {
            throw new IllegalArgumentException("transposed conv " + name + " has " + array.length + " values, needs " + needed);
        }
    }
}
