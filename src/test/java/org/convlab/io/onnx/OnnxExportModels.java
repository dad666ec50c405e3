package org.convlab.io.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.convlab.engine.Shape;
import org.convlab.io.ModelFormats;
import org.convlab.model.ActivationSpec;
import org.convlab.model.BatchNormSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.DropoutSpec;
import org.convlab.model.FlattenSpec;
import org.convlab.model.GlobalAvgPoolSpec;
import org.convlab.model.InceptionSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.LrnSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Padding;
import org.convlab.model.ParamData;
import org.convlab.model.PoolSpec;
import org.convlab.model.ResidualSpec;
import org.convlab.model.SoftmaxSpec;

/**
 * Small networks for the export tests, with weights that look trained: He-initialised conv and
 * dense weights (from the seed), and non-zero biases and batch-norm statistics (mean, variance,
 * gamma, beta far from 0, 1, 1, 0) drawn from the same seed, so a mix-up of two tensors, a
 * missing epsilon or a bias added in the wrong place changes the logits.
 */
final class OnnxExportModels {
    private OnnxExportModels() {}

    static ConvSpec conv(int filters, int kernel, int stride, Padding padding) {
        return ConvSpec.of(filters, kernel, stride, padding);
    }

    static ConvSpec conv(int filters, int kh, int kw, int stride, Padding padding, int dilation, boolean bias, boolean normalize) {
        return new ConvSpec(null, filters, kh, kw, stride, padding, dilation, bias, normalize, null, null);
    }

    static ActivationSpec relu() {
        return ActivationSpec.relu();
    }

    static BatchNormSpec bn() {
        return BatchNormSpec.standard();
    }

    /** {@code spec} with every tensor inline: weights from {@code seed}, biases and batch norm drawn at random. */
    static NetworkSpec trained(NetworkSpec spec, long seed) {
        NetworkSpec full = ModelFormats.withAllWeights(spec, seed);
        SplittableRandom r = new SplittableRandom(seed * 31 + 7);
        return new NetworkSpec(full.input(), full.classes(), trained(full.layers(), r), full.preprocessing());
    }

    private static List<LayerSpec> trained(List<LayerSpec> layers, SplittableRandom r) {
        List<LayerSpec> out = new ArrayList<>();
        for (LayerSpec l : layers) {
            out.add(trained(l, r));
        }
        return out;
    }

