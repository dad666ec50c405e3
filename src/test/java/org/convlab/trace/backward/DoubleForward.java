package org.convlab.trace.backward;

import java.util.List;
import org.convlab.engine.Shape;
import org.convlab.model.ActivationSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.FlattenSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.PoolSpec;
import org.convlab.model.SoftmaxSpec;
import org.convlab.nn.Network;
import org.convlab.nn.layers.Layer;

/**
 * An independent forward pass in DOUBLE precision, written from the definitions (not from the
 * engine's loops), for finite differences: conv (stride, padding, dilation, normalize), ReLU, max
 * and average pooling (PyTorch: padding never wins a max; an average divides by the window clipped
 * to the padded input), flatten, dense, and softmax cross-entropy of the logits. Parameters are
 * passed in as doubles so a test can nudge one.
 */
final class DoubleForward {
    private DoubleForward() {}

    /** The loss -ln softmax(logits)[label] of {@code x} through {@code net}'s top-level layers, with {@code params[i]} per layer. */
    static double loss(Network net, double[][][] params, double[] x, int label) {
        double[] a = x;
        Shape in = net.inputShape();
        List<Layer> layers = net.layers();
        for (int li = 0; li < layers.size(); li++) {
            Layer l = layers.get(li);
            LayerSpec s = l.spec();
            Shape out = l.outputShape();
            if (s instanceof ConvSpec c) {
                int[] pad = c.resolvedPadding();
                int divisor = c.normalize() ? in.channels() * c.kernelHeight() * c.kernelWidth() : 1;
                a = conv(a, in, out, params[li][0], c.bias() ? params[li][1] : null, c.kernelHeight(), c.kernelWidth(),
                        c.stride(), pad[0], pad[1], c.dilation(), divisor);
            } else if (s instanceof ActivationSpec act) {
                if (act.kind() != ActivationSpec.Kind.RELU) {
                    throw new IllegalArgumentException("only relu here");
                }
                double[] y = new double[a.length];
                for (int i = 0; i < a.length; i++) {
                    y[i] = Math.max(0, a[i]);
                }
                a = y;
            } else if (s instanceof PoolSpec p) {
                int[] pad = p.resolvedPadding();
                a = pool(a, in, out, p.kind() == PoolSpec.Kind.MAX, p.windowHeight(), p.windowWidth(), p.stride(), pad[0], pad[1]);
            } else if (s instanceof DenseSpec d) {
                int units = out.size();
                int n = in.size();
                double[] y = new double[units];
                for (int o = 0; o < units; o++) {
                    double sum = d.bias() ? params[li][1][o] : 0;
                    for (int j = 0; j < n; j++) {
                        sum += params[li][0][o * n + j] * a[j];
                    }
                    y[o] = sum;
                }
                a = y;
            } else if (!(s instanceof FlattenSpec) && !(s instanceof SoftmaxSpec)) {
                throw new IllegalArgumentException("not covered: " + s.type());
            }
            in = out;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : a) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum) - a[label];
    }

    static double[] conv(double[] x, Shape in, Shape out, double[] w, double[] b, int kh, int kw, int stride,
                         int padH, int padW, int dilation, int divisor) {
        int channels = in.channels(), height = in.height(), width = in.width();
        double[] y = new double[out.size()];
        for (int f = 0; f < out.channels(); f++) {
            for (int oh = 0; oh < out.height(); oh++) {
                for (int ow = 0; ow < out.width(); ow++) {
                    double sum = 0;
                    for (int c = 0; c < channels; c++) {
                        for (int i = 0; i < kh; i++) {
                            for (int j = 0; j < kw; j++) {
                                int r = oh * stride + i * dilation - padH;
                                int col = ow * stride + j * dilation - padW;
                                double pixel = r < 0 || r >= height || col < 0 || col >= width ? 0
                                        : x[(c * height + r) * width + col];
                                sum += pixel * w[((f * channels + c) * kh + i) * kw + j];
                            }
                        }
                    }
                    y[(f * out.height() + oh) * out.width() + ow] = sum / divisor + (b == null ? 0 : b[f]);
                }
            }
        }
        return y;
    }

    static double[] pool(double[] x, Shape in, Shape out, boolean max, int wh, int ww, int stride, int padH, int padW) {
        int height = in.height(), width = in.width();
        double[] y = new double[out.size()];
        for (int c = 0; c < out.channels(); c++) {
            for (int oh = 0; oh < out.height(); oh++) {
                for (int ow = 0; ow < out.width(); ow++) {
                    int top = oh * stride - padH, left = ow * stride - padW;
                    double best = Double.NEGATIVE_INFINITY, sum = 0;
                    for (int r = top; r < top + wh; r++) {
                        for (int col = left; col < left + ww; col++) {
                            if (r >= 0 && r < height && col >= 0 && col < width) {
                                double v = x[(c * height + r) * width + col];
                                best = Math.max(best, v);
                                sum += v;
                            }
                        }
                    }
                    int area = (Math.min(top + wh, height + padH) - top) * (Math.min(left + ww, width + padW) - left);
                    y[(c * out.height() + oh) * out.width() + ow] = max ? best : sum / area;
                }
            }
        }
        return y;
    }
}
