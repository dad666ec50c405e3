package org.convlab.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.convlab.nn.Network;
import org.convlab.nn.layers.Layer;

/**
 * Every top-level layer's activations for one input, taken from a {@link Network} forward and
 * copied, so views can hold it (and background work can publish it) while the network moves on.
 * Immutable.
 */
public final class ActivationSnapshot {
    private final LayerOutput input;
    private final List<LayerOutput> layers;
    private final float[] probabilities;

    private ActivationSnapshot(LayerOutput input, List<LayerOutput> layers, float[] probabilities) {
        this.input = input;
        this.layers = List.copyOf(layers);
        this.probabilities = probabilities;
    }

    /** Runs {@code net} forward (inference mode) on one sample and copies every layer's output. */
    public static ActivationSnapshot capture(Network net, float[] x) {
        if (x.length < net.inputShape().size()) {
            throw new IllegalArgumentException("input holds " + x.length + " values, the network takes "
                    + net.inputShape().size());
        }
        float[] sample = Arrays.copyOf(x, net.inputShape().size());
        net.forward(sample, 1, false);
        List<LayerOutput> outs = new ArrayList<>();
        List<Layer> layers = net.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            outs.add(new LayerOutput(i, l.name(), l.type(), l.outputShape(), l.output()));
        }
        float[] probs = Arrays.copyOf(net.probabilities(), net.classes());
        return new ActivationSnapshot(new LayerOutput(-1, "input", "input", net.inputShape(), sample), outs, probs);
    }

    public LayerOutput input() {
        return input;
    }

    public int layerCount() {
        return layers.size();
    }

    public LayerOutput layer(int i) {
        return layers.get(i);
    }

    public List<LayerOutput> layers() {
        return layers;
    }

    /** What layer i received: the input for layer 0, else layer i-1's output. */
    public LayerOutput inputOf(int i) {
        return i == 0 ? input : layers.get(i - 1);
    }

    /** Class probabilities (softmax of the logits), a copy. */
    public float[] probabilities() {
        return probabilities.clone();
    }
}
