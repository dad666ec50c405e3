package org.convlab.ui.stepper;

import java.util.Arrays;
import java.util.List;
import java.util.ArrayList;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.convlab.model.ConvSpec;
import org.convlab.model.LayerSpec;
import org.convlab.nn.Network;
import org.convlab.nn.Parameter;
import org.convlab.nn.layers.ConvLayer;
import org.convlab.trace.ActivationSnapshot;
import org.convlab.trace.NetworkTracer;
import org.convlab.trace.ValueFormat;

/**
 * What every step-through view shares: the network, the current input and the snapshot of every
 * layer's activations for it. Flipping a pixel or loading another input takes a new snapshot at
 * once (one forward of a small net is well under a millisecond), and every view listening to
 * {@link #snapshotProperty()} redraws. A filter weight typed in goes into the network's own
 * weight and takes a new snapshot the same way; {@link #resetWeights()} puts back the weights the
 * session started with. Also holds the number display (decimals or fractions). FX thread only.
 */
public final class StepperSession {
    private final Network net;
    private final NetworkTracer tracer;
    private final boolean inkPixels;
    private final boolean slides;
    private float[] input;
    /** The input as last chosen with {@link #setInput}, before any flip: what {@link #reset()} restores. */
    private float[] chosen;
    private final ReadOnlyBooleanWrapper flipped = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper modified = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ActivationSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty fractions = new SimpleBooleanProperty(false);
    /** Every parameter's values as the session found them, for {@link #resetWeights()}. */
    private final List<float[]> startWeights = new ArrayList<>();
    private final ReadOnlyBooleanWrapper edited = new ReadOnlyBooleanWrapper(false);

    /**
     * @param net       the network (the session runs its reference kernels: the loops the trace shows)
     * @param input     the first input [C*H*W]
     * @param inkPixels pixels are +1 ink / -1 background (X/O): flipping negates; otherwise 0 <-> 1
     */
    public StepperSession(Network net, float[] input, boolean inkPixels) {
        this.net = net;
        this.net.setReference(true);
        this.tracer = new NetworkTracer(net);
        this.inkPixels = inkPixels;
        this.slides = net.spec().layers().stream().anyMatch(StepperSession::normalizes);
        for (Parameter p : net.parameters()) {
            startWeights.add(p.value().clone());
        }
        setInput(input);
    }

    private static boolean normalizes(LayerSpec l) {
        return l instanceof ConvSpec c && c.normalize();
    }

    public Network network() {
        return net;
    }

    public NetworkTracer tracer() {
        return tracer;
    }

    public ActivationSnapshot snapshot() {
        return snapshot.get();
    }

    public ReadOnlyObjectProperty<ActivationSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** Whether values show as fractions (7/9) where exact. */
    public BooleanProperty fractionsProperty() {
        return fractions;
    }

    /** Switches fractions (7/9) on or off (a plain setter for callers outside the UI, such as render). */
    public void setFractions(boolean on) {
        fractions.set(on);
    }

    /**
     * How numbers are written: a net with a normalized conv (the X/O lesson) cuts decimals as the
     * slides do (5/9 prints 0.55); any other net rounds. Fractions when switched on.
     */
    public ValueFormat format() {
        ValueFormat f = slides ? ValueFormat.slides() : ValueFormat.decimals();
        return f.withFractions(fractions.get());
    }

    /** Whether decimals are cut as on the slides. */
    public boolean slidesConvention() {
        return slides;
    }

    /**
     * The divisor of the network's first normalized conv (9 for X/O), so maps computed from it read
     * as 5/9 in fraction mode; 1 when no conv normalizes.
     */
    public int fractionDivisor() {
        for (var l : net.layers()) {
            if (l instanceof org.convlab.nn.layers.ConvLayer c && c.geometry().divisor() > 1) {
                return c.geometry().divisor();
            }
        }
        return 1;
    }

    public boolean inkPixels() {
        return inkPixels;
    }

    public List<String> classes() {
        return net.spec().classes();
    }

    /** The current input (a copy). */
    public float[] input() {
        return input.clone();
    }

    /** A new input, as chosen (no pixel flipped): {@link #reset()} comes back to it. */
    public void setInput(float[] x) {
        this.chosen = Arrays.copyOf(x, net.inputShape().size());
        this.input = chosen.clone();
        flipped.set(false);
        updateModified();
        snapshot.set(tracer.snapshot(input));
    }

