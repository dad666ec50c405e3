package org.convlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Finite-difference checks of the reference backward passes: for the scalar loss
 * L = sum(y * r) with a fixed random r, dL/dy = r, so backward(dY = r) must match the central
 * difference (L(v + h) - L(v - h)) / 2h of every input, weight and bias, computed in double
 * precision by an independent double-precision forward.
 */
class ConvGradientCheckTest {
    private static final double H = 1e-3;

    static java.util.List<ConvGeometry> geometries() {
        return java.util.List.of(
                new ConvGeometry(3, 2, 7, 6, 3, 3, 2, 2, 1, 1, 1, 1),    // stride 2 with padding, non-square kernel
                new ConvGeometry(3, 3, 8, 9, 2, 3, 3, 1, 2, 1, 2, 1),    // dilation 2, separate padding
                new ConvGeometry(3, 17, 4, 5, 3, 2, 2, 1, 0, 0, 1, 1),   // channels not a multiple of 16
                new ConvGeometry(3, 2, 1, 11, 4, 1, 3, 2, 0, 1, 1, 1),   // 1D, height 1
                new ConvGeometry(3, 1, 5, 5, 2, 3, 3, 1, 0, 0, 1, 9));   // X/O normalisation
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("geometries")
    void convReferenceGradientsMatchFiniteDifferences(ConvGeometry g) {
        float[] x = ConvTestData.random(g.inputSize(), 21), w = ConvTestData.random(g.weightSize(), 22);
        float[] b = ConvTestData.random(g.outChannels(), 23), r = ConvTestData.random(g.outputSize(), 24);
        float[] dX = new float[x.length], dW = new float[w.length], dB = new float[b.length];
        Conv2dReference.backward(dX, dW, dB, r, x, w, g);
        double[] xd = toDouble(x), wd = toDouble(w), bd = toDouble(b);
        for (int i = 0; i < x.length; i++) {
            double expected = central(xd, i, () -> convLoss(xd, wd, bd, r, g));
            assertEquals(expected, dX[i], 1e-4 * (1 + Math.abs(expected)), "dX[" + i + "]");
        }
        for (int i = 0; i < w.length; i++) {
            double expected = central(wd, i, () -> convLoss(xd, wd, bd, r, g));
            assertEquals(expected, dW[i], 1e-4 * (1 + Math.abs(expected)), "dW[" + i + "]");
        }
        for (int i = 0; i < b.length; i++) {
            double expected = central(bd, i, () -> convLoss(xd, wd, bd, r, g));
            assertEquals(expected, dB[i], 1e-4 * (1 + Math.abs(expected)), "dB[" + i + "]");
        }
    }

    @ParameterizedTest(name = "batch {0}, in {1}, out {2}")
    @org.junit.jupiter.params.provider.CsvSource({"3, 5, 7", "1, 17, 3", "4, 33, 2"})
    void denseReferenceGradientsMatchFiniteDifferences(int batch, int in, int out) {
        float[] x = ConvTestData.random(batch * in, 31), w = ConvTestData.random(out * in, 32);
        float[] b = ConvTestData.random(out, 33), r = ConvTestData.random(batch * out, 34);
        float[] dX = new float[x.length], dW = new float[w.length], dB = new float[b.length];
        DenseReference.backward(dX, dW, dB, r, x, w, batch, in, out);
        double[] xd = toDouble(x), wd = toDouble(w), bd = toDouble(b);
        java.util.function.DoubleSupplier loss = () -> denseLoss(xd, wd, bd, r, batch, in, out);
        for (int i = 0; i < x.length; i++) {
            double expected = central(xd, i, loss);
            assertEquals(expected, dX[i], 1e-4 * (1 + Math.abs(expected)), "dX[" + i + "]");
        }
        for (int i = 0; i < w.length; i++) {
            double expected = central(wd, i, loss);
            assertEquals(expected, dW[i], 1e-4 * (1 + Math.abs(expected)), "dW[" + i + "]");
        }
        for (int i = 0; i < b.length; i++) {
            double expected = central(bd, i, loss);
            assertEquals(expected, dB[i], 1e-4 * (1 + Math.abs(expected)), "dB[" + i + "]");
        }
    }

    private static double central(double[] v, int i, java.util.function.DoubleSupplier loss) {
        double saved = v[i];
        v[i] = saved + H;
        double plus = loss.getAsDouble();
        v[i] = saved - H;
        double minus = loss.getAsDouble();
        v[i] = saved;
        return (plus - minus) / (2 * H);
    }

    /** sum(y * r) with y computed in double from the definition of convolution (independent of the code under test). */
    private static double convLoss(double[] x, double[] w, double[] b, float[] r, ConvGeometry g) {
        double loss = 0;
        int oh = g.outHeight(), ow = g.outWidth();
        for (int n = 0; n < g.batch(); n++) {
            for (int f = 0; f < g.outChannels(); f++) {
                for (int p = 0; p < oh; p++) {
                    for (int q = 0; q < ow; q++) {
                        double sum = 0;
                        for (int c = 0; c < g.inChannels(); c++) {
                            for (int i = 0; i < g.kernelHeight(); i++) {
                                for (int j = 0; j < g.kernelWidth(); j++) {
                                    int h = p * g.stride() - g.padHeight() + i * g.dilation();
                                    int v = q * g.stride() - g.padWidth() + j * g.dilation();
                                    if (h >= 0 && h < g.inHeight() && v >= 0 && v < g.inWidth()) {
                                        sum += x[((n * g.inChannels() + c) * g.inHeight() + h) * g.inWidth() + v]
                                                * w[((f * g.inChannels() + c) * g.kernelHeight() + i) * g.kernelWidth() + j];
                                    }
                                }
                            }
                        }
                        double y = sum / g.divisor() + b[f];
                        loss += y * r[((n * g.outChannels() + f) * oh + p) * ow + q];
                    }
                }
            }
        }
        return loss;
    }

    private static double denseLoss(double[] x, double[] w, double[] b, float[] r, int batch, int in, int out) {
        double loss = 0;
        for (int n = 0; n < batch; n++) {
            for (int o = 0; o < out; o++) {
                double y = b[o];
                for (int i = 0; i < in; i++) {
                    y += x[n * in + i] * w[o * in + i];
                }
                loss += y * r[n * out + o];
            }
        }
        return loss;
    }

    private static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }
}
