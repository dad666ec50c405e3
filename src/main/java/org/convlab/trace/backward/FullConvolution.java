package org.convlab.trace.backward;

import java.util.ArrayList;
import java.util.List;
import org.convlab.engine.ConvGeometry;

/**
 * dL/dx of a convolution re-read as the textbook picture: the FULL convolution of the upstream
 * gradient with the filter flipped 180 degrees. The engine's reference backward
 * ({@code Conv2dReference.inputGradAt}, traced by {@link BackwardTracer#convInput}) adds, for every
 * filter f and kernel cell (i, j) that lay on pixel (h, w) at some output (oh, ow),
 * {@code w[f][c][i][j] * dY[f][oh][ow]}. The same terms, in the same order, are read here on two
 * pictures:
 * <ul>
 * <li>the <b>padded upstream</b> Z_f: dY[f] with {@code stride - 1} zeros inserted between its rows
 *     and columns (how a transposed convolution undoes a stride), then {@code dilation * (k - 1) - padding}
 *     zeros around it ({@link #padTop}; negative means that many rows are cut instead);</li>
 * <li>the <b>flipped filter</b> {@code w'[f][c][a][b] = w[f][c][k-1-a][k-1-b]}.</li>
 * </ul>
 * Then {@code dL/dx[c][h][w] = (sum over f, a, b of w'[f][c][a][b] * Z_f[h + a*dilation][w + b*dilation]) / divisor}:
 * a window slid over Z with stride 1. Window cells on inserted or padding zeros add nothing, which
 * is why the engine skips them. No JavaFX: the command line can print the same picture.
 */
public final class FullConvolution {
    private final ConvGeometry g;

    public FullConvolution(ConvGeometry g) {
        this.g = g;
    }

    public ConvGeometry geometry() {
        return g;
    }

    /** Zero rows above the upstream in Z: dilation x (kernel height - 1) - padding (negative: rows cut). */
    public int padTop() {
        return g.dilation() * (g.kernelHeight() - 1) - g.padHeight();
    }

    /** Zero columns left of the upstream in Z. */
    public int padLeft() {
        return g.dilation() * (g.kernelWidth() - 1) - g.padWidth();
    }

    /** Rows of Z: the input height plus the dilated kernel's reach, so a stride-1 window fits at every pixel. */
    public int height() {
        return g.inHeight() + g.dilation() * (g.kernelHeight() - 1);
    }

    public int width() {
        return g.inWidth() + g.dilation() * (g.kernelWidth() - 1);
    }

    /** Zeros inserted between two upstream rows (and columns): stride - 1. */
    public int inserted() {
        return g.stride() - 1;
    }

    /** Z's row holding upstream row {@code oh}. */
    public int rowOf(int oh) {
        return oh * g.stride() + padTop();
    }

    public int colOf(int ow) {
        return ow * g.stride() + padLeft();
    }

    /**
     * Z_f, height() x width(), row major: dY[f] (one sample, [F, OH, OW] in {@code dY}) spread out
     * by the stride and padded; every other cell 0.
     */
    public float[] paddedUpstream(float[] dY, int f) {
        float[] z = new float[height() * width()];
        int oh = g.outHeight(), ow = g.outWidth();
        for (int r = 0; r < oh; r++) {
            int u = rowOf(r);
            if (u < 0 || u >= height()) {
                continue; // a row only padded input pixels used: it sends nothing to a real pixel
            }
            for (int c = 0; c < ow; c++) {
                int v = colOf(c);
                if (v >= 0 && v < width()) {
                    z[u * width() + v] = dY[(f * oh + r) * ow + c];
                }
            }
        }
        return z;
    }

    /** Which cells of Z hold an upstream value (the others are inserted or padding zeros). */
    public boolean[] upstreamCells() {
        boolean[] at = new boolean[height() * width()];
        for (int r = 0; r < g.outHeight(); r++) {
            for (int c = 0; c < g.outWidth(); c++) {
                int u = rowOf(r), v = colOf(c);
                if (u >= 0 && u < height() && v >= 0 && v < width()) {
                    at[u * width() + v] = true;
                }
            }
        }
        return at;
    }

    /** w[f][c] turned 180 degrees, kernelHeight x kernelWidth, from the conv's weights [F, C, KH, KW]. */
    public float[] flippedFilter(float[] weights, int f, int c) {
        int kh = g.kernelHeight(), kw = g.kernelWidth();
        float[] out = new float[kh * kw];
        int base = (f * g.inChannels() + c) * kh * kw;
        for (int a = 0; a < kh; a++) {
            for (int b = 0; b < kw; b++) {
                out[a * kw + b] = weights[base + (kh - 1 - a) * kw + (kw - 1 - b)];
            }
        }
        return out;
    }

    /**
     * One engine term re-read on the pictures: filter {@code filter}, flipped cell (a, b), Z cell
     * (u, v); {@code weight} x {@code upstream} = {@code product}, the engine's own numbers.
     */
    public record Term(int filter, int a, int b, int u, int v, int row, int col, float weight, float upstream,
                       float product, float sum) {
        /** The original (unflipped) kernel cell this flipped cell came from: {row, col}. */
        public int[] original(ConvGeometry g) {
            return new int[] {g.kernelHeight() - 1 - a, g.kernelWidth() - 1 - b};
        }
    }

    /**
     * The terms of {@code trace} (a {@link BackwardTracer#convInput} trace of pixel (h, w)) in the
     * engine's order, each placed on the flipped filter and on Z: kernel cell (i, j) becomes flipped
     * cell (k-1-i, k-1-j), output (oh, ow) becomes Z cell (h + a*dilation, w + b*dilation).
     */
    public List<Term> reread(GradientTrace trace, int h, int w) {
        List<Term> out = new ArrayList<>();
        for (GradTerm t : trace.terms()) {
            int[] o = t.output();   // [f, oh, ow]
            int[] k = t.factorAt(); // [f, c, i, j]
            int a = g.kernelHeight() - 1 - k[2];
            int b = g.kernelWidth() - 1 - k[3];
            int u = h + a * g.dilation(), v = w + b * g.dilation();
            if (u != rowOf(o[1]) || v != colOf(o[2])) {
                throw new IllegalStateException("term " + t + " does not lie on Z(" + u + ", " + v + ")");
            }
            out.add(new Term(o[0], a, b, u, v, o[1], o[2], t.forward(), t.upstream(), t.product(), t.sum()));
        }
        return out;
    }

    /**
     * The full convolution at pixel (c, h, w) from the two pictures alone: every filter, every
     * flipped cell in the engine's order (f, then the original kernel's rows and columns), zeros
     * included, divided once. Adding a zero product leaves a float sum unchanged, so this is the
     * engine's value bit for bit.
     */
    public float valueAt(float[] dY, float[] weights, int c, int h, int w) {
        int kh = g.kernelHeight(), kw = g.kernelWidth();
        float sum = 0f;
        for (int f = 0; f < g.outChannels(); f++) {
            float[] z = paddedUpstream(dY, f);
            float[] flipped = flippedFilter(weights, f, c);
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    int a = kh - 1 - i, b = kw - 1 - j;
                    float upstream = z[(h + a * g.dilation()) * width() + w + b * g.dilation()];
                    sum += upstream * flipped[a * kw + b];
                }
            }
        }
        return sum / g.divisor();
    }
}
