package org.convlab.engine;

import org.convlab.engine.gemm.GemmKernel;
import org.convlab.engine.gemm.GemmScratch;

/**
 * The fast fully connected layer on one micro-kernel. Forward is a block of dot products (x and w
 * rows are both contiguous along the input, so nothing is repacked); backward packs column panels
 * of x and w and runs the register-blocked product. Tasks own disjoint blocks of the outputs and
 * every sum runs over the batch or the inputs in index order, so results do not depend on the
 * thread count.
 */
final class DenseEngine {
    /** Multiply-adds worth a task of their own. */
    private static final long MACS_PER_TASK = 1 << 16;
    private static final int MAX_TASKS = 64;

    private final GemmKernel kernel;

    DenseEngine(GemmKernel kernel) {
        this.kernel = kernel;
    }

    // y [N,out]  x [N,in]  w [out,in]  b [out] (nullable)
    void forward(float[] y, float[] x, float[] w, float[] b, int batch, int in, int out) {
        if (batch >= 2 * kernel.rowBlock() && out >= kernel.colBlock()) {
            forwardPanels(y, x, w, b, batch, in, out);
            return;
        }
        int rb = kernel.transposedRowBlock(), cb = kernel.transposedColBlock();
        int columnBlocks = (out + cb - 1) / cb;
        long macs = (long) batch * in * out;
        int tasks = (int) Math.max(1, Math.min(Math.min(columnBlocks, MAX_TASKS), macs / MACS_PER_TASK));
        Parallel.shared().forEach(tasks, t -> {
            int firstBlock = (int) ((long) t * columnBlocks / tasks);
            int lastBlock = (int) ((long) (t + 1) * columnBlocks / tasks);
            int o0 = firstBlock * cb, o1 = Math.min(out, lastBlock * cb);
            // A few rows of w stay in L1 while every sample's x row streams past them.
            for (int o = o0; o < o1; o += cb) {
                int cols = Math.min(cb, o1 - o);
                for (int n = 0; n < batch; n += rb) {
                    kernel.multiplyTransposed(Math.min(rb, batch - n), cols, in, x, n * in, in, w, o * in, in,
                            y, n * out + o, out, false);
                }
            }
            if (b != null) {
                for (int n = 0; n < batch; n++) {
                    for (int o = o0; o < o1; o++) {
                        y[n * out + o] += b[o];
                    }
                }
            }
        });
    }

    /**
     * A batch of several kernel blocks: pack a panel of w^T (in x NR) per task and run the
     * register-blocked product over the batch; the packing is paid once per panel for all samples.
     */
    private void forwardPanels(float[] y, float[] x, float[] w, float[] b, int batch, int in, int out) {
        int mr = kernel.rowBlock(), nr = kernel.colBlock();
        int panels = (out + nr - 1) / nr;
        Parallel.shared().forEach(panels, panel -> {
            int o0 = panel * nr, cols = Math.min(nr, out - o0);
            GemmScratch scratch = GemmScratch.get();
            float[] wPanel = scratch.panelB = GemmScratch.ensure(scratch.panelB, in * nr);
            if (cols < nr) {
                java.util.Arrays.fill(wPanel, 0, in * nr, 0f);
            }
            for (int j = 0; j < cols; j++) {
                int row = (o0 + j) * in; // read w rows in order, write the panel's column j
                for (int i = 0; i < in; i++) {
                    wPanel[i * nr + j] = w[row + i];
                }
            }
            for (int n = 0; n < batch; n += mr) {
                kernel.multiply(Math.min(mr, batch - n), cols, in, x, n * in, in, 1, wPanel, 0, nr,
                        y, n * out + o0, out, false);
            }
            if (b != null) {
                for (int n = 0; n < batch; n++) {
                    for (int o = o0; o < o0 + cols; o++) {
                        y[n * out + o] += b[o];
                    }
                }
            }
        });
    }

    // dX [N,in] (nullable)  dW [out,in]  dB [out] (nullable)  dY [N,out]  x [N,in]  w [out,in]
    void backward(float[] dX, float[] dW, float[] dB, float[] dY, float[] x, float[] w, int batch, int in,
                  int out) {
        if (dB != null) {
            for (int o = 0; o < out; o++) {
                float sum = 0f;
                for (int n = 0; n < batch; n++) {
                    sum += dY[n * out + o];
                }
                dB[o] += sum;
            }
        }
        int nr = kernel.colBlock();
        int panels = (in + nr - 1) / nr;
        Parallel.shared().forEach(panels, panel -> backwardPanel(dX, dW, dY, x, w, batch, in, out, panel * nr));
    }

    /** Inputs [i0, i0 + NR): dW[:, i0..] += dY^T x[:, i0..] and dX[:, i0..] += dY w[:, i0..]. */
    private void backwardPanel(float[] dX, float[] dW, float[] dY, float[] x, float[] w, int batch, int in, int out,
                               int i0) {
        int mr = kernel.rowBlock(), nr = kernel.colBlock();
        int cols = Math.min(nr, in - i0);
        GemmScratch scratch = GemmScratch.get();
        float[] xPanel = scratch.panelA = GemmScratch.ensure(scratch.panelA, batch * nr);
        packColumns(xPanel, x, batch, in, i0, cols, nr);
        for (int o = 0; o < out; o += mr) {
            // A = dY^T: A(o, n) = dY[n * out + o]
            kernel.multiply(Math.min(mr, out - o), cols, batch, dY, o, 1, out, xPanel, 0, nr,
                    dW, o * in + i0, in, true);
        }
        if (dX == null) {
            return;
        }
        float[] wPanel = scratch.panelB = GemmScratch.ensure(scratch.panelB, out * nr);
        packColumns(wPanel, w, out, in, i0, cols, nr);
        for (int n = 0; n < batch; n += mr) {
            kernel.multiply(Math.min(mr, batch - n), cols, out, dY, n * out, out, 1, wPanel, 0, nr,
                    dX, n * in + i0, in, true);
        }
    }

    /** panel [rows, nr] = source [rows, ld] columns [c0, c0 + cols), zero beyond. */
    private static void packColumns(float[] panel, float[] source, int rows, int ld, int c0, int cols, int nr) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(source, r * ld + c0, panel, r * nr, cols);
            for (int j = cols; j < nr; j++) {
                panel[r * nr + j] = 0f;
            }
        }
    }
}
