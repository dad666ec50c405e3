package org.convlab.engine;

import org.convlab.engine.gemm.GemmKernel;
import org.convlab.engine.gemm.GemmScratch;

/**
 * Stride-1 convolution as an implicit matrix product, with no im2col copy. In a zero-padded image
 * of row length WP, output position (oh, ow) of weight position k = (c, i, j) reads input index
 * {@code offset[k] + oh*WP + ow}, with {@code offset[k] = c*HP*WP + i*d*WP + j*d}. Numbering the
 * outputs q = oh*WP + ow (padded rows, so q runs over WP - OW junk columns per row that are
 * computed and dropped), every row k of the im2col matrix is the padded image itself shifted by
 * offset[k]: the micro-kernel reads it in place. Worth it while the junk columns are few.
 */
final class Conv2dImplicit {
    private Conv2dImplicit() {}

    /** Stride 1 and at most 40% junk columns. */
    static boolean suits(ConvGeometry g) {
        int paddedWidth = g.inWidth() + 2 * g.padWidth();
        return g.stride() == 1 && (paddedWidth - g.outWidth()) * 10 <= paddedWidth * 4;
    }

    /** Padded positions q of one image: (OH - 1) * WP + OW. */
    static int positions(ConvGeometry g) {
        return (g.outHeight() - 1) * (g.inWidth() + 2 * g.padWidth()) + g.outWidth();
    }

    // y [N,F,OH,OW] (only positions of padded numbering [q0, q0 + count) of image n; = or +=)
    // x [N,C,H,W]  w [F,C,KH,KW]  b [F] (nullable)
    static void forwardImage(GemmKernel kernel, float[] y, float[] x, float[] w, float[] b, ConvGeometry g, int n,
                             int q0, int count, boolean accumulate) {
        int depth = g.patchSize(), filters = g.outChannels();
        int mr = kernel.rowBlock(), nr = kernel.colBlock();
        GemmScratch scratch = GemmScratch.get();
        // nr floats of slack: the kernel reads whole blocks past the last position.
        float[] padded = scratch.padded = GemmScratch.ensure(scratch.padded, Conv2dIm2col.paddedSize(g) + nr);
        Conv2dIm2col.pad(padded, x, n * g.inChannels() * g.inPlane(), g);
        int[] offsets = scratch.offsets = ensure(scratch.offsets, depth);
        fillOffsets(offsets, g);
        int ld = Conv2dEngine.leadingDimension(count, nr);
        float[] out = scratch.dcol = GemmScratch.ensure(scratch.dcol, filters * ld);
        for (int j = 0; j < count; j += nr) {
            int cols = Math.min(nr, count - j);
            for (int f = 0; f < filters; f += mr) {
                kernel.multiplyGathered(Math.min(mr, filters - f), cols, depth, w, f * depth, depth, 1,
                        padded, offsets, q0 + j, out, f * ld + j, ld, false);
            }
        }
        store(y, out, ld, b, g, n, q0, count, accumulate);
    }

    /**
     * One image of the backward pass, in the padded numbering: partials [F, K] (dW) += dYp * window(k)
     * as dot products over q, where dYp [F, q] is dY / divisor with zeros in the junk columns;
     * partials [K*F + f] (dB) += sum of dY; dX += the padded-image windows of W^T dYp, added back
     * at offset[k] (junk columns carry zeros, so no edge tests) and cut out of the padding.
     */
    static void backwardImage(GemmKernel kernel, float[] dX, float[] partials, int base, float[] dY, float[] x,
                              float[] w, ConvGeometry g, int n) {
        int depth = g.patchSize(), filters = g.outChannels(), outPlane = g.outPlane();
        int paddedWidth = g.inWidth() + 2 * g.padWidth(), outWidth = g.outWidth();
        int positions = positions(g);
        int mr = kernel.rowBlock(), nr = kernel.colBlock();
        int rb = kernel.transposedRowBlock(), cb = kernel.transposedColBlock();
        GemmScratch scratch = GemmScratch.get();
        float[] padded = scratch.padded = GemmScratch.ensure(scratch.padded, Conv2dIm2col.paddedSize(g) + nr);
        Conv2dIm2col.pad(padded, x, n * g.inChannels() * g.inPlane(), g);
        int[] offsets = scratch.offsets = ensure(scratch.offsets, depth);
        fillOffsets(offsets, g);
        int ld = Conv2dEngine.leadingDimension(positions, nr);
        float[] dyp = scratch.dy = GemmScratch.ensure(scratch.dy, filters * ld);
        int divisor = g.divisor();
        for (int f = 0; f < filters; f++) {
            java.util.Arrays.fill(dyp, f * ld, (f + 1) * ld, 0f);
            int src = (n * filters + f) * outPlane;
            float sum = 0f;
            for (int oh = 0; oh < g.outHeight(); oh++) {
                for (int ow = 0; ow < outWidth; ow++) {
                    float grad = dY[src + oh * outWidth + ow];
                    sum += grad;
                    dyp[f * ld + oh * paddedWidth + ow] = divisor == 1 ? grad : grad / divisor;
                }
            }
            partials[base + depth * filters + f] += sum;
        }
        for (int f = 0; f < filters; f += rb) {
            for (int k = 0; k < depth; k += cb) {
                kernel.multiplyTransposedGathered(Math.min(rb, filters - f), Math.min(cb, depth - k), positions,
                        dyp, f * ld, ld, padded, offsets, k, 0, partials, base + f * depth + k, depth, true);
            }
        }
        if (dX == null) {
            return;
        }
        float[] dcol = scratch.dcol = GemmScratch.ensure(scratch.dcol, depth * ld);
        for (int j = 0; j < positions; j += nr) {
            int cols = Math.min(nr, positions - j);
            for (int k = 0; k < depth; k += mr) {
                // A = W^T: A(k, f) = w[f * depth + k]
                kernel.multiply(Math.min(mr, depth - k), cols, filters, w, k, 1, depth, dyp, j, ld,
                        dcol, k * ld + j, ld, false);
            }
        }
        float[] dxp = scratch.paddedGrad = GemmScratch.ensure(scratch.paddedGrad, Conv2dIm2col.paddedSize(g));
        java.util.Arrays.fill(dxp, 0, Conv2dIm2col.paddedSize(g), 0f);
        for (int k = 0; k < depth; k++) {
            int to = offsets[k], from = k * ld;
            for (int q = 0; q < positions; q++) {
                dxp[to + q] += dcol[from + q];
            }
        }
        Conv2dIm2col.unpadAdd(dX, n * g.inChannels() * g.inPlane(), dxp, g);
    }

