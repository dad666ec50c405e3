package org.convlab.engine;

import java.util.Arrays;
import org.convlab.engine.gemm.GemmKernel;
import org.convlab.engine.gemm.GemmScratch;

/**
 * The fast convolution on one micro-kernel (Vector API or scalar): implicit GEMM for stride 1
 * ({@link Conv2dImplicit}), else im2col of each image, then register-blocked matrix products. Work is split across the batch (one image per task, the
 * layers of a small net are too small to split inside an image); only a very small batch is split
 * inside the image, by output positions. Forward results do not depend on the split at all; the
 * weight and bias gradients are summed per task over a fixed group of images and the groups are
 * added in task order, so 1 and N threads give bit-identical results.
 */
final class Conv2dEngine {
    /** Multiply-adds worth a task of their own when one image is split. */
    private static final long MACS_PER_TASK = 1 << 20;
    /** At most this many dW partial buffers per call. */
    private static final int MAX_GRADIENT_TASKS = 16;
    /** Keep all dW partials under this many floats (big layers get fewer, larger groups). */
    private static final int PARTIALS_BUDGET = 8 << 20;

    private final GemmKernel kernel;

    Conv2dEngine(GemmKernel kernel) {
        this.kernel = kernel;
    }

    // y [N,F,OH,OW]  x [N,C,H,W]  w [F,C,KH,KW]  b [F] (nullable)
    void forward(float[] y, float[] x, float[] w, float[] b, ConvGeometry g) {
        boolean implicit = Conv2dImplicit.suits(g);
        int positions = implicit ? Conv2dImplicit.positions(g) : g.outPlane();
        int nr = kernel.colBlock();
        int panels = (positions + nr - 1) / nr;
        long macsPerImage = (long) g.outChannels() * positions * g.patchSize();
        int chunks = g.batch() >= 4 ? 1
                : (int) Math.max(1, Math.min(panels, Math.min(8, macsPerImage / MACS_PER_TASK)));
        int panelsPerChunk = (panels + chunks - 1) / chunks;
        Parallel.shared().forEach(g.batch() * chunks, task -> {
            int n = task / chunks, chunk = task % chunks;
            int p0 = chunk * panelsPerChunk * nr;
            int count = Math.min(positions, p0 + panelsPerChunk * nr) - p0;
            if (count <= 0) {
                return;
            }
            if (implicit) {
                Conv2dImplicit.forwardImage(kernel, y, x, w, b, g, n, p0, count, false);
            } else {
                forwardPositions(y, x, w, b, g, n, p0, count);
            }
        });
    }

    /** Output positions [p0, p0 + count) of image n, every filter. */
    private void forwardPositions(float[] y, float[] x, float[] w, float[] b, ConvGeometry g, int n, int p0,
                                  int count) {
        int depth = g.patchSize(), filters = g.outChannels(), positions = g.outPlane();
        int mr = kernel.rowBlock(), nr = kernel.colBlock();
        int ld = Conv2dEngine.leadingDimension(count, nr);
        GemmScratch scratch = GemmScratch.get();
        float[] col = scratch.col = GemmScratch.ensure(scratch.col, depth * ld);
        im2col(col, ld, x, n, g, p0, count, scratch);
        int yImage = n * filters * positions;
        // Column panel outside, filter blocks inside: the panel of col stays in L1 while every
        // filter block streams past it.
        for (int j = 0; j < count; j += nr) {
            int cols = Math.min(nr, count - j);
            for (int f = 0; f < filters; f += mr) {
                kernel.multiply(Math.min(mr, filters - f), cols, depth, w, f * depth, depth, 1, col, j, ld,
                        y, yImage + f * positions + p0 + j, positions, false);
            }
        }
        int divisor = g.divisor();
        if (divisor != 1 || b != null) {
            for (int f = 0; f < filters; f++) {
                float bias = b == null ? 0f : b[f];
                int start = yImage + f * positions + p0;
                for (int i = start; i < start + count; i++) {
                    float v = divisor == 1 ? y[i] : y[i] / divisor;
                    y[i] = b == null ? v : v + bias;
                }
            }
        }
    }

