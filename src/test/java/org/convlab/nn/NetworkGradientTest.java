package org.convlab.nn;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.convlab.engine.Shape;
import org.convlab.model.ActivationSpec;
import org.convlab.model.BatchNormSpec;
import org.convlab.model.LrnSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.DropoutSpec;
import org.convlab.model.FlattenSpec;
import org.convlab.model.GlobalAvgPoolSpec;
import org.convlab.model.InceptionSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Padding;
import org.convlab.model.PoolSpec;
import org.convlab.model.ResidualSpec;
import org.convlab.model.SoftmaxSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Finite-difference checks of whole networks at odd sizes (batch 3, channels not a multiple of
 * 16, stride 2 with padding, dilation 2, non-square kernels, ceil pools), with the fast and the
 * reference kernels, for both losses: every parameter and the input.
 */
class NetworkGradientTest {
    static ConvSpec conv(int filters, int kh, int kw, int stride, Padding pad, int dilation, boolean bias) {
        return new ConvSpec(null, filters, kh, kw, stride, pad, dilation, bias, false, null, null);
    }

    /** Plain layers: conv (strided, dilated, non-square), activations, pools with ceil, dropout, dense, softmax. */
    static NetworkSpec plainNet() {
        List<LayerSpec> layers = List.of(
                conv(5, 3, 2, 2, Padding.of(1, 2), 1, true),
                ActivationSpec.leakyRelu(),
                conv(4, 3, 3, 1, Padding.of(2), 2, false),
                ActivationSpec.tanh(),
                new PoolSpec(null, PoolSpec.Kind.AVG, 3, 3, 2, Padding.of(1), true),
                new PoolSpec(null, PoolSpec.Kind.MAX, 2, 2, 1, Padding.VALID, true),
                new FlattenSpec(null),
                DropoutSpec.of(0.3),
                DenseSpec.of(6),
                ActivationSpec.sigmoid(),
                DenseSpec.of(4),
                new SoftmaxSpec(null));
        return new NetworkSpec(Shape.of(3, 7, 9), List.of(), layers);
    }

    /** Composite blocks: inception (three branches), residual with identity and with a strided projection. */
    static NetworkSpec blockNet() {
        InceptionSpec inception = new InceptionSpec("inc", List.of(
                List.of(conv(3, 1, 1, 1, Padding.VALID, 1, true)),
                List.of(conv(2, 3, 3, 1, Padding.of(1), 1, true), ActivationSpec.leakyRelu()),
                List.of(new PoolSpec(null, PoolSpec.Kind.MAX, 3, 3, 1, Padding.of(1), false),
                        conv(2, 1, 1, 1, Padding.VALID, 1, true))));
        ResidualSpec identity = new ResidualSpec("res1", List.of(
                conv(7, 3, 3, 1, Padding.of(1), 1, true), ActivationSpec.tanh(),
                conv(7, 3, 3, 1, Padding.of(1), 1, true)), false);
        ResidualSpec projected = new ResidualSpec("res2", List.of(
                conv(5, 3, 3, 2, Padding.of(1), 1, true), ActivationSpec.leakyRelu()), true);
        List<LayerSpec> layers = List.of(inception, identity, ActivationSpec.leakyRelu(), projected,
                new GlobalAvgPoolSpec(null), DenseSpec.of(3));
        return new NetworkSpec(Shape.of(2, 7, 5), List.of(), layers);
    }

    /** A conv whose kernel covers its whole input (LeNet's conv3), which the fast path runs as a dense layer. */
    static NetworkSpec wholeInputConvNet() {
        return new NetworkSpec(Shape.of(3, 4, 5), List.of(), List.of(
                conv(6, 4, 5, 1, Padding.VALID, 1, true), ActivationSpec.tanh(),
                conv(4, 1, 1, 1, Padding.VALID, 1, false), new FlattenSpec(null), DenseSpec.of(3)));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void wholeInputConvCrossEntropy(boolean reference) {
        checkAll(wholeInputConvNet(), reference, true, 15);
    }

    /** Batch norm (training statistics, on maps and on a flat vector), LRN, a residual whose projection has batch norm. */
    static NetworkSpec normNet() {
        ResidualSpec projected = new ResidualSpec("res", List.of(
                conv(5, 3, 3, 2, Padding.of(1), 1, false), BatchNormSpec.standard(), ActivationSpec.leakyRelu()), true);
        return new NetworkSpec(Shape.of(3, 6, 7), List.of(), List.of(
                conv(6, 3, 3, 1, Padding.of(1), 1, true), BatchNormSpec.standard(), ActivationSpec.tanh(),
                new LrnSpec(null, 3, 0.1, 0.75, 2.0), projected, new FlattenSpec(null), DenseSpec.of(9),
                BatchNormSpec.standard(), DropoutSpec.of(0.2), ActivationSpec.sigmoid(), DenseSpec.of(4)));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void normNetCrossEntropy(boolean reference) {
        checkAll(normNet(), reference, true, 16);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void normNetMeanSquared(boolean reference) {
        checkAll(normNet(), reference, false, 17);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void plainNetCrossEntropy(boolean reference) {
        checkAll(plainNet(), reference, true, 11);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void plainNetMeanSquared(boolean reference) {
        checkAll(plainNet(), reference, false, 12);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void blockNetCrossEntropy(boolean reference) {
        checkAll(blockNet(), reference, true, 13);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void blockNetMeanSquared(boolean reference) {
        checkAll(blockNet(), reference, false, 14);
    }

    /** Builds the net, runs one backward and compares every parameter and the input with finite differences. */
    static void checkAll(NetworkSpec spec, boolean reference, boolean crossEntropy, long seed) {
        int batch = 3;
        Network net = Network.build(spec, seed);
        net.setReference(reference);
        net.setInputGradient(true);
        SplittableRandom rng = new SplittableRandom(seed * 31);
        // biases start at 0, which puts outputs of all-padding windows exactly on ReLU's kink,
        // where a finite difference is meaningless: move them off it
        for (Parameter p : net.parameters()) {
            if (p.name().endsWith(".bias")) {
                for (int i = 0; i < p.size(); i++) {
                    p.value()[i] += (float) (0.2 * rng.nextGaussian());
                }
            }
        }
        float[] x = new float[batch * spec.input().size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        int classes = net.classes();
        int[] labels = new int[batch];
        float[] target = new float[batch * classes];
        for (int n = 0; n < batch; n++) {
            labels[n] = rng.nextInt(classes);
        }
        for (int i = 0; i < target.length; i++) {
            target[i] = (float) rng.nextDouble();
        }
        DoubleSupplier loss = () -> {
            net.setDropoutSeed(99); // the same dropout mask on every evaluation
            net.forward(x, batch, true);
            return crossEntropy ? net.backwardCrossEntropy(labels) : net.backwardMeanSquared(target);
        };
        loss.getAsDouble();
        for (Parameter p : net.parameters()) {
            float[] analytic = p.grad().clone();
            GradientCheck.check(p.name(), p.value(), analytic, loss, 12, seed + p.name().hashCode());
        }
        loss.getAsDouble();
        float[] dX = net.inputGradient().clone();
        GradientCheck.check("input", x, dX, loss, 20, seed);
    }
}
