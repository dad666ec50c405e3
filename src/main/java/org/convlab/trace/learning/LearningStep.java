package org.convlab.trace.learning;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.convlab.MemoryGuard;
import org.convlab.UserInputException;
import org.convlab.model.ParamData;
import org.convlab.nn.Network;
import org.convlab.nn.Parameter;
import org.convlab.nn.layers.Layer;
import org.convlab.nn.optim.Sgd;

/**
 * One step of learning on one image, undoable: the slides' {@code w <- w - lr * dL/dw}.
 *
 * <p>{@link #step} runs the image forward and back through the network with the engine's scalar
 * reference loops (the loops the forward and backward step-through are generated from, so the
 * gradient is the one the student stepped through), applies one plain SGD update to the chosen
 * layer only, and runs the same image forward again. Plain SGD means {@link Sgd#plain}: no
 * momentum, no weight decay, so per value {@code after = before - lr * grad}, one float rounding,
 * which is what the slides mean by one step (the {@code train} command's optimizer with its
 * extras switched off, reused here rather than written again).
 *
 * <p>Forward runs in inference mode, as the {@code grad} command's does: dropout keeps every
 * value and batch norm uses its running statistics, so the step is the same each time it is
 * repeated and undone.
 *
 * <p>Undo: every step saves the exact previous values of what it changed; {@link #undo} puts
 * them back bit for bit (last step first). "Take a step" is {@link #step} again. The network is
 * changed in place and is this object's while it is in use: a view that shows its weights reads
 * them after a step or an undo. Changes made to the weights by anything else are not undone,
 * and an undo after them writes the saved values over them. Not thread-safe (like the network):
 * call from one thread, off the FX thread for large nets.
 *
 * <p>Memory: a step copies the updated tensors three times (before, gradient, after) and the
 * undo stack keeps the results, so on a large net choose one layer; a copy that would not fit
 * the heap is refused with a {@link UserInputException} before anything changes.
 */
public final class LearningStep {
    private final Network net;
    /** Steps in effect, newest first, each with the very tensors it changed. */
    private final Deque<Entry> undo = new ArrayDeque<>();

    private record Entry(StepResult result, List<Parameter> params) {}

    /** Takes steps on {@code net} (switched to the reference kernels). */
    public LearningStep(Network net) {
        this.net = net;
        net.setReference(true);
    }

    public Network network() {
        return net;
    }

    /**
     * The names of the layers that can learn, in network order: every layer with parameters,
     * inner layers of blocks included (a block itself is not listed; its layers are).
     */
    public static List<String> trainableLayers(Network net) {
        List<String> names = new ArrayList<>();
        for (Layer l : net.allLayers()) {
            if (l.innerLayers().isEmpty() && !l.parameters().isEmpty()) {
                names.add(l.name());
            }
        }
        return names;
    }

    /** The loss, probabilities and answer for {@code image} and {@code label} now, changing nothing. */
    public Prediction predict(float[] image, int label) {
        checkInput(image, label);
        // the network keeps the input until backward: give it a private copy
        net.forward(image.clone(), 1, false);
        float loss = net.backwardCrossEntropy(new int[] {label});
        return Prediction.of(loss, net.probabilities(), net.classes(), label);
    }