    // dX [N,C,H,W] (nullable)  dW [F,C,KH,KW]  dB [F] (nullable)  dY [N,F,OH,OW]  x [N,C,H,W]  w [F,C,KH,KW]
    void backward(float[] dX, float[] dW, float[] dB, float[] dY, float[] x, float[] w, ConvGeometry g) {
        int depth = g.patchSize(), filters = g.outChannels();
        int partialSize = depth * filters + filters;
        int tasks = Math.max(1, Math.min(Math.min(g.batch(), MAX_GRADIENT_TASKS), PARTIALS_BUDGET / partialSize));
        GemmScratch callerScratch = GemmScratch.get();
        float[] partials = callerScratch.partials = GemmScratch.ensure(callerScratch.partials, tasks * partialSize);
        // Few filters: the im2col path's dW^T product would fill only F of its NR columns, so take
        // the implicit path (dot products, no im2col). It keeps partial dW as [F, K], the im2col
        // path as its transpose [K, F].
        boolean implicit = Conv2dImplicit.suits(g) && g.outChannels() < kernel.colBlock();
        // dX as the forward convolution of dY with flipped weights, when stride 1 allows it: long
        // products (depth F*KH*KW) instead of short ones (depth F) and no scatter with edge tests.
        // Its rows are the input channels: with fewer than a row block, most of each block would be waste.
        ConvGeometry dxGeometry = dX == null || g.inChannels() < kernel.rowBlock() ? null
                : Conv2dImplicit.inputGradientGeometry(g);
        float[] flipped = null;
        if (dxGeometry != null) {
            flipped = callerScratch.flipped = GemmScratch.ensure(callerScratch.flipped, g.weightSize());
            Conv2dImplicit.flipWeights(flipped, w, g);
        }
        float[] flippedWeights = flipped;
        float[] dXByProduct = dxGeometry == null ? dX : null;
        int dxPositions = dxGeometry == null ? 0 : Conv2dImplicit.positions(dxGeometry);
        Parallel.shared().forEach(tasks, t -> {
            int first = (int) ((long) t * g.batch() / tasks), last = (int) ((long) (t + 1) * g.batch() / tasks);
            int base = t * partialSize;
            Arrays.fill(partials, base, base + partialSize, 0f);
            for (int n = first; n < last; n++) {
                if (implicit) {
                    Conv2dImplicit.backwardImage(kernel, dXByProduct, partials, base, dY, x, w, g, n);
                } else {
                    backwardImage(dXByProduct, partials, base, dY, x, w, g, n);
                }
                if (dxGeometry != null) {
                    Conv2dImplicit.forwardImage(kernel, dX, dY, flippedWeights, null, dxGeometry, n, 0, dxPositions,
                            true);
                }
            }
        });
        // Sum the groups in task order (never in completion order), spread over filters.
        Parallel.shared().forEach(filters, f -> {
            for (int k = 0; k < depth; k++) {
                int at = implicit ? f * depth + k : k * filters + f;
                float sum = partials[at];
                for (int t = 1; t < tasks; t++) {
                    sum += partials[t * partialSize + at];
                }
                dW[f * depth + k] += sum;
            }
            if (dB != null) {
                float sum = partials[depth * filters + f];
                for (int t = 1; t < tasks; t++) {
                    sum += partials[t * partialSize + depth * filters + f];
                }
                dB[f] += sum;
            }
        });
    }

    /**
     * One image: partial dW^T [K, F] += col [K, P] * (dY/divisor)^T [P, F]; partial dB [F] += sum of dY;
     * dX += col2im(W^T [K, F] * dY/divisor [F, P]).
     */
    private void backwardImage(float[] dX, float[] partials, int base, float[] dY, float[] x, float[] w,
                               ConvGeometry g, int n) {
        int depth = g.patchSize(), filters = g.outChannels(), positions = g.outPlane();
        int mr = kernel.rowBlock(), nr = kernel.colBlock();
        int ld = leadingDimension(positions, nr);
        int ldT = leadingDimension(filters, nr);
        GemmScratch scratch = GemmScratch.get();
        float[] col = scratch.col = GemmScratch.ensure(scratch.col, depth * ld);
        float[] dy = scratch.dy = GemmScratch.ensure(scratch.dy, filters * ld);
        float[] dyT = scratch.dyT = GemmScratch.ensure(scratch.dyT, positions * ldT);
        int divisor = g.divisor();
        int dyImage = n * filters * positions;
        int dbBase = base + depth * filters;
        for (int f = 0; f < filters; f++) {
            float sum = 0f;
            for (int p = 0; p < positions; p++) {
                float grad = dY[dyImage + f * positions + p];
                sum += grad;
                float scaled = divisor == 1 ? grad : grad / divisor;
                if (dX != null) { // dy [F, ld] only feeds the dX product
                    dy[f * ld + p] = scaled;
                }
                dyT[p * ldT + f] = scaled;
            }
            partials[dbBase + f] += sum;
        }
        im2col(col, ld, x, n, g, 0, positions, scratch);
        for (int f = 0; f < filters; f += nr) {
            int cols = Math.min(nr, filters - f);
            for (int k = 0; k < depth; k += mr) {
                kernel.multiply(Math.min(mr, depth - k), cols, positions, col, k * ld, ld, 1, dyT, f, ldT,
                        partials, base + k * filters + f, filters, true);
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
                kernel.multiply(Math.min(mr, depth - k), cols, filters, w, k, 1, depth, dy, j, ld,
                        dcol, k * ld + j, ld, false);
            }
        }
        Conv2dIm2col.col2imAdd(dX, n * g.inChannels() * g.inPlane(), dcol, ld, g);
    }

    /** col [K, ld] = the patches of image n at positions [p0, p0 + count), through a padded copy if padded. */
    private static void im2col(float[] col, int ld, float[] x, int n, ConvGeometry g, int p0, int count,
                               GemmScratch scratch) {
        int imageOff = n * g.inChannels() * g.inPlane();
        if (g.padHeight() == 0 && g.padWidth() == 0) {
            Conv2dIm2col.im2col(col, ld, x, imageOff, g, p0, count);
        } else {
            float[] padded = scratch.padded = GemmScratch.ensure(scratch.padded, Conv2dIm2col.paddedSize(g));
            Conv2dIm2col.pad(padded, x, imageOff, g);
            Conv2dIm2col.im2col(col, ld, padded, 0, g, p0, count);
        }
    }

    /**
     * Row stride for a matrix of {@code count} columns read in blocks of {@code nr}: rounded up to
     * whole blocks (the kernel reads full blocks), and moved off multiples of 64 floats, where every
     * row of a tall panel would land in the same few L1 cache sets.
     */
    static int leadingDimension(int count, int nr) {
        int ld = (count + nr - 1) / nr * nr;
        while (ld >= 64 && ld % 64 == 0) {
            ld += nr;
        }
        return ld;
    }
}
