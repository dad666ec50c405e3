package org.convlab.engine;

/**
 * 2D transposed convolution written for reading. The picture: every input value stamps a copy of
 * its kernel, scaled by the value, into the output at {@code (ih*stride - pad, iw*stride - pad)},
 * kernel cells {@code dilation} apart, and overlapping stamps add up ({@link #stamp}). Read from
 * the output side, one value gathers the stamps that reach it ({@link #outputAt}): kernel cell
 * (i, j) of input (ih, iw) lands on (oh, ow) when {@code oh = ih*stride - pad + i*dilation}.
 * Equivalently: a convolution with the flipped kernel over the input with {@code stride - 1} zeros
 * inserted between its pixels. The fast {@link ConvTranspose2d} is tested against these loops.
 * Weight layout [C_in, C_out, KH, KW] (PyTorch's ConvTranspose2d).
 */
public final class ConvTranspose2dReference {
    private ConvTranspose2dReference() {}

    /** Hears the terms of one output value in the order {@link #outputAt} adds them. */
    public interface Terms {
        /** Input channel ci, kernel cell (i, j), from input (ih, iw); {@code sum} is the running sum after this term. */
        void term(int ci, int i, int j, int ih, int iw, float input, float weight, float sum);
    }

    // y [N,Co,OH,OW]  x [N,Ci,H,W]  w [Ci,Co,KH,KW]  b [Co] (nullable)
    public static void forward(float[] y, float[] x, float[] w, float[] b, ConvTransposeGeometry g) {
        int co = g.outChannels(), oh = g.outHeight(), ow = g.outWidth();
        for (int n = 0; n < g.batch(); n++) {
            for (int f = 0; f < co; f++) {
                for (int r = 0; r < oh; r++) {
                    for (int c = 0; c < ow; c++) {
                        y[((n * co + f) * oh + r) * ow + c] = outputAt(x, w, b, g, n, f, r, c, null);
                    }
                }
            }
        }
    }

    // y[n, co, oh, ow]: every stamp that reaches it, input channels outermost, then kernel rows and columns
    public static float outputAt(float[] x, float[] w, float[] b, ConvTransposeGeometry g, int n, int co, int oh,
                                 int ow, Terms terms) {
        int channels = g.inChannels(), height = g.inHeight(), width = g.inWidth(), filters = g.outChannels();
        int kh = g.kernelHeight(), kw = g.kernelWidth(), stride = g.stride();
        float sum = 0f;
        for (int ci = 0; ci < channels; ci++) {
            for (int i = 0; i < kh; i++) {
                int rowOffset = oh + g.padHeight() - i * g.dilation(); // = ih * stride when cell i of row ih lands here
                if (rowOffset < 0 || rowOffset % stride != 0 || rowOffset / stride >= height) {
                    continue;
                }
                int ih = rowOffset / stride;
                for (int j = 0; j < kw; j++) {
                    int colOffset = ow + g.padWidth() - j * g.dilation();
                    if (colOffset < 0 || colOffset % stride != 0 || colOffset / stride >= width) {
                        continue;
                    }
                    int iw = colOffset / stride;
                    float input = x[((n * channels + ci) * height + ih) * width + iw];
                    float weight = w[((ci * filters + co) * kh + i) * kw + j];
                    sum += input * weight;
                    if (terms != null) {
                        terms.term(ci, i, j, ih, iw, input, weight, sum);
                    }
                }
            }
        }
        return b == null ? sum : sum + b[co];
    }

    /**
     * y += x[n][ci][ih][iw] * w[ci][*][*][*]: the one stamp of one input value, cells that fall on
     * the cut padding dropped. Forward is the sum of all stamps plus the bias (in another order
     * than {@link #outputAt}, so equal within float rounding).
     */
    public static void stamp(float[] y, float[] x, float[] w, ConvTransposeGeometry g, int n, int ci, int ih, int iw) {
        int filters = g.outChannels(), oh = g.outHeight(), ow = g.outWidth(), kh = g.kernelHeight(), kw = g.kernelWidth();
        float input = x[((n * g.inChannels() + ci) * g.inHeight() + ih) * g.inWidth() + iw];
        for (int co = 0; co < filters; co++) {
            for (int i = 0; i < kh; i++) {
                int r = ih * g.stride() - g.padHeight() + i * g.dilation();
                if (r < 0 || r >= oh) {
                    continue;
                }
                for (int j = 0; j < kw; j++) {
                    int c = iw * g.stride() - g.padWidth() + j * g.dilation();
                    if (c >= 0 && c < ow) {
                        y[((n * filters + co) * oh + r) * ow + c] += input * w[((ci * filters + co) * kh + i) * kw + j];
                    }
                }
            }
        }
    }