    private static LayerSpec trained(LayerSpec l, SplittableRandom r) {
        if (l instanceof ConvSpec c && c.bias()) {
            return c.withWeights(c.weight(), around(c.filters(), 0, 0.2, r));
        } else if (l instanceof DenseSpec d && d.bias()) {
            return d.withWeights(d.weight(), around(d.units(), 0, 0.2, r));
        } else if (l instanceof BatchNormSpec b) {
            int c = b.gamma().size();
            ParamData var = ParamData.filledBy(new int[] {c}, v -> {
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (0.3 + 2 * r.nextDouble());
                }
            });
            return b.withTensors(around(c, 1, 0.4, r), around(c, 0, 0.5, r), around(c, 0, 0.7, r), var);
        } else if (l instanceof InceptionSpec i) {
            List<List<LayerSpec>> branches = new ArrayList<>();
            for (List<LayerSpec> b : i.branches()) {
                branches.add(trained(b, r));
            }
            return new InceptionSpec(i.name(), branches);
        } else if (l instanceof ResidualSpec res) {
            return new ResidualSpec(res.name(), trained(res.branch(), r), res.projection(),
                    res.skip() == null ? null : trained(res.skip(), r));
        }
        return l;
    }

    /** {@code n} values uniform in centre +- spread. */
    private static ParamData around(int n, double centre, double spread, SplittableRandom r) {
        return ParamData.filledBy(new int[] {n}, v -> {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (centre + spread * (2 * r.nextDouble() - 1));
            }
        });
    }

    /** conv, batch norm (2D and after dense), leaky relu, avgpool with ceil and padding, dropout, tanh. */
    static NetworkSpec batchNormNet() {
        return net(Shape.of(3, 13, 13), 5,
                conv(8, 3, 1, Padding.SAME), bn(), relu(),
                PoolSpec.max(2, 2).withCeil(true),
                conv(8, 3, 3, 2, Padding.of(1), 1, true, false), bn(), new ActivationSpec(null, ActivationSpec.Kind.LEAKY_RELU, 0.1),
                new PoolSpec(null, PoolSpec.Kind.AVG, 3, 3, 2, Padding.of(1), true),
                new FlattenSpec(null), DenseSpec.of(16), bn(), DropoutSpec.of(0.3), ActivationSpec.tanh(),
                DenseSpec.of(5));
    }

    /** LRN (AlexNet's and a stronger one), strided and dilated conv, sigmoid, global average pool, softmax. */
    static NetworkSpec lrnNet() {
        return net(Shape.of(3, 15, 15), 3,
                conv(6, 5, 5, 2, Padding.of(2), 1, true, false), relu(),
                new LrnSpec(null, 3, 0.5, 0.75, 1.5),
                new PoolSpec(null, PoolSpec.Kind.MAX, 3, 3, 2, Padding.VALID, true),
                conv(8, 3, 3, 1, Padding.of(2), 2, true, false), ActivationSpec.sigmoid(),
                LrnSpec.alexNet(),
                new GlobalAvgPoolSpec(null), DenseSpec.of(3), new SoftmaxSpec(null));
    }

    /** An inception block (1x1, 1x1 -> 3x3, maxpool -> 1x1), then dense, then a 1x1 conv on the flat vector. */
    static NetworkSpec inceptionNet() {
        InceptionSpec inc = new InceptionSpec("inc1", List.of(
                List.of(conv(4, 1, 1, Padding.VALID), relu()),
                List.of(conv(3, 1, 1, Padding.VALID), bn(), relu(), conv(5, 3, 1, Padding.SAME), relu()),
                List.of(new PoolSpec(null, PoolSpec.Kind.MAX, 3, 3, 1, Padding.of(1), false), conv(2, 1, 1, Padding.VALID))));
        return net(Shape.of(4, 10, 10), 4,
                conv(8, 3, 1, Padding.SAME), relu(), inc, relu(),
                new PoolSpec(null, PoolSpec.Kind.AVG, 2, 2, 2, Padding.VALID, false),
                DenseSpec.of(6), relu(), conv(4, 1, 1, Padding.VALID));
    }

    /** Residual blocks: identity skip, projection with batch norm, projection without. */
    static NetworkSpec residualNet() {
        ResidualSpec identity = new ResidualSpec("res1", List.of(conv(8, 3, 1, Padding.SAME), bn(), relu(),
                conv(8, 3, 1, Padding.SAME), bn()), false);
        ResidualSpec projected = new ResidualSpec("res2", List.of(conv(12, 3, 2, Padding.of(1)), bn(), relu(),
                conv(12, 3, 1, Padding.SAME), bn()), true);
        ResidualSpec plain = new ResidualSpec("res3", List.of(conv(6, 3, 2, Padding.of(1)), relu()), true);
        return net(Shape.of(3, 12, 12), 3,
                conv(8, 3, 1, Padding.SAME), bn(), relu(), identity, relu(), projected, relu(), plain, relu(),
                new GlobalAvgPoolSpec(null), new FlattenSpec(null), DenseSpec.of(3));
    }

    /** The X/O kind of conv: normalize with and without bias, a non-square kernel with [rows, cols] padding. */
    static NetworkSpec normalizeNet() {
        return net(Shape.of(2, 9, 9), 2,
                conv(3, 3, 3, 1, Padding.VALID, 1, true, true), relu(),
                conv(4, 3, 5, 1, Padding.of(1, 2), 1, false, true),
                new PoolSpec(null, PoolSpec.Kind.AVG, 2, 2, 2, Padding.VALID, true),
                new PoolSpec(null, PoolSpec.Kind.MAX, 3, 3, 2, Padding.of(1), true),
                new FlattenSpec(null), DenseSpec.of(2), new SoftmaxSpec(null));
    }

    /** A 1D model: input 2 x 1 x 41, kernels [1, k], padding [0, p], stride and dilation. */
    static NetworkSpec oneDimensionalNet() {
        return net(Shape.of(2, 1, 41), 4,
                conv(6, 1, 5, 2, Padding.of(0, 2), 1, true, false), relu(),
                conv(5, 1, 3, 1, Padding.VALID, 2, true, false), new ActivationSpec(null, ActivationSpec.Kind.LEAKY_RELU, 0.2),
                new FlattenSpec(null), DenseSpec.of(4));
    }

    /**
     * Blocks on flat vectors, where ONNX ranks differ (dense gives [N, K], conv [N, C, 1, 1]): a
     * residual of dense layers with the identity skip, an inception of a dense and a 1x1 conv
     * branch, then a global average pool and a softmax on the C x 1 x 1 map (axis 1, then flattened).
     */
    static NetworkSpec flatBlocksNet() {
        ResidualSpec res = new ResidualSpec("res1", List.of(DenseSpec.of(8), ActivationSpec.tanh(), DenseSpec.of(8)), false);
        InceptionSpec inc = new InceptionSpec("inc1", List.of(List.of(DenseSpec.of(3)),
                List.of(conv(4, 1, 1, Padding.VALID), relu())));
        return net(Shape.of(8, 1, 1), 7, res, inc, conv(7, 1, 1, Padding.VALID), new GlobalAvgPoolSpec(null),
                new SoftmaxSpec(null));
    }

    static NetworkSpec net(Shape input, int classes, LayerSpec... layers) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            names.add("c" + i);
        }
        return new NetworkSpec(input, names, List.of(layers));
    }
}
