package org.convlab.trace.learning;

import java.util.List;

/**
 * One step of learning, as the "One step of learning" view shows it: which layer learned, at
 * what rate, each of its tensors before and after with the gradient, and the image's prediction
 * before the step and again after it (the same image forward through the updated weights).
 * Immutable.
 *
 * @param number       1 for the first step of a {@link LearningStep}, counting steps still in effect
 *                     (an undone step's number is given again to the next step)
 * @param layer        the layer that learned, or {@code null} when every layer with parameters did
 * @param learningRate {@code lr} in {@code w <- w - lr * dL/dw}
 * @param changes      the tensors updated, in the network's parameter order (weight before bias)
 * @param before       loss, probabilities and answer before the step (their gradient is {@code changes}' gradient)
 * @param after        the same image forward again after the step
 */
public record StepResult(int number, String layer, float learningRate, List<ParameterChange> changes,
                         Prediction before, Prediction after) {
    public StepResult {
        changes = List.copyOf(changes);
    }

    /** The change of the parameter named {@code name} ({@code fc1.weight}), or null. */
    public ParameterChange change(String name) {
        for (ParameterChange c : changes) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** {@code after.loss - before.loss}: negative when the step helped this image. */
    public float lossChange() {
        return after.loss() - before.loss();
    }
}