    /** The input as last chosen, before any flipped pixel (a copy). */
    public float[] chosenInput() {
        return chosen.clone();
    }

    /**
     * True while a pixel is flipped or a weight typed in: the input or the net is no longer the
     * one chosen, and the views say so ("X (modified)") and offer {@link #reset()}.
     */
    public ReadOnlyBooleanProperty modifiedProperty() {
        return modified.getReadOnlyProperty();
    }

    public boolean isModified() {
        return modified.get();
    }

    /** True while a pixel of the chosen input is flipped. */
    public ReadOnlyBooleanProperty flippedProperty() {
        return flipped.getReadOnlyProperty();
    }

    /** Back to the chosen input and the starting weights, in one new snapshot. */
    public void reset() {
        input = chosen.clone();
        flipped.set(false);
        resetWeights();
    }

    private void updateModified() {
        modified.set(flipped.get() || edited.get());
    }

    /** Flips one input pixel (ink <-> background) and recomputes everything downstream. */
    public void flip(int channel, int row, int col) {
        var shape = net.inputShape();
        if (row < 0 || col < 0 || row >= shape.height() || col >= shape.width()) {
            return; // a padding cell: nothing to flip
        }
        int i = (channel * shape.height() + row) * shape.width() + col;
        float[] x = input.clone();
        x[i] = inkPixels ? -x[i] : (x[i] > 0.5f ? 0f : 1f);
        input = x;
        flipped.set(!Arrays.equals(input, chosen)); // flipping back undoes the change
        updateModified();
        snapshot.set(tracer.snapshot(input));
    }

    /**
     * Sets one filter weight of conv layer {@code layerIndex} (PyTorch layout [filter, channel, row,
     * col]) and recomputes every activation. The caller checks the value is a finite number.
     */
    public void setWeight(int layerIndex, int filter, int channel, int row, int col, float value) {
        ConvLayer conv = convLayer(layerIndex);
        var g = conv.geometry();
        if (filter < 0 || filter >= g.outChannels() || channel < 0 || channel >= g.inChannels() || row < 0
                || row >= g.kernelHeight() || col < 0 || col >= g.kernelWidth() || !Float.isFinite(value)) {
            throw new IllegalArgumentException("no weight " + value + " at filter " + filter + ", channel " + channel
                    + ", row " + row + ", column " + col + " of " + conv.name());
        }
        conv.weight().value()[((filter * g.inChannels() + channel) * g.kernelHeight() + row) * g.kernelWidth() + col] = value;
        weightsChanged();
    }

    /** Sets the bias of filter {@code filter} of conv layer {@code layerIndex} (which must have biases). */
    public void setBias(int layerIndex, int filter, float value) {
        ConvLayer conv = convLayer(layerIndex);
        if (conv.bias() == null || filter < 0 || filter >= conv.bias().size() || !Float.isFinite(value)) {
            throw new IllegalArgumentException("no bias " + value + " for filter " + filter + " of " + conv.name());
        }
        conv.bias().value()[filter] = value;
        weightsChanged();
    }

    /** Puts back every weight the session started with and recomputes. */
    public void resetWeights() {
        List<Parameter> params = net.parameters();
        for (int i = 0; i < params.size(); i++) {
            System.arraycopy(startWeights.get(i), 0, params.get(i).value(), 0, startWeights.get(i).length);
        }
        edited.set(false);
        updateModified();
        snapshot.set(tracer.snapshot(input));
    }

    /**
     * The network's parameters were changed in place (a learning step or its undo): recompute every
     * activation, as after a typed weight ({@link #resetWeights()} puts the starting ones back).
     */
    public void parametersChanged() {
        weightsChanged();
    }

    /** True after a weight was typed in, until {@link #resetWeights()}. */
    public ReadOnlyBooleanProperty editedProperty() {
        return edited.getReadOnlyProperty();
    }

    private void weightsChanged() {
        edited.set(true);
        updateModified();
        snapshot.set(tracer.snapshot(input));
    }

    private ConvLayer convLayer(int index) {
        if (index < 0 || index >= net.layers().size() || !(net.layers().get(index) instanceof ConvLayer conv)) {
            throw new IllegalArgumentException("layer " + index + " is not a conv layer");
        }
        return conv;
    }
}
