package org.convlab.engine;

import static org.convlab.engine.LayerChecks.assertClose;
import static org.convlab.engine.LayerChecks.assertSameWithOneAndTwoThreads;
import static org.convlab.engine.LayerChecks.concat;
import static org.convlab.engine.LayerChecks.gradCheck;
import static org.convlab.engine.LayerChecks.random;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Transposed convolution: the fast path against the scalar reference, 1 against 2 threads (bit
 * for bit), the reference's gradients against central finite differences of an independent
 * double-precision forward written as stamps, and the reference against the textbook picture of
 * a convolution of the zero-inserted input with the flipped kernel ({@link Conv2dReference}).
 */
class ConvTransposeEngineTest {
    static List<ConvTransposeGeometry> geometries() {
        return List.of(
                new ConvTransposeGeometry(2, 3, 5, 4, 2, 3, 3, 2, 1, 1, 1, 1, 1),
                new ConvTransposeGeometry(3, 4, 6, 7, 10, 3, 3, 1, 1, 1, 0, 0, 1),   // stride 1, >= 8 filters: implicit path
                new ConvTransposeGeometry(2, 2, 4, 5, 3, 4, 2, 3, 2, 0, 2, 1, 1),    // stride 3, non-square
                new ConvTransposeGeometry(2, 3, 5, 4, 9, 3, 3, 1, 1, 2, 1, 1, 2),    // output padding >= stride under dilation 2
                new ConvTransposeGeometry(1, 16, 9, 8, 16, 3, 3, 1, 0, 0, 0, 0, 1),  // one bigger image, implicit path
                new ConvTransposeGeometry(5, 6, 3, 11, 4, 1, 5, 2, 0, 2, 0, 1, 1),   // 1D-like rows
                new ConvTransposeGeometry(2, 2, 3, 3, 2, 3, 3, 2, 2, 2, 1, 1, 2));   // dilation 2, stride 2
    }