    /**
     * dX of a stride-1 convolution is itself a stride-1 convolution: of dY, padded by
     * dilation*(K-1) - padding, with the weights flipped and in/out channels swapped. Returns that
     * geometry when it exists (padding not larger than the kernel reach) and suits this path, else null.
     */
    static ConvGeometry inputGradientGeometry(ConvGeometry g) {
        int padHeight = g.dilation() * (g.kernelHeight() - 1) - g.padHeight();
        int padWidth = g.dilation() * (g.kernelWidth() - 1) - g.padWidth();
        if (g.stride() != 1 || padHeight < 0 || padWidth < 0) {
            return null;
        }
        ConvGeometry t = new ConvGeometry(g.batch(), g.outChannels(), g.outHeight(), g.outWidth(), g.inChannels(),
                g.kernelHeight(), g.kernelWidth(), 1, padHeight, padWidth, g.dilation(), 1);
        return suits(t) && t.outHeight() == g.inHeight() && t.outWidth() == g.inWidth() ? t : null;
    }

    // flipped [C,F,KH,KW] = w [F,C,KH-1-i,KW-1-j] / divisor: the weights of inputGradientGeometry
    static void flipWeights(float[] flipped, float[] w, ConvGeometry g) {
        int channels = g.inChannels(), filters = g.outChannels(), kh = g.kernelHeight(), kw = g.kernelWidth();
        for (int f = 0; f < filters; f++) {
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        float v = w[((f * channels + c) * kh + kh - 1 - i) * kw + kw - 1 - j];
                        flipped[((c * filters + f) * kh + i) * kw + j] = g.divisor() == 1 ? v : v / g.divisor();
                    }
                }
            }
        }
    }

    /** offset[k] for k = (c, i, j): where weight position k starts reading the padded image. */
    static void fillOffsets(int[] offsets, ConvGeometry g) {
        int paddedHeight = g.inHeight() + 2 * g.padHeight(), paddedWidth = g.inWidth() + 2 * g.padWidth();
        int k = 0;
        for (int c = 0; c < g.inChannels(); c++) {
            for (int i = 0; i < g.kernelHeight(); i++) {
                for (int j = 0; j < g.kernelWidth(); j++) {
                    offsets[k++] = (c * paddedHeight + i * g.dilation()) * paddedWidth + j * g.dilation();
                }
            }
        }
    }

    /** Drops the junk columns and applies y = sum / divisor + b. out [F, ld] holds positions [q0, q0 + count). */
    private static void store(float[] y, float[] out, int ld, float[] b, ConvGeometry g, int n, int q0, int count,
                              boolean accumulate) {
        int paddedWidth = g.inWidth() + 2 * g.padWidth(), outWidth = g.outWidth(), positions = g.outPlane();
        int filters = g.outChannels(), divisor = g.divisor();
        int end = q0 + count;
        for (int f = 0; f < filters; f++) {
            float bias = b == null ? 0f : b[f];
            int yRow = (n * filters + f) * positions;
            for (int oh = q0 / paddedWidth; oh * paddedWidth < end; oh++) {
                int from = Math.max(q0, oh * paddedWidth), to = Math.min(end, oh * paddedWidth + outWidth);
                for (int q = from; q < to; q++) {
                    float v = out[f * ld + q - q0];
                    if (divisor != 1) {
                        v /= divisor;
                    }
                    int at = yRow + oh * outWidth + q - oh * paddedWidth;
                    y[at] = (accumulate ? y[at] : 0f) + (b == null ? v : v + bias);
                }
            }
        }
    }

    private static int[] ensure(int[] current, int size) {
        return current.length >= size ? current : new int[size];
    }
}
