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

    // dX [N,C,H,W] (nullable)  dW [F,C,KH,KW]  dB [F] (nullable)  dY [N,F,OH,OW]  x [N,C,H,W]  w [F,C,KH,KW]
    // Each output value y = sum(x * w) / divisor + b sends dY / divisor back to every pixel and
    // weight it touched (times the other factor), and dY itself to the bias.
    public static void backward(float[] dX, float[] dW, float[] dB, float[] dY, float[] x, float[] w,
                                ConvGeometry g) {
        int channels = g.inChannels(), height = g.inHeight(), width = g.inWidth();
        int filters = g.outChannels(), kh = g.kernelHeight(), kw = g.kernelWidth();
        int outHeight = g.outHeight(), outWidth = g.outWidth();
        for (int n = 0; n < g.batch(); n++) {
            for (int f = 0; f < filters; f++) {
                for (int oh = 0; oh < outHeight; oh++) {
                    for (int ow = 0; ow < outWidth; ow++) {
                        float grad = dY[((n * filters + f) * outHeight + oh) * outWidth + ow];
                        if (dB != null) {
                            dB[f] += grad;
                        }
                        float gradSum = grad / g.divisor();
                        for (int c = 0; c < channels; c++) {
                            for (int i = 0; i < kh; i++) {
                                int ih = oh * g.stride() - g.padHeight() + i * g.dilation();
                                if (ih < 0 || ih >= height) {
                                    continue;
                                }
                                for (int j = 0; j < kw; j++) {
                                    int iw = ow * g.stride() - g.padWidth() + j * g.dilation();
                                    if (iw < 0 || iw >= width) {
                                        continue;
                                    }
                                    int xi = ((n * channels + c) * height + ih) * width + iw;
                                    int wi = ((f * channels + c) * kh + i) * kw + j;
                                    dW[wi] += gradSum * x[xi];
                                    if (dX != null) {
                                        dX[xi] += gradSum * w[wi];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