    /**
     * One step: forward and backward for {@code image} (the model's input, C*H*W values, row
     * major, already in the model's pixel convention) and {@code label} (a class index), then
     * {@code w <- w - lr * dL/dw} for the parameters of {@code layer} only ({@code null}: every
     * layer with parameters), then the same image forward again.
     *
     * @throws UserInputException for a layer that does not exist or has no parameters, a label out
     *                            of range, a learning rate that is not a positive number, or
     *                            copies that would not fit the heap; nothing is changed then
     */
    public StepResult step(float[] image, int label, String layer, float lr) {
        if (!(lr > 0) || Float.isInfinite(lr)) {
            throw new UserInputException("the learning rate must be a positive number, got " + lr);
        }
        List<Parameter> params = parametersOf(layer);
        checkInput(image, label);
        requireCopies(params);
        Prediction before = predict(image, label);
        List<ParamData> values = new ArrayList<>(params.size());
        List<ParamData> grads = new ArrayList<>(params.size());
        for (Parameter p : params) {
            values.add(copy(p.shape(), p.value()));
            grads.add(copy(p.shape(), p.grad()));
        }
        Sgd.plain(lr).step(params);
        List<ParameterChange> changes = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            changes.add(new ParameterChange(p.name(), values.get(i), grads.get(i), copy(p.shape(), p.value())));
        }
        Prediction after = predict(image, label);
        StepResult result = new StepResult(undo.size() + 1, layer, lr, changes, before, after);
        undo.push(new Entry(result, List.copyOf(params)));
        return result;
    }

    /** Whether there is a step to undo. */
    public boolean canUndo() {
        return !undo.isEmpty();
    }

    /** Steps in effect (taken and not undone). */
    public int steps() {
        return undo.size();
    }

    /** The steps in effect, oldest first. */
    public List<StepResult> history() {
        List<StepResult> h = new ArrayList<>(undo.size());
        undo.descendingIterator().forEachRemaining(e -> h.add(e.result()));
        return h;
    }

    /**
     * Undoes the last step: every tensor it changed gets its exact previous values back. Returns
     * that step (its {@link StepResult#before()} is the prediction now in effect for its image).
     *
     * @throws IllegalStateException when there is nothing to undo (see {@link #canUndo})
     */
    public StepResult undo() {
        if (undo.isEmpty()) {
            throw new IllegalStateException("no step to undo");
        }
        Entry last = undo.pop();
        List<ParameterChange> changes = last.result().changes();
        for (int i = 0; i < changes.size(); i++) {
            changes.get(i).before().copyTo(last.params().get(i).value());
        }
        return last.result();
    }

    /** Forgets the undo history (the weights stay as they are). */
    public void clearHistory() {
        undo.clear();
    }

    /** The parameters of {@code layer} ({@code null}: all), refused with the layers that can learn. */
    List<Parameter> parametersOf(String layer) {
        if (layer == null) {
            if (net.parameters().isEmpty()) {
                throw new UserInputException("this model has no weights to learn");
            }
            return net.parameters();
        }
        for (Layer l : net.allLayers()) {
            if (l.name().equals(layer) && l.innerLayers().isEmpty()) {
                if (l.parameters().isEmpty()) {
                    throw new UserInputException("layer " + layer + " has no weights to learn: choose one of "
                            + String.join(", ", trainableLayers(net)));
                }
                return l.parameters();
            }
        }
        throw new UserInputException("there is no layer " + layer + " with weights: choose one of "
                + String.join(", ", trainableLayers(net)));
    }

    private void checkInput(float[] image, int label) {
        int n = net.inputShape().size();
        if (image == null || image.length != n) {
            throw new UserInputException("the image has " + (image == null ? 0 : image.length)
                    + " values, the model takes " + net.inputShape() + " = " + n);
        }
        if (label < 0 || label >= net.classes()) {
            throw new UserInputException("label " + label + " is out of range: the model has " + net.classes()
                    + " classes (0.." + (net.classes() - 1) + ")");
        }
    }

    private static void requireCopies(List<Parameter> params) {
        long values = 0;
        for (Parameter p : params) {
            values = MemoryGuard.plus(values, p.size());
        }
        MemoryGuard.require(MemoryGuard.times(MemoryGuard.times(values, 3), Float.BYTES),
                "the values before and after one step and their gradients", "choose one layer to learn");
    }

    private static ParamData copy(int[] shape, float[] values) {
        return ParamData.filledBy(shape, dst -> System.arraycopy(values, 0, dst, 0, dst.length));
    }
}
