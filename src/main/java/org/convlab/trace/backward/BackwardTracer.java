package org.convlab.trace.backward;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.convlab.UserInputException;
import org.convlab.engine.ActivationsReference;
import org.convlab.engine.AvgPoolReference;
import org.convlab.engine.Conv2dReference;
import org.convlab.engine.ConvGeometry;
import org.convlab.engine.DenseReference;
import org.convlab.engine.LossesReference;
import org.convlab.engine.MaxPoolReference;
import org.convlab.engine.PoolGeometry;
import org.convlab.model.ActivationSpec;
import org.convlab.nn.Network;
import org.convlab.nn.layers.ConvLayer;
import org.convlab.nn.layers.DenseLayer;
import org.convlab.model.FlattenSpec;
import org.convlab.nn.layers.Layer;
import org.convlab.trace.LayerLookup;
import org.convlab.nn.layers.PoolLayer;

/**
 * The backward step-through of one image and label. {@link #run} sends the image forward and the
 * softmax cross-entropy backward through the network ON THE SCALAR REFERENCE LOOPS (switched on for
 * the run, then put back), copies every top-level layer's forward input and upstream gradient
 * dL/d(output), and leaves the network's parameter gradients as that backward wrote them. Each
 * method then re-runs ONE value of the engine's reference backward with a listener
 * ({@code Conv2dReference.weightGradAt} and friends, the same methods the engine's backward calls),
 * so a trace's {@code value} equals the network's gradient bit for bit.
 *
 * <p>Layers are the network's top-level layers by index (as {@code NetworkTracer}); layers inside
 * residual or inception blocks are not traced. A wrong layer kind or an index out of range is a
 * {@link UserInputException} naming what exists. Immutable after {@link #run}; not tied to the
 * network afterwards except for the weights, which are copied.
 */
public final class BackwardTracer {
    private final Network net;
    private final int label;
    private final float loss;
    private final float[][] inputs;
    private final float[][] upstream;
    private final float[] probabilities;
    private final float[] inputGradient;
    private final List<Layer> layers;

    private BackwardTracer(Network net, int label, float loss, float[][] inputs, float[][] upstream,
                           float[] probabilities, float[] inputGradient) {
        this.net = net;
        this.label = label;
        this.loss = loss;
        this.inputs = inputs;
        this.upstream = upstream;
        this.probabilities = probabilities;
        this.inputGradient = inputGradient;
        this.layers = net.layers();
    }

    /**
     * Runs {@code x} (one sample, C x H x W) forward in inference mode and the loss against
     * {@code label} backward on the reference loops, and keeps what the traces need. Leaves the
     * network's input gradient switched on and its parameter gradients filled.
     */
    public static BackwardTracer run(Network net, float[] x, int label) {
        int size = net.inputShape().size();
        if (x.length < size) {
            throw new IllegalArgumentException("input holds " + x.length + " values, the network takes " + size);
        }
        float[] sample = Arrays.copyOf(x, size);
        boolean wasReference = net.isReference();
        net.setReference(true);
        try {
            net.setInputGradient(true);
            net.forward(sample, 1, false);
            float loss = net.backwardCrossEntropy(new int[] {label});
            List<Layer> layers = net.layers();
            float[][] inputs = new float[layers.size()][];
            float[][] upstream = new float[layers.size()][];
            for (int i = 0; i < layers.size(); i++) {
                inputs[i] = i == 0 ? sample : Arrays.copyOf(layers.get(i - 1).output(), layers.get(i).inputShape().size());
                upstream[i] = Arrays.copyOf(net.outputGradient(i), layers.get(i).outputShape().size());
            }
            float[] probs = Arrays.copyOf(net.probabilities(), net.classes());
            float[] dX = Arrays.copyOf(net.inputGradient(), size);
            return new BackwardTracer(net, label, loss, inputs, upstream, probs, dX);
        } finally {
            net.setReference(wasReference);
        }
    }

    public Network network() {
        return net;
    }

    public int label() {
        return label;
    }

    /** The mean loss the engine returned (one image: -ln p[label]). */
    public float lossValue() {
        return loss;
    }

    /** The gradient of the network's input, C x H x W (a copy): what {@code input[c][h][w]} traces sum to. */
    public float[] inputGradient() {
        return inputGradient.clone();
    }

