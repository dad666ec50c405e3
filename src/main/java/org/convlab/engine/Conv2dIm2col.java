package org.convlab.engine;

import java.util.Arrays;

/**
 * Unrolls image patches into the columns of a matrix (im2col) and folds them back (col2im), so a
 * convolution becomes a matrix product: col [C*KH*KW, positions], one row per weight position
 * (c, i, j), one column per output position. Padding becomes zeros in col. Rows are copied as runs
 * along an output row, which are contiguous in the input when the stride is 1.
 */
final class Conv2dIm2col {
    private Conv2dIm2col() {}

    // col [C*KH*KW, ld] (columns 0..count-1 written)  x: one image [C,H,W] at xOff
    // column q holds output position p0 + q (p = oh * OW + ow)
    static void im2col(float[] col, int ld, float[] x, int xOff, ConvGeometry g, int p0, int count) {
        int height = g.inHeight(), width = g.inWidth(), kh = g.kernelHeight(), kw = g.kernelWidth();
        int stride = g.stride(), dilation = g.dilation(), outWidth = g.outWidth();
        int row = 0;
        for (int c = 0; c < g.inChannels(); c++) {
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++, row++) {
                    int dst = row * ld;
                    int p = p0, end = p0 + count;
                    while (p < end) {
                        int oh = p / outWidth, ow = p - oh * outWidth;
                        int run = Math.min(outWidth - ow, end - p);
                        int ih = oh * stride - g.padHeight() + i * dilation;
                        int d = dst + (p - p0);
                        if (ih < 0 || ih >= height) {
                            Arrays.fill(col, d, d + run, 0f);
                        } else {
                            int iw0 = ow * stride - g.padWidth() + j * dilation;
                            copyRun(col, d, x, xOff + (c * height + ih) * width, iw0, stride, width, run);
                        }
                        p += run;
                    }
                }
            }
        }
    }

    /** col[d + t] = x row value at iw0 + t*stride, or 0 outside [0, width), for t in [0, run). */
    private static void copyRun(float[] col, int d, float[] x, int rowStart, int iw0, int stride, int width, int run) {
        int lo = iw0 >= 0 ? 0 : Math.min(run, (-iw0 + stride - 1) / stride);
        int hi = iw0 >= width ? 0 : Math.min(run, (width - 1 - iw0) / stride + 1);
        if (hi < lo) {
            hi = lo;
        }
        Arrays.fill(col, d, d + lo, 0f);
        if (stride == 1) {
            System.arraycopy(x, rowStart + iw0 + lo, col, d + lo, hi - lo);
        } else {
            for (int t = lo; t < hi; t++) {
                col[d + t] = x[rowStart + iw0 + t * stride];
            }
        }
        Arrays.fill(col, d + hi, d + run, 0f);
    }

    // dX: one image [C,H,W] at dxOff (+=)  col [C*KH*KW, ld] holding all OH*OW positions
    static void col2imAdd(float[] dX, int dxOff, float[] col, int ld, ConvGeometry g) {
        int height = g.inHeight(), width = g.inWidth(), kh = g.kernelHeight(), kw = g.kernelWidth();
        int stride = g.stride(), dilation = g.dilation(), outHeight = g.outHeight(), outWidth = g.outWidth();
        int row = 0;
        for (int c = 0; c < g.inChannels(); c++) {
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++, row++) {
                    int iw0 = -g.padWidth() + j * dilation;
                    int lo = iw0 >= 0 ? 0 : Math.min(outWidth, (-iw0 + stride - 1) / stride);
                    int hi = iw0 >= width ? 0 : Math.min(outWidth, (width - 1 - iw0) / stride + 1);
                    for (int oh = 0; oh < outHeight; oh++) {
                        int ih = oh * stride - g.padHeight() + i * dilation;
                        if (ih < 0 || ih >= height) {
                            continue;
                        }
                        int src = row * ld + oh * outWidth;
                        int dst = dxOff + (c * height + ih) * width + iw0;
                        if (stride == 1) {
                            for (int ow = lo; ow < hi; ow++) {
                                dX[dst + ow] += col[src + ow];
                            }
                        } else {
                            for (int ow = lo; ow < hi; ow++) {
                                dX[dst + ow * stride] += col[src + ow];
                            }
                        }
                    }
                }
            }
        }
    }
}
