package org.convlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convlab.UserInputException;
import org.convlab.engine.ConvGeometry;
import org.convlab.engine.PoolGeometry;
import org.convlab.model.ActivationSpec;
import org.convlab.nn.Network;
import org.convlab.nn.layers.ConvLayer;
import org.convlab.nn.layers.DenseLayer;
import org.convlab.nn.layers.Layer;
import org.convlab.nn.layers.PoolLayer;
import org.convlab.trace.backward.BackwardTracer;
import org.convlab.trace.backward.ReluGate;
import org.convlab.trace.learning.LearningStep;
import org.convlab.ui.stepper.ViewRenderer;
import org.convlab.ui.stepper.ViewRenderer.View;

/**
 * {@code render}'s Backward views (issue 15): checks their options against the network before any
 * drawing (the label, the layer of the view's kind, the channel, the conv weight and its step),
 * each refusal one line naming the option and what is valid, and says what the view is drawn for.
 */
final class RenderBackward {
    /**
     * Checked settings: the layer to draw (-1: the view's own choice), channel, step and the rest;
     * {@code labelLine} says which label the loss is taken against and why ("label X, the class the
     * input's folder is named for").
     */
    record Plan(int layer, int channel, int step, ViewRenderer.Backward backward, String labelLine) {}

    private final String model;
    private final Network net;
    private final View view;

    RenderBackward(String model, Network net, View view) {
        this.model = model;
        this.net = net;
        this.view = view;
    }

    /** The options a forward view does not take: each named if given there. */
    static void refuseBackwardOptions(View view, String label, String weight, Double lr, Integer steps) {
        if (label != null) {
            throw new UserInputException("--label is for the backward views (the loss is taken against it), not --view "
                    + view.option());
        }
        refuseUnless(view, weight != null, View.BACKWARD_CONV, "--weight");
        refuseUnless(view, lr != null, View.LEARNING_STEP, "--lr");
        refuseUnless(view, steps != null, View.LEARNING_STEP, "--steps");
    }

    private static void refuseUnless(View view, boolean given, View only, String option) {
        if (given && view != only) {
            throw new UserInputException(option + " is for --view " + only.option() + ", not --view " + view.option());
        }
    }

    /**
     * Checks everything against the network and input {@code x} and runs the backward pass once
     * (a network it cannot trace is refused here, in one line).
     */
    Plan check(Path input, float[] x, float[] probabilities, String labelText, Integer layer, int channel,
               boolean channelGiven, Integer filter, Integer step, String weightText, Double lr, Integer steps) {
        refuseBackwardOptions(view, null, weightText, lr, steps);
        if (filter != null) {
            throw new UserInputException("--filter is for --view conv and filters; backward-conv picks its weight with"
                    + " --weight F,C,R,K");
        }
        if (channelGiven && view != View.BACKWARD_POOL && view != View.BACKWARD_RELU && view != View.BACKWARD_DENSE) {
            throw new UserInputException("--channel is for backward-pool, backward-relu (the channel) and backward-dense"
                    + " (the unit), not --view " + view.option() + (view == View.BACKWARD_CONV ? "; backward-conv picks"
                    + " its weight with --weight F,C,R,K" : ""));
        }
        if (step != null && view != View.BACKWARD_POOL && view != View.BACKWARD_CONV) {
            throw new UserInputException("--step is for backward-pool (the window) and backward-conv (the windows summed"
                    + " so far), not --view " + view.option());
        }
        int folder = folderLabel(input);
        int label = labelText != null ? GradCommand.label(labelText, net) : folder >= 0 ? folder : predicted(probabilities);
        String labelLine = "the loss against label " + NetworkInput.className(net, label) + (labelText != null ? ""
                : folder >= 0 ? " (the class the input's folder is named for; --label picks another)"
                : " (the class the network predicts; --label picks another)");
        BackwardTracer tracer = BackwardTracer.run(net, x, label);
        List<Layer> layers = net.layers();
        if (layer != null && layer >= layers.size()) {
            throw new UserInputException("--layer must be between 0 and " + (layers.size() - 1) + " (" + model + " has "
                    + layers.size() + " layers), got " + layer);
        }
        int[] weight = null;
        int s = 0;
        int l;
        switch (view) {
            case BACKWARD_LOSS -> l = -1;
            case BACKWARD_DENSE -> {
                l = layerOf(layer, "dense", DenseLayer.class::isInstance, true);
                int units = layers.get(l).outputShape().size();
                if (channelGiven && channel >= units) {
                    throw new UserInputException("--channel " + channel + ": dense layer " + l + " (" + layers.get(l).name()
                            + ") has " + units + " units (0.." + (units - 1) + ")");
                }
                // the votes for the label by default: the one class whose dL/dlogit = p - 1 is negative
                boolean votes = units == net.classes() && l >= layers.size() - 2;
                channel = channelGiven ? channel : votes ? label : 0;
            }
            case BACKWARD_POOL -> {
                l = layerOf(layer, "pooling", PoolLayer.class::isInstance, false);
                PoolGeometry g = ((PoolLayer) layers.get(l)).geometry();
                checkChannel(channel, l, g.channels());
                int windows = g.outHeight() * g.outWidth();
                s = step == null ? 0 : step;
                if (s >= windows) {
                    throw new UserInputException("--step " + s + " is past the end: layer " + l + " (" + layers.get(l).name()
                            + ") has " + windows + " windows per channel (0.." + (windows - 1) + ", row by row)");
                }
            }
            case BACKWARD_RELU -> {
                l = layerOf(layer, "ReLU", RenderBackward::isRelu, false);
                ReluGate gate = tracer.relu(l);
                checkChannel(channel, l, gate.shape().channels());
            }
            case BACKWARD_CONV -> {
                l = layerOf(layer, "conv", ConvLayer.class::isInstance, false);
                ConvLayer conv = (ConvLayer) layers.get(l);
                ConvGeometry g = conv.geometry();
                int[] shape = {g.outChannels(), g.inChannels(), g.kernelHeight(), g.kernelWidth()};
                weight = weightText == null ? null : parseWeight(weightText, conv.name(), shape);
                int[] w = weight != null ? weight : new int[] {0, 0, g.kernelHeight() / 2, g.kernelWidth() / 2};
                int terms = tracer.convWeight(l, w[0], w[1], w[2], w[3]).terms().size();
                s = step == null ? terms : step; // by default the finished sum and its divisor
                if (s > terms) {
                    throw new UserInputException("--step " + s + " is past the end: w" + brackets(w) + " of " + conv.name()
                            + " touched the input in " + terms + " windows, so --step goes 0.." + terms + " (" + terms
                            + ": the whole sum" + (g.divisor() > 1 ? " / " + g.divisor() : "") + ")");
                }
            }
            case LEARNING_STEP -> l = layer == null ? -1 : learningLayer(layer);
            default -> throw new IllegalArgumentException(view + " is not a Backward view");
        }
        double rate = lr == null ? Double.NaN : lr;
        return new Plan(l, channel, s, new ViewRenderer.Backward(label, weight, rate, steps == null ? 1 : steps), labelLine);
    }