    /** What top-level layer {@code layer} received in the forward pass (a copy). */
    public float[] layerInput(int layer) {
        return inputs[check(layer)].clone();
    }

    /** dL/d(output of top-level layer {@code layer}) (a copy; zeros for a trailing softmax, which the fused loss skips). */
    public float[] upstream(int layer) {
        return upstream[check(layer)].clone();
    }

    /** Index of the top-level layer with this name, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The loss and dL/dlogit = p - y per class. */
    public LossGradient loss() {
        float[] grad = new float[probabilities.length];
        for (int k = 0; k < grad.length; k++) {
            grad[k] = LossesReference.logitGradAt(probabilities[k], k == label, 1);
        }
        return new LossGradient(net.spec().classes(), label, probabilities, grad, loss);
    }

    /** dL/dw[f][c][i][j] of conv layer {@code layer}: every window position where the weight touched the input. */
    public GradientTrace convWeight(int layer, int f, int c, int i, int j) {
        ConvLayer conv = layerOf(layer, ConvLayer.class, "conv");
        ConvGeometry g = conv.geometry();
        int[] shape = {g.outChannels(), g.inChannels(), g.kernelHeight(), g.kernelWidth()};
        checkIndex(conv.name(), "w", shape, f, c, i, j);
        TermRecorder r = convOutputs(g, flat -> TermRecorder.coordinates(flat, g.inChannels(), g.inHeight(), g.inWidth()));
        float value = Conv2dReference.weightGradAt(upstream[layer], inputs[layer], g, f, c, i, j, r);
        return r.trace(conv.name() + ":w" + brackets(f, c, i, j), GradientTrace.Kind.WEIGHT, g.divisor(), value);
    }

    /** dL/db[f] of conv layer {@code layer}: the sum of the upstream gradient over the filter's map. */
    public GradientTrace convBias(int layer, int f) {
        ConvLayer conv = layerOf(layer, ConvLayer.class, "conv");
        if (conv.bias() == null) {
            throw new UserInputException(conv.name() + " has no bias");
        }
        ConvGeometry g = conv.geometry();
        checkIndex(conv.name(), "b", new int[] {g.outChannels()}, f);
        TermRecorder r = convOutputs(g, flat -> new int[0]);
        float value = Conv2dReference.biasGradAt(upstream[layer], g, f, r);
        return r.trace(conv.name() + ":b" + brackets(f), GradientTrace.Kind.BIAS, 1, value);
    }

    /** dL/dx[c][h][w] of conv layer {@code layer}'s input: the full convolution with the flipped filter. */
    public GradientTrace convInput(int layer, int c, int h, int w) {
        ConvLayer conv = layerOf(layer, ConvLayer.class, "conv");
        ConvGeometry g = conv.geometry();
        checkIndex(conv.name() + " input", "x", new int[] {g.inChannels(), g.inHeight(), g.inWidth()}, c, h, w);
        int[] wShape = {g.outChannels(), g.inChannels(), g.kernelHeight(), g.kernelWidth()};
        TermRecorder r = convOutputs(g, flat -> TermRecorder.coordinates(flat, wShape));
        float value = Conv2dReference.inputGradAt(upstream[layer], conv.weight().value(), g, 0, c, h, w, r);
        return r.trace(conv.name() + ":x" + brackets(c, h, w), GradientTrace.Kind.INPUT, g.divisor(), value);
    }

    /** dL/dw[o][j] of dense layer {@code layer}: x[j] * dL/dy[o]. */
    public GradientTrace denseWeight(int layer, int o, int j) {
        DenseLayer dense = layerOf(layer, DenseLayer.class, "dense");
        int in = dense.inputShape().size(), out = dense.outputShape().size();
        checkIndex(dense.name(), "w", new int[] {out, in}, o, j);
        TermRecorder r = new TermRecorder(flat -> new int[] {flat}, flat -> new int[] {flat});
        float value = DenseReference.weightGradAt(upstream[layer], inputs[layer], 1, in, out, o, j, r);
        return r.trace(dense.name() + ":w" + brackets(o, j), GradientTrace.Kind.WEIGHT, 1, value);
    }

