package org.convlab.engine;

/**
 * 2D convolution written for reading: one output value at a time, the way the slides explain
 * filter matching (line the filter up with a patch, multiply pixel by pixel, add up, divide by the
 * divisor, add the bias). The step-through views are generated from these loops and the fast
 * {@link Conv2d} is tested against them.
 */
public final class Conv2dReference {
    private Conv2dReference() {}

    /**
     * Listens to the terms of one output value in the order the forward loop adds them. The
     * step-through records these, so what the student sees is what the engine computes.
     */
    public interface Terms {
        /** Input channel c, kernel row i and column j at input (ih, iw); {@code sum} is the running sum after this term. */
        void term(int c, int i, int j, int ih, int iw, float pixel, float weight, float sum);
    }

    // y [N,F,OH,OW]  x [N,C,H,W]  w [F,C,KH,KW]  b [F] (nullable)
    public static void forward(float[] y, float[] x, float[] w, float[] b, ConvGeometry g) {
        int filters = g.outChannels();
        int outHeight = g.outHeight(), outWidth = g.outWidth();
        for (int n = 0; n < g.batch(); n++) {
            for (int f = 0; f < filters; f++) {
                for (int oh = 0; oh < outHeight; oh++) {
                    for (int ow = 0; ow < outWidth; ow++) {
                        y[((n * filters + f) * outHeight + oh) * outWidth + ow] = outputAt(x, w, b, g, n, f, oh, ow, null);
                    }
                }
            }
        }
    }

