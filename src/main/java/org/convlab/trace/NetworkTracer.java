package org.convlab.trace;

import java.util.List;
import org.convlab.UserInputException;
import org.convlab.engine.ConvGeometry;
import org.convlab.engine.PoolGeometry;
import org.convlab.engine.Shape;
import org.convlab.model.ActivationSpec;
import org.convlab.model.FlattenSpec;
import org.convlab.nn.Network;
import org.convlab.nn.layers.ConvLayer;
import org.convlab.nn.layers.DenseLayer;
import org.convlab.nn.layers.Layer;
import org.convlab.nn.layers.PoolLayer;

/**
 * Builds the step records of a network's top-level layers for one input snapshot: a
 * {@link ConvTrace} for a conv layer, a {@link PoolTrace} for a pooling layer, an
 * {@link ActivationStep} for an activation and a {@link VoteLedger} for a dense layer. Asking for
 * the wrong kind of layer, or a filter or channel it does not have, is a {@link UserInputException}
 * that names the layer (the {@code render} command turns it into exit code 2).
 */
public final class NetworkTracer {
    private final Network net;

    public NetworkTracer(Network net) {
        this.net = net;
    }

    public Network network() {
        return net;
    }

    /** Runs the network on x and copies every activation. */
    public ActivationSnapshot snapshot(float[] x) {
        return ActivationSnapshot.capture(net, x);
    }

    /** The step-through of filter {@code filter} of conv layer {@code layer} on the snapshot's input to it. */
    public ConvTrace conv(ActivationSnapshot s, int layer, int filter) {
        ConvLayer conv = layerOf(layer, ConvLayer.class, "conv");
        ConvGeometry g = conv.geometry();
        checkIndex(layer, "filter", filter, g.outChannels());
        float[] b = conv.bias() == null ? null : conv.bias().value();
        return new ConvTrace(g, s.inputOf(layer).data(), conv.weight().value(), b, filter);
    }

    /** The step-through of channel {@code channel} of pooling layer {@code layer}. */
    public PoolTrace pool(ActivationSnapshot s, int layer, int channel) {
        PoolLayer pool = layerOf(layer, PoolLayer.class, "pooling");
        PoolGeometry g = pool.geometry();
        checkIndex(layer, "channel", channel, g.channels());
        return new PoolTrace(g, s.inputOf(layer).data(), channel, pool.isMax());
    }

    /** The activation of layer {@code layer} applied to its input (every channel). */
    public ActivationStep activation(ActivationSnapshot s, int layer) {
        Layer l = layer(layer);
        if (!(l.spec() instanceof ActivationSpec a)) {
            throw LayerLookup.wrongType(layer, l, "activation (relu, leakyrelu, sigmoid, tanh)");
        }
        return ActivationStep.of(l.inputShape(), a.kind(), a.slope(), s.inputOf(layer).data());
    }

    /** The vote ledger of dense layer {@code layer}, inputs located in the map before any flatten. */
    public VoteLedger votes(ActivationSnapshot s, int layer) {
        DenseLayer dense = layerOf(layer, DenseLayer.class, "dense");
        Shape in = dense.inputShape();
        if (layer > 0 && layer(layer - 1).spec() instanceof FlattenSpec) {
            in = layer(layer - 1).inputShape();
        }
        float[] b = dense.bias() == null ? null : dense.bias().value();
        boolean last = isLastBeforeSoftmax(layer);
        List<String> labels = last ? net.spec().classes() : List.of();
        return VoteLedger.of(in, s.inputOf(layer).data(), dense.weight().value(), b, dense.outputShape().size(), labels);
    }

    /** Whether layer {@code layer} feeds the network's output (directly or through a softmax). */
    private boolean isLastBeforeSoftmax(int layer) {
        int n = net.layers().size();
        return layer == n - 1 || (layer == n - 2 && "softmax".equals(net.layers().get(n - 1).type()));
    }

    /** Index of the first top-level layer of this class at or after {@code from}, or -1. */
    public int find(Class<? extends Layer> kind, int from) {
        List<Layer> layers = net.layers();
        for (int i = Math.max(from, 0); i < layers.size(); i++) {
            if (kind.isInstance(layers.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the first top-level activation layer at or after {@code from}, or -1. */
    public int findActivation(int from) {
        List<Layer> layers = net.layers();
        for (int i = Math.max(from, 0); i < layers.size(); i++) {
            if (layers.get(i).spec() instanceof ActivationSpec) {
                return i;
            }
        }
        return -1;
    }

    private Layer layer(int index) {
        return LayerLookup.layer(net.layers(), index);
    }

    private <T extends Layer> T layerOf(int index, Class<T> kind, String what) {
        return LayerLookup.layerOf(net.layers(), index, kind, what);
    }

    private void checkIndex(int layer, String what, int value, int count) {
        if (value < 0 || value >= count) {
            throw new UserInputException("layer " + layer + " (" + net.layers().get(layer).name() + ") has " + count
                    + " " + what + "s (0.." + (count - 1) + "), not " + value);
        }
    }
}