    /** dL/db[o] of dense layer {@code layer}: dL/dy[o]. */
    public GradientTrace denseBias(int layer, int o) {
        DenseLayer dense = layerOf(layer, DenseLayer.class, "dense");
        if (dense.bias() == null) {
            throw new UserInputException(dense.name() + " has no bias");
        }
        int out = dense.outputShape().size();
        checkIndex(dense.name(), "b", new int[] {out}, o);
        TermRecorder r = new TermRecorder(flat -> new int[] {flat}, flat -> new int[0]);
        float value = DenseReference.biasGradAt(upstream[layer], 1, out, o, r);
        return r.trace(dense.name() + ":b" + brackets(o), GradientTrace.Kind.BIAS, 1, value);
    }

    /** dL/dx[j] of dense layer {@code layer}'s (flattened) input: sum over units o of w[o][j] * dL/dy[o]. */
    public GradientTrace denseInput(int layer, int j) {
        DenseLayer dense = layerOf(layer, DenseLayer.class, "dense");
        int in = dense.inputShape().size(), out = dense.outputShape().size();
        checkIndex(dense.name() + " input", "x", new int[] {in}, j);
        TermRecorder r = new TermRecorder(flat -> new int[] {flat}, flat -> TermRecorder.coordinates(flat, out, in));
        float value = DenseReference.inputGradAt(upstream[layer], dense.weight().value(), in, out, 0, j, r);
        return r.trace(dense.name() + ":x" + brackets(j), GradientTrace.Kind.INPUT, 1, value);
    }

    /** The whole dense layer's gradients as a ledger. */
    public DenseGradLedger dense(int layer) {
        DenseLayer dense = layerOf(layer, DenseLayer.class, "dense");
        int in = dense.inputShape().size(), out = dense.outputShape().size();
        float[] w = dense.weight().value();
        float[] dW = new float[out * in];
        float[] dB = new float[dense.bias() == null ? 0 : out];
        float[] dX = new float[in];
        for (int o = 0; o < out; o++) {
            if (dB.length > 0) {
                dB[o] = DenseReference.biasGradAt(upstream[layer], 1, out, o, null);
            }
            for (int j = 0; j < in; j++) {
                dW[o * in + j] = DenseReference.weightGradAt(upstream[layer], inputs[layer], 1, in, out, o, j, null);
            }
        }
        for (int j = 0; j < in; j++) {
            dX[j] = DenseReference.inputGradAt(upstream[layer], w, in, out, 0, j, null);
        }
        boolean feedsOutput = layer == layers.size() - 1
                || (layer == layers.size() - 2 && "softmax".equals(layers.get(layers.size() - 1).type()));
        List<String> names = feedsOutput ? net.spec().classes() : List.of();
        return new DenseGradLedger(out, in, names, inputs[layer], Arrays.copyOf(w, out * in), upstream[layer], dW, dB, dX);
    }

    /** Where each window of pooling layer {@code layer} sends its gradient. */
    public PoolRouting pool(int layer) {
        PoolLayer pool = layerOf(layer, PoolLayer.class, "pooling");
        PoolGeometry g = pool.geometry();
        float[] dY = upstream[layer];
        float[] x = inputs[layer];
        int outs = g.outSize();
        int[] winner = new int[pool.isMax() ? outs : 0];
        int[] divisor = new int[pool.isMax() ? 0 : outs];
        for (int o = 0; o < outs; o++) {
            int plane = o / g.outPlane();
            int oh = (o % g.outPlane()) / g.outWidth();
            int ow = o % g.outWidth();
            if (pool.isMax()) {
                winner[o] = MaxPoolReference.argmaxAt(x, g, plane, oh, ow);
            } else {
                divisor[o] = AvgPoolReference.divisor(g.windowTop(oh), g.windowLeft(ow), g);
            }
        }
        float[] dX = new float[g.inSize()];
        for (int cell = 0; cell < dX.length; cell++) {
            dX[cell] = pool.isMax() ? MaxPoolReference.inputGradAt(dY, winner, g, cell, null)
                    : AvgPoolReference.inputGradAt(dY, g, cell, null);
        }
        return new PoolRouting(pool.isMax(), g, x, dY, winner, divisor, dX);
    }