    // y[n, f, oh, ow]  of  x [N,C,H,W]  w [F,C,KH,KW]  b [F] (nullable); terms (nullable) hears every product
    public static float outputAt(float[] x, float[] w, float[] b, ConvGeometry g, int n, int f, int oh, int ow,
                                 Terms terms) {
        int channels = g.inChannels(), height = g.inHeight(), width = g.inWidth();
        int kh = g.kernelHeight(), kw = g.kernelWidth();
        float sum = 0f;
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < kh; i++) {
                int ih = oh * g.stride() - g.padHeight() + i * g.dilation();
                if (ih < 0 || ih >= height) {
                    continue; // zero padding contributes nothing
                }
                for (int j = 0; j < kw; j++) {
                    int iw = ow * g.stride() - g.padWidth() + j * g.dilation();
                    if (iw < 0 || iw >= width) {
                        continue;
                    }
                    float pixel = x[((n * channels + c) * height + ih) * width + iw];
                    float weight = w[((f * channels + c) * kh + i) * kw + j];
                    sum += pixel * weight;
                    if (terms != null) {
                        terms.term(c, i, j, ih, iw, pixel, weight, sum);
                    }
                }
            }
        }
        float value = sum / g.divisor();
        if (b != null) {
            value += b[f];
        }
        return value;
    }

    // dX [N,C,H,W] (nullable, +=)  dW [F,C,KH,KW] (+=)  dB [F] (nullable, +=)  dY [N,F,OH,OW]  x [N,C,H,W]  w [F,C,KH,KW]
    // Written per gradient value, as forward is per output value: the backward step-through
    // calls the same weightGradAt / inputGradAt / biasGradAt with a listener, so the numbers it
    // shows are the ones written here.
    public static void backward(float[] dX, float[] dW, float[] dB, float[] dY, float[] x, float[] w,
                                ConvGeometry g) {
        int channels = g.inChannels(), kh = g.kernelHeight(), kw = g.kernelWidth();
        for (int f = 0; f < g.outChannels(); f++) {
            if (dB != null) {
                dB[f] += biasGradAt(dY, g, f, null);
            }
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        dW[((f * channels + c) * kh + i) * kw + j] += weightGradAt(dY, x, g, f, c, i, j, null);
                    }
                }
            }
        }
        if (dX == null) {
            return;
        }
        int height = g.inHeight(), width = g.inWidth();
        for (int n = 0; n < g.batch(); n++) {
            for (int c = 0; c < channels; c++) {
                for (int h = 0; h < height; h++) {
                    for (int col = 0; col < width; col++) {
                        dX[((n * channels + c) * height + h) * width + col] += inputGradAt(dY, w, g, n, c, h, col, null);
                    }
                }
            }
        }
    }

    /**
     * dL/dw[f][c][i][j]: the weight is shared by every window position, so its gradient is the sum,
     * over every sample and output position where it touched a real input pixel, of
     * {@code dY[n][f][oh][ow] * x[n][c][ih][iw]}, divided once by the divisor (9 for the X/O
     * normalize). Positions where the weight lay on the zero padding add nothing and are skipped.
     * {@code terms} (nullable) hears every product in order: output = index into dY, partner = index into x.
     */
    public static float weightGradAt(float[] dY, float[] x, ConvGeometry g, int f, int c, int i, int j,
                                     GradTerms terms) {
        int channels = g.inChannels(), height = g.inHeight(), width = g.inWidth();
        int filters = g.outChannels(), outHeight = g.outHeight(), outWidth = g.outWidth();
        float sum = 0f;
        for (int n = 0; n < g.batch(); n++) {
            for (int oh = 0; oh < outHeight; oh++) {
                int ih = oh * g.stride() - g.padHeight() + i * g.dilation();
                if (ih < 0 || ih >= height) {
                    continue;
                }
                for (int ow = 0; ow < outWidth; ow++) {
                    int iw = ow * g.stride() - g.padWidth() + j * g.dilation();
                    if (iw < 0 || iw >= width) {
                        continue;
                    }
                    int yi = ((n * filters + f) * outHeight + oh) * outWidth + ow;
                    int xi = ((n * channels + c) * height + ih) * width + iw;
                    float upstream = dY[yi];
                    float product = upstream * x[xi];
                    sum += product;
                    if (terms != null) {
                        terms.term(yi, xi, x[xi], upstream, product, sum);
                    }
                }
            }
        }
        return sum / g.divisor();
    }

    /**
     * dL/dx[n][c][h][w]: the full convolution of dY with the flipped filter. Every filter f and
     * kernel cell (i, j) that lay on this pixel at some output (oh, ow) adds
     * {@code dY[n][f][oh][ow] * w[f][c][i][j]}; the sum is divided once by the divisor.
     * {@code terms} (nullable): output = index into dY, partner = index into w.
     */
    public static float inputGradAt(float[] dY, float[] w, ConvGeometry g, int n, int c, int h, int col,
                                    GradTerms terms) {
        int channels = g.inChannels(), kh = g.kernelHeight(), kw = g.kernelWidth();
        int filters = g.outChannels(), outHeight = g.outHeight(), outWidth = g.outWidth();
        int stride = g.stride();
        float sum = 0f;
        for (int f = 0; f < filters; f++) {
            for (int i = 0; i < kh; i++) {
                int rowOffset = h + g.padHeight() - i * g.dilation(); // = oh * stride when (i) lay on row h
                if (rowOffset < 0 || rowOffset % stride != 0 || rowOffset / stride >= outHeight) {
                    continue;
                }
                int oh = rowOffset / stride;
                for (int j = 0; j < kw; j++) {
                    int colOffset = col + g.padWidth() - j * g.dilation();
                    if (colOffset < 0 || colOffset % stride != 0 || colOffset / stride >= outWidth) {
                        continue;
                    }
                    int ow = colOffset / stride;
                    int yi = ((n * filters + f) * outHeight + oh) * outWidth + ow;
                    int wi = ((f * channels + c) * kh + i) * kw + j;
                    float upstream = dY[yi];
                    float product = upstream * w[wi];
                    sum += product;
                    if (terms != null) {
                        terms.term(yi, wi, w[wi], upstream, product, sum);
                    }
                }
            }
        }
        return sum / g.divisor();
    }

    /**
     * dL/db[f]: the bias is added after the divisor, so its gradient is the plain sum of dY over
     * every sample and output position of filter f. {@code terms} (nullable): partner -1, forward 1.
     */
    public static float biasGradAt(float[] dY, ConvGeometry g, int f, GradTerms terms) {
        int filters = g.outChannels(), plane = g.outHeight() * g.outWidth();
        float sum = 0f;
        for (int n = 0; n < g.batch(); n++) {
            for (int o = 0; o < plane; o++) {
                int yi = (n * filters + f) * plane + o;
                sum += dY[yi];
                if (terms != null) {
                    terms.term(yi, -1, 1f, dY[yi], dY[yi], sum);
                }
            }
        }
        return sum;
    }
}