    // dX [N,Ci,H,W] (nullable, +=)  dW [Ci,Co,KH,KW] (+=)  dB [Co] (nullable, +=)  dY [N,Co,OH,OW]  x [N,Ci,H,W]  w [Ci,Co,KH,KW]
    public static void backward(float[] dX, float[] dW, float[] dB, float[] dY, float[] x, float[] w,
                                ConvTransposeGeometry g) {
        int channels = g.inChannels(), filters = g.outChannels(), kh = g.kernelHeight(), kw = g.kernelWidth();
        if (dB != null) {
            for (int co = 0; co < filters; co++) {
                dB[co] += biasGradAt(dY, g, co, null);
            }
        }
        for (int ci = 0; ci < channels; ci++) {
            for (int co = 0; co < filters; co++) {
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        dW[((ci * filters + co) * kh + i) * kw + j] += weightGradAt(dY, x, g, ci, co, i, j, null);
                    }
                }
            }
        }
        if (dX == null) {
            return;
        }
        int height = g.inHeight(), width = g.inWidth();
        for (int n = 0; n < g.batch(); n++) {
            for (int ci = 0; ci < channels; ci++) {
                for (int h = 0; h < height; h++) {
                    for (int c = 0; c < width; c++) {
                        dX[((n * channels + ci) * height + h) * width + c] += inputGradAt(dY, w, g, n, ci, h, c, null);
                    }
                }
            }
        }
    }

    /**
     * dL/dx[n][ci][ih][iw]: the input value's stamp touched output cells (oh, ow) with weight
     * w[ci][co][i][j]; its gradient is the sum of {@code dY * w} over those cells (an ordinary
     * convolution of dY). {@code terms}: output = index into dY, partner = index into w.
     */
    public static float inputGradAt(float[] dY, float[] w, ConvTransposeGeometry g, int n, int ci, int ih, int iw,
                                    GradTerms terms) {
        int filters = g.outChannels(), oh = g.outHeight(), ow = g.outWidth(), kh = g.kernelHeight(), kw = g.kernelWidth();
        float sum = 0f;
        for (int co = 0; co < filters; co++) {
            for (int i = 0; i < kh; i++) {
                int r = ih * g.stride() - g.padHeight() + i * g.dilation();
                if (r < 0 || r >= oh) {
                    continue;
                }
                for (int j = 0; j < kw; j++) {
                    int c = iw * g.stride() - g.padWidth() + j * g.dilation();
                    if (c < 0 || c >= ow) {
                        continue;
                    }
                    int yi = ((n * filters + co) * oh + r) * ow + c;
                    int wi = ((ci * filters + co) * kh + i) * kw + j;
                    float product = dY[yi] * w[wi];
                    sum += product;
                    if (terms != null) {
                        terms.term(yi, wi, w[wi], dY[yi], product, sum);
                    }
                }
            }
        }
        return sum;
    }

    /**
     * dL/dw[ci][co][i][j]: the sum, over every sample and input value whose stamp put cell (i, j)
     * inside the output, of {@code x * dY} at the cell it landed on. {@code terms}: partner = index into x.
     */
    public static float weightGradAt(float[] dY, float[] x, ConvTransposeGeometry g, int ci, int co, int i, int j,
                                     GradTerms terms) {
        int channels = g.inChannels(), height = g.inHeight(), width = g.inWidth();
        int filters = g.outChannels(), oh = g.outHeight(), ow = g.outWidth();
        float sum = 0f;
        for (int n = 0; n < g.batch(); n++) {
            for (int ih = 0; ih < height; ih++) {
                int r = ih * g.stride() - g.padHeight() + i * g.dilation();
                if (r < 0 || r >= oh) {
                    continue;
                }
                for (int iw = 0; iw < width; iw++) {
                    int c = iw * g.stride() - g.padWidth() + j * g.dilation();
                    if (c < 0 || c >= ow) {
                        continue;
                    }
                    int yi = ((n * filters + co) * oh + r) * ow + c;
                    int xi = ((n * channels + ci) * height + ih) * width + iw;
                    float product = dY[yi] * x[xi];
                    sum += product;
                    if (terms != null) {
                        terms.term(yi, xi, x[xi], dY[yi], product, sum);
                    }
                }
            }
        }
        return sum;
    }

    /** dL/db[co]: the plain sum of dY over every sample and output cell of channel co. */
    public static float biasGradAt(float[] dY, ConvTransposeGeometry g, int co, GradTerms terms) {
        int filters = g.outChannels(), plane = g.outPlane();
        float sum = 0f;
        for (int n = 0; n < g.batch(); n++) {
            for (int o = 0; o < plane; o++) {
                int yi = (n * filters + co) * plane + o;
                sum += dY[yi];
                if (terms != null) {
                    terms.term(yi, -1, 1f, dY[yi], dY[yi], sum);
                }
            }
        }
        return sum;
    }
}