    /**
     * dL/dx[c][h][w] of pooling layer {@code layer}'s input, term by term: every window that sends
     * this cell something (max: the windows it won, forward 1; average: every window covering it,
     * forward 1/divisor and product dY/divisor as the engine divides). Divisor 1 (already inside).
     */
    public GradientTrace poolInput(int layer, int c, int h, int w) {
        PoolLayer pool = layerOf(layer, PoolLayer.class, "pooling");
        PoolGeometry g = pool.geometry();
        checkIndex(pool.name() + " input", "x", new int[] {g.channels(), g.inHeight(), g.inWidth()}, c, h, w);
        int cell = (c * g.inHeight() + h) * g.inWidth() + w;
        TermRecorder r = new TermRecorder(flat -> TermRecorder.coordinates(flat, g.channels(), g.outHeight(), g.outWidth()),
                flat -> TermRecorder.coordinates(flat, g.channels(), g.inHeight(), g.inWidth()));
        float value = pool.isMax() ? MaxPoolReference.inputGradAt(upstream[layer], pool(layer).winner(), g, cell, r)
                : AvgPoolReference.inputGradAt(upstream[layer], g, cell, r);
        return r.trace(pool.name() + ":x" + brackets(c, h, w), GradientTrace.Kind.INPUT, 1, value);
    }

    /** The gate of ReLU layer {@code layer}. */
    public ReluGate relu(int layer) {
        Layer l = layer(layer);
        if (!(l.spec() instanceof ActivationSpec a) || a.kind() != ActivationSpec.Kind.RELU) {
            throw LayerLookup.wrongType(layer, l, "relu");
        }
        float[] x = inputs[layer];
        float[] dY = upstream[layer];
        float[] passed = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            passed[i] = ActivationsReference.reluGradAt(dY[i], x[i]);
        }
        return new ReluGate(l.inputShape(), x, dY, passed);
    }

    /**
     * dL/d(network input)[c][h][w], traced through the first layer: a conv, or a dense layer (after
     * an optional flatten). Other first layers are refused.
     */
    public GradientTrace networkInput(int c, int h, int w) {
        org.convlab.engine.Shape s = net.inputShape();
        checkIndex("the input", "input", new int[] {s.channels(), s.height(), s.width()}, c, h, w);
        String target = "input" + brackets(c, h, w);
        GradientTrace t;
        if (layers.get(0) instanceof ConvLayer) {
            t = convInput(0, c, h, w);
        } else {
            int first = layers.get(0).spec() instanceof FlattenSpec && layers.size() > 1 ? 1 : 0;
            if (!(layers.get(first) instanceof DenseLayer)) {
                throw new UserInputException("input gradients are traced through a first conv or dense layer;"
                        + " this model starts with " + layers.get(0).name() + " (" + layers.get(0).type() + ")");
            }
            t = denseInput(first, (c * s.height() + h) * s.width() + w);
        }
        return new GradientTrace(target, t.kind(), t.terms(), t.sum(), t.divisor(), t.value());
    }

    /** Terms whose output index is into a conv's dY [1, F, OH, OW]. */
    private static TermRecorder convOutputs(ConvGeometry g, java.util.function.IntFunction<int[]> factorAt) {
        return new TermRecorder(flat -> TermRecorder.coordinates(flat, g.outChannels(), g.outHeight(), g.outWidth()),
                factorAt);
    }

    static String brackets(int... index) {
        StringBuilder b = new StringBuilder();
        for (int i : index) {
            b.append('[').append(i).append(']');
        }
        return b.toString();
    }

    /** "conv1 has w[3][1][3][3]: w[0][0][5][1] is out of range". */
    private static void checkIndex(String owner, String tensor, int[] shape, int... index) {
        if (index.length != shape.length) {
            throw new UserInputException(owner + " has " + tensor + brackets(shape) + ": give " + shape.length
                    + " indices, not " + index.length);
        }
        for (int d = 0; d < shape.length; d++) {
            if (index[d] < 0 || index[d] >= shape[d]) {
                throw new UserInputException(owner + " has " + tensor + brackets(shape) + ": " + tensor
                        + brackets(index) + " is out of range");
            }
        }
    }

    private int check(int layer) {
        layer(layer);
        return layer;
    }

    private Layer layer(int index) {
        return LayerLookup.layer(layers, index);
    }

    private <T extends Layer> T layerOf(int index, Class<T> kind, String what) {
        return LayerLookup.layerOf(layers, index, kind, what);
    }

    /** Names of the top-level layers with parameters that the traces cover (conv and dense). */
    public List<String> traceableLayers() {
        List<String> names = new ArrayList<>();
        for (Layer l : layers) {
            if (l instanceof ConvLayer || l instanceof DenseLayer) {
                names.add(l.name());
            }
        }
        return names;
    }
}