    private static float[][] data(ConvTransposeGeometry g) {
        SplittableRandom rng = new SplittableRandom(g.hashCode());
        return new float[][] {random(rng, g.inputSize(), -1, 1), random(rng, g.weightSize(), -1, 1),
                random(rng, g.outChannels(), -1, 1), random(rng, g.outputSize(), -1, 1)};
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("geometries")
    void fastPathMatchesReference(ConvTransposeGeometry g) {
        float[][] d = data(g);
        float[] x = d[0], w = d[1], b = d[2], dY = d[3];
        float[] y = new float[g.outputSize()], yr = new float[g.outputSize()], ys = new float[g.outputSize()];
        ConvTranspose2d.forward(y, x, w, b, g);
        ConvTranspose2d.forwardScalar(ys, x, w, b, g);
        ConvTranspose2dReference.forward(yr, x, w, b, g);
        assertClose("y", yr, y, 1e-5, 1e-5);
        assertClose("y (scalar kernel)", yr, ys, 1e-5, 1e-5);
        float[] dX = random(new SplittableRandom(1), x.length, -1, 1), dXr = dX.clone(); // gradients accumulate
        float[] dW = new float[w.length], dWr = new float[w.length], dB = new float[b.length], dBr = new float[b.length];
        ConvTranspose2d.backward(dX, dW, dB, dY, x, w, g);
        ConvTranspose2dReference.backward(dXr, dWr, dBr, dY, x, w, g);
        assertClose("dX", dXr, dX, 1e-5, 1e-5);
        assertClose("dW", dWr, dW, 1e-4, 1e-5);
        assertClose("dB", dBr, dB, 1e-4, 1e-5);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("geometries")
    void fastPathIsBitIdenticalOnOneAndTwoThreads(ConvTransposeGeometry g) {
        float[][] d = data(g);
        assertSameWithOneAndTwoThreads("transposed conv " + g, () -> {
            float[] y = new float[g.outputSize()], dX = new float[d[0].length], dW = new float[d[1].length];
            float[] dB = new float[d[2].length];
            ConvTranspose2d.forward(y, d[0], d[1], d[2], g);
            ConvTranspose2d.backward(dX, dW, dB, d[3], d[0], d[1], g);
            return concat(y, dX, dW, dB);
        });
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("geometries")
    void referenceGradientsMatchFiniteDifferences(ConvTransposeGeometry g) {
        if (g.weightSize() > 1000) {
            return; // the 16-channel geometry is for the fast path; every coordinate here costs two forwards
        }
        float[][] d = data(g);
        float[] x = d[0], w = d[1], b = d[2], r = d[3];
        float[] dX = new float[x.length], dW = new float[w.length], dB = new float[b.length];
        ConvTranspose2dReference.backward(dX, dW, dB, r, x, w, g);
        gradCheck("dX " + g, x, () -> stampLoss(x, w, b, r, g), dX, 1e-2, 1e-3, 1e-3);
        gradCheck("dW " + g, w, () -> stampLoss(x, w, b, r, g), dW, 1e-2, 1e-3, 1e-3);
        gradCheck("dB " + g, b, () -> stampLoss(x, w, b, r, g), dB, 1e-2, 1e-3, 1e-3);
    }

    /** The stamp picture: the bias plus every input value's scaled kernel, overlaps summed, is the forward. */
    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("geometries")
    void stampsAddUpToTheForward(ConvTransposeGeometry g) {
        float[][] d = data(g);
        float[] x = d[0], w = d[1], b = d[2];
        float[] stamped = new float[g.outputSize()];
        int plane = g.outPlane();
        for (int i = 0; i < stamped.length; i++) {
            stamped[i] = b[(i / plane) % g.outChannels()];
        }
        for (int n = 0; n < g.batch(); n++) {
            for (int ci = 0; ci < g.inChannels(); ci++) {
                for (int ih = 0; ih < g.inHeight(); ih++) {
                    for (int iw = 0; iw < g.inWidth(); iw++) {
                        ConvTranspose2dReference.stamp(stamped, x, w, g, n, ci, ih, iw);
                    }
                }
            }
        }
        float[] y = new float[g.outputSize()];
        ConvTranspose2dReference.forward(y, x, w, b, g);
        assertClose("stamps " + g, y, stamped, 1e-5, 1e-5);
    }

    /** Reference forward = zeros inserted between input pixels, padded by d(k - 1) - p, convolved with the flipped kernel. */
    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("geometries")
    void referenceIsTheConvolutionOfTheZeroInsertedInput(ConvTransposeGeometry g) {
        int reachH = g.dilation() * (g.kernelHeight() - 1), reachW = g.dilation() * (g.kernelWidth() - 1);
        if (g.padHeight() > reachH || g.padWidth() > reachW) {
            return;
        }
        float[][] d = data(g);
        float[] x = d[0], w = d[1], b = d[2];
        int s = g.stride(), ci = g.inChannels(), co = g.outChannels(), kh = g.kernelHeight(), kw = g.kernelWidth();
        // the zero-inserted input, with the output padding as extra zero rows/columns at the bottom/right
        int zh = s * (g.inHeight() - 1) + 1 + g.outPadHeight(), zw = s * (g.inWidth() - 1) + 1 + g.outPadWidth();
        float[] z = new float[g.batch() * ci * zh * zw];
        for (int m = 0; m < g.batch() * ci; m++) {
            for (int h = 0; h < g.inHeight(); h++) {
                for (int c = 0; c < g.inWidth(); c++) {
                    z[(m * zh + h * s) * zw + c * s] = x[(m * g.inHeight() + h) * g.inWidth() + c];
                }
            }
        }
        float[] flipped = new float[w.length]; // [Co, Ci, KH, KW], kernel turned 180 degrees
        for (int a = 0; a < ci; a++) {
            for (int f = 0; f < co; f++) {
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        flipped[((f * ci + a) * kh + i) * kw + j] = w[((a * co + f) * kh + kh - 1 - i) * kw + kw - 1 - j];
                    }
                }
            }
        }
        // padded by d(k - 1) - p on every side; a valid convolution over it, stride 1
        int ph = reachH - g.padHeight(), pw = reachW - g.padWidth();
        float[] zp = padded(z, g.batch() * ci, zh, zw, ph, pw);
        ConvGeometry valid = new ConvGeometry(g.batch(), ci, zh + 2 * ph, zw + 2 * pw, co, kh, kw, 1, 0, 0, g.dilation(), 1);
        float[] expected = new float[valid.outputSize()];
        Conv2dReference.forward(expected, zp, flipped, b, valid);
        float[] y = new float[g.outputSize()];
        ConvTranspose2dReference.forward(y, x, w, b, g);
        assertClose("zero-inserted convolution " + g, expected, y, 1e-5, 1e-5);
    }

    /** planes [m, h, w] with p rows/columns of zeros on every side. */
    private static float[] padded(float[] z, int planes, int h, int w, int ph, int pw) {
        int hp = h + 2 * ph, wp = w + 2 * pw;
        float[] out = new float[planes * hp * wp];
        for (int m = 0; m < planes; m++) {
            for (int r = 0; r < h; r++) {
                System.arraycopy(z, (m * h + r) * w, out, (m * hp + r + ph) * wp + pw, w);
            }
        }
        return out;
    }

    /** sum(y * r), y in double as the sum of every input value's stamp of its kernel (the definition). */
    private static double stampLoss(float[] x, float[] w, float[] b, float[] r, ConvTransposeGeometry g) {
        double[] y = new double[g.outputSize()];
        int co = g.outChannels(), oh = g.outHeight(), ow = g.outWidth(), kh = g.kernelHeight(), kw = g.kernelWidth();
        for (int n = 0; n < g.batch(); n++) {
            for (int f = 0; f < co; f++) {
                for (int o = 0; o < oh * ow; o++) {
                    y[(n * co + f) * oh * ow + o] = b[f];
                }
            }
            for (int a = 0; a < g.inChannels(); a++) {
                for (int ih = 0; ih < g.inHeight(); ih++) {
                    for (int iw = 0; iw < g.inWidth(); iw++) {
                        double v = x[((n * g.inChannels() + a) * g.inHeight() + ih) * g.inWidth() + iw];
                        for (int f = 0; f < co; f++) {
                            for (int i = 0; i < kh; i++) {
                                for (int j = 0; j < kw; j++) {
                                    int p = ih * g.stride() - g.padHeight() + i * g.dilation();
                                    int q = iw * g.stride() - g.padWidth() + j * g.dilation();
                                    if (p >= 0 && p < oh && q >= 0 && q < ow) {
                                        y[((n * co + f) * oh + p) * ow + q] += v * w[((a * co + f) * kh + i) * kw + j];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        double loss = 0;
        for (int i = 0; i < y.length; i++) {
            loss += y[i] * r[i];
        }
        return loss;
    }
}
