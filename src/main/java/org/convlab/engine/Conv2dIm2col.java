package org.convlab.engine;

import java.util.Arrays;

/**
 * Unrolls image patches into the columns of a matrix (im2col) and folds them back (col2im), so a
 * convolution becomes a matrix product: col [C*KH*KW, positions], one row per weight position
 * (c, i, j), one column per output position. Padding becomes zeros in col. Rows are copied as runs
 * along an output row from a zero-padded copy of the image, contiguous in the input when the
 * stride is 1.
 */
final class Conv2dIm2col {
    private Conv2dIm2col() {}

    /** Floats needed by {@link #pad} for one image. */
    static int paddedSize(ConvGeometry g) {
        return g.inChannels() * (g.inHeight() + 2 * g.padHeight()) * (g.inWidth() + 2 * g.padWidth());
    }

    // padded [C, H + 2*padHeight, W + 2*padWidth]  x: one image [C,H,W] at xOff
    // A zero border once per image, so im2col below copies runs with no edge tests.
    static void pad(float[] padded, float[] x, int xOff, ConvGeometry g) {
        int height = g.inHeight(), width = g.inWidth();
        int paddedHeight = height + 2 * g.padHeight(), paddedWidth = width + 2 * g.padWidth();
        Arrays.fill(padded, 0, paddedSize(g), 0f);
        for (int c = 0; c < g.inChannels(); c++) {
            for (int h = 0; h < height; h++) {
                System.arraycopy(x, xOff + (c * height + h) * width, padded,
                        (c * paddedHeight + h + g.padHeight()) * paddedWidth + g.padWidth(), width);
            }
        }
    }

    // dX: one image [C,H,W] at dxOff (+=)  padded [C, H + 2*padHeight, W + 2*padWidth]
    static void unpadAdd(float[] dX, int dxOff, float[] padded, ConvGeometry g) {
        int height = g.inHeight(), width = g.inWidth();
        int paddedHeight = height + 2 * g.padHeight(), paddedWidth = width + 2 * g.padWidth();
        for (int c = 0; c < g.inChannels(); c++) {
            for (int h = 0; h < height; h++) {
                int dst = dxOff + (c * height + h) * width;
                int src = (c * paddedHeight + h + g.padHeight()) * paddedWidth + g.padWidth();
                for (int v = 0; v < width; v++) {
                    dX[dst + v] += padded[src + v];
                }
            }
        }
    }

    // col [C*KH*KW, ld] (columns 0..count-1 written)  image: one padded image [C, HP, WP] at imageOff
    // (HP = H + 2*padHeight, WP = W + 2*padWidth; with no padding the image itself)
    // column q holds output position p0 + q (p = oh * OW + ow)
    static void im2col(float[] col, int ld, float[] image, int imageOff, ConvGeometry g, int p0, int count) {
        int kh = g.kernelHeight(), kw = g.kernelWidth(), stride = g.stride(), dilation = g.dilation();
        int outWidth = g.outWidth();
        int paddedHeight = g.inHeight() + 2 * g.padHeight(), paddedWidth = g.inWidth() + 2 * g.padWidth();
        int end = p0 + count;
        int firstRow = p0 / outWidth, firstColumn = p0 - firstRow * outWidth;
        int row = 0;
        for (int c = 0; c < g.inChannels(); c++) {
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++, row++) {
                    // input index of output position (oh, ow) for this weight: base + oh*s*WP + ow*s
                    int base = imageOff + (c * paddedHeight + i * dilation) * paddedWidth + j * dilation;
                    int p = p0, oh = firstRow, ow = firstColumn;
                    while (p < end) {
                        int run = Math.min(outWidth - ow, end - p);
                        int src = base + oh * stride * paddedWidth + ow * stride;
                        int dst = row * ld + (p - p0);
                        if (stride == 1) {
                            for (int t = 0; t < run; t++) {
                                col[dst + t] = image[src + t];
                            }
                        } else {
                            for (int t = 0; t < run; t++) {
                                col[dst + t] = image[src + t * stride];
                            }
                        }
                        p += run;
                        oh++;
                        ow = 0;
                    }
                }
            }
        }
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