    /** The class the input's folder is named for (sample-images/xo/x/... is an X, as a training folder is read), or -1. */
    private int folderLabel(Path input) {
        Path parent = input.toAbsolutePath().getParent();
        List<String> classes = net.spec().classes();
        if (parent != null && parent.getFileName() != null) {
            String folder = parent.getFileName().toString();
            for (int k = 0; k < Math.min(classes.size(), net.classes()); k++) {
                if (classes.get(k).equalsIgnoreCase(folder)) {
                    return k;
                }
            }
        }
        return -1;
    }

    private static int predicted(float[] probabilities) {
        int best = 0;
        for (int k = 1; k < probabilities.length; k++) {
            best = probabilities[k] > probabilities[best] ? k : best;
        }
        return best;
    }

    static boolean isRelu(Layer l) {
        return l.spec() instanceof ActivationSpec a && a.kind() == ActivationSpec.Kind.RELU;
    }

    /** {@code layer} if it is of the kind, else the first (or last) such layer; one line when it is not, or none exists. */
    private int layerOf(Integer layer, String kind, java.util.function.Predicate<Layer> is, boolean last) {
        List<Layer> layers = net.layers();
        List<String> fits = new ArrayList<>();
        int pick = -1;
        for (int i = 0; i < layers.size(); i++) {
            if (is.test(layers.get(i))) {
                fits.add(i + " (" + layers.get(i).name() + ")");
                pick = last || pick < 0 ? i : pick;
            }
        }
        if (fits.isEmpty()) {
            throw new UserInputException("--view " + view.option() + " needs a " + kind + " layer, and " + model
                    + " has none");
        }
        if (layer == null) {
            return pick;
        }
        Layer l = layers.get(layer);
        if (!is.test(l)) {
            throw new UserInputException("--layer " + layer + " (" + l.name() + ") is a " + l.type() + " layer, not a "
                    + kind + " layer: --view " + view.option() + " takes " + String.join(", ", fits));
        }
        return layer;
    }

    /** A top-level layer with weights for the learning step. */
    private int learningLayer(int layer) {
        Layer l = net.layers().get(layer);
        List<String> trainable = LearningStep.trainableLayers(net);
        if (!trainable.contains(l.name())) {
            List<String> fits = new ArrayList<>();
            for (int i = 0; i < net.layers().size(); i++) {
                if (trainable.contains(net.layers().get(i).name())) {
                    fits.add(i + " (" + net.layers().get(i).name() + ")");
                }
            }
            throw new UserInputException("--layer " + layer + " (" + l.name() + ") has no weights to learn: --view "
                    + "learning-step takes " + (fits.isEmpty() ? "none of " + model + "'s layers" : String.join(", ", fits)));
        }
        return layer;
    }

    private static void checkChannel(int channel, int layer, int channels) {
        if (channel >= channels) {
            throw new UserInputException("--channel " + channel + ": layer " + layer + " has " + channels + " channels (0.."
                    + (channels - 1) + ")");
        }
    }

    /** "F,C,R,K" (form checked by {@link OptionRanges.WeightIndex}) inside {@code shape}, else one line with the ranges. */
    static int[] parseWeight(String text, String conv, int[] shape) {
        String[] parts = text.split(",");
        int[] w = new int[4];
        boolean inside = true;
        for (int d = 0; d < 4; d++) {
            w[d] = Integer.parseInt(parts[d].trim());
            inside &= w[d] < shape[d];
        }
        if (!inside) {
            throw new UserInputException(String.format(Locale.ROOT, "--weight %s is outside %s's filters w%s: filter F"
                    + " 0..%d, channel C 0..%d, row R 0..%d, col K 0..%d", text, conv, brackets(shape), shape[0] - 1,
                    shape[1] - 1, shape[2] - 1, shape[3] - 1));
        }
        return w;
    }

    private static String brackets(int[] index) {
        StringBuilder b = new StringBuilder();
        for (int i : index) {
            b.append('[').append(i).append(']');
        }
        return b.toString();
    }
}
