package org.convlab.nn.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.convlab.engine.Init;
import org.convlab.engine.Shape;
import org.convlab.model.ActivationSpec;
import org.convlab.model.BatchNormSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.ConvTransposeSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.DropoutSpec;
import org.convlab.model.FlattenSpec;
import org.convlab.model.GlobalAvgPoolSpec;
import org.convlab.model.InceptionSpec;
import org.convlab.model.LayerInfo;
import org.convlab.model.LayerSpec;
import org.convlab.model.LrnSpec;
import org.convlab.model.ParamData;
import org.convlab.model.PoolSpec;
import org.convlab.model.ResidualSpec;
import org.convlab.model.SoftmaxSpec;
import org.convlab.model.UpsampleSpec;
import org.convlab.nn.Parameter;

/**
 * Builds layer objects from shape-inferred specs. Inline tensors are loaded as they are (PyTorch
 * layouts); weights without inline values are initialised from one seeded generator walked in
 * layer order: He (Kaiming normal) for conv and dense layers feeding a ReLU-like layer, Xavier
 * (Glorot) for those feeding sigmoid, tanh, softmax or nothing (the output layer); biases start
 * at zero, batch norm at gamma 1, beta 0, running mean 0, running variance 1.
 */
public final class LayerFactory {
    private final Context ctx;
    private final SplittableRandom rng;
    private int nextId;
    private final List<String> initialised = new ArrayList<>();

    public LayerFactory(Context ctx, long seed) {
        this.ctx = ctx;
        this.rng = new SplittableRandom(seed);
    }

    /** Names of the weights that had no inline values and were initialised from the seed. */
    public List<String> initialised() {
        return List.copyOf(initialised);
    }

    /** The layers of {@code infos} (one sequence) on an input of shape {@code in}. */
    public Sequence sequence(List<LayerInfo> infos, Shape in) {
        List<Layer> layers = new ArrayList<>(infos.size());
        for (int i = 0; i < infos.size(); i++) {
            LayerSpec next = i + 1 < infos.size() ? infos.get(i + 1).spec() : null;
            layers.add(layer(infos.get(i), next));
        }
        return new Sequence(layers, in);
    }

    private Layer layer(LayerInfo info, LayerSpec next) {
        LayerSpec spec = info.spec();
        Shape in = info.input();
        Shape out = info.output();
        int id = nextId++;
        if (spec instanceof ConvSpec c) {
            ConvLayer l = new ConvLayer(c, in, out, ctx);
            int fanIn = in.channels() * c.kernelHeight() * c.kernelWidth();
            int fanOut = c.filters() * c.kernelHeight() * c.kernelWidth();
            fill(l.weight(), c.weight(), fanIn, fanOut, next);
            fill(l.bias(), c.biasData());
            return l;
        }
        if (spec instanceof DenseSpec d) {
            DenseLayer l = new DenseLayer(d, in, out, ctx);
            fill(l.weight(), d.weight(), in.size(), d.units(), next);
            fill(l.bias(), d.biasData());
            return l;
        }
        if (spec instanceof PoolSpec p) {
            return new PoolLayer(p, in, out, ctx);
        }
        if (spec instanceof ConvTransposeSpec t) {
            ConvTransposeLayer l = new ConvTransposeLayer(t, in, out, ctx);
            int fanIn = in.channels() * t.kernelHeight() * t.kernelWidth();
            int fanOut = t.filters() * t.kernelHeight() * t.kernelWidth();
            fill(l.weight(), t.weight(), fanIn, fanOut, next);
            fill(l.bias(), t.biasData());
            return l;
        }
        if (spec instanceof UpsampleSpec u) {
            return new UpsampleLayer(u, in, out, ctx);
        }
        if (spec instanceof GlobalAvgPoolSpec g) {
            return new GlobalAvgPoolLayer(g, in, out, ctx);
        }
        if (spec instanceof ActivationSpec a) {
            return new ActivationLayer(a, in, ctx);
        }
        if (spec instanceof SoftmaxSpec s) {
            return new SoftmaxLayer(s, in, ctx);
        }
        if (spec instanceof FlattenSpec f) {
            return new FlattenLayer(f, in, out, ctx);
        }
        if (spec instanceof DropoutSpec d) {
            return new DropoutLayer(d, in, ctx, id);
        }
        if (spec instanceof LrnSpec l) {
            return new LrnLayer(l, in, ctx);
        }
        if (spec instanceof BatchNormSpec b) {
            BatchNormLayer l = new BatchNormLayer(b, in, ctx);
            fill(l.gamma(), b.gamma());
            fill(l.beta(), b.beta());
            fill(l.runningMean(), b.runningMean());
            fill(l.runningVar(), b.runningVar());
            return l;
        }
        if (spec instanceof InceptionSpec inc) {
            List<Sequence> branches = new ArrayList<>();
            for (List<LayerInfo> b : info.branches()) {
                branches.add(sequence(b, in));
            }
            return new InceptionBlock(inc, in, out, ctx, branches);
        }
        if (spec instanceof ResidualSpec r) {
            Sequence branch = sequence(info.branches().get(0), in);
            Sequence skip = sequence(info.branches().size() > 1 ? info.branches().get(1) : List.of(), in);
            return new ResidualBlock(r, in, out, ctx, branch, skip);
        }
        throw new IllegalArgumentException("no layer class for " + spec.type());
    }

    private void fill(Parameter weight, ParamData inline, int fanIn, int fanOut, LayerSpec next) {
        SplittableRandom layerRng = rng.split(); // split even when inline, so later layers do not shift
        if (inline != null) {
            inline.copyTo(weight.value()); // no transient copy: a VGG-16 fc6 is 411 MB
            return;
        }
        initialised.add(weight.name());
        boolean reluLike = next instanceof ActivationSpec a
                && (a.kind() == ActivationSpec.Kind.RELU || a.kind() == ActivationSpec.Kind.LEAKY_RELU)
                || next instanceof BatchNormSpec || next instanceof PoolSpec || next instanceof DropoutSpec;
        if (reluLike) {
            Init.he(weight.value(), fanIn, layerRng);
        } else {
            Init.xavier(weight.value(), fanIn, fanOut, layerRng);
        }
    }

    private static void fill(Parameter p, ParamData inline) {
        if (p != null && inline != null) {
            inline.copyTo(p.value());
        }
    }
}
