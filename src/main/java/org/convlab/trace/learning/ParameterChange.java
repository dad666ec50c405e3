package org.convlab.trace.learning;

import org.convlab.model.ParamData;

/**
 * One tensor of one learning step, in PyTorch's layout (conv weight {@code [F, C, KH, KW]}, dense
 * weight {@code [out, in]}, bias {@code [n]}): the values before, the gradient {@code dL/dw} the
 * engine's reference backward computed for the step's image and label, and the values after.
 * Per value, {@code after = before - lr * gradient}, rounded once to float (plain SGD). Each
 * {@link ParamData} is immutable; read values with {@link #before(int)} etc., or
 * {@code before().view()} for a whole tensor without a copy.
 *
 * @param name     the parameter's name, {@code layer.weight} or {@code layer.bias} (batch norm:
 *                 {@code layer.weight} is gamma, {@code layer.bias} beta)
 * @param before   the values before the step
 * @param gradient {@code dL/dw}, same shape
 * @param after    the values after the step, same shape
 */
public record ParameterChange(String name, ParamData before, ParamData gradient, ParamData after) {
    /** The PyTorch shape, e.g. {@code [2, 48]}. */
    public int[] shape() {
        return before.shape();
    }

    /** Number of values. */
    public int size() {
        return before.size();
    }

    /** The flat index's value before the step. */
    public float before(int i) {
        return before.view().get(i);
    }

    /** The flat index's gradient. */
    public float gradient(int i) {
        return gradient.view().get(i);
    }

    /** The flat index's value after the step. */
    public float after(int i) {
        return after.view().get(i);
    }

    /** Whether this is a bias (the name ends in {@code .bias}). */
    public boolean isBias() {
        return name.endsWith(".bias");
    }
}
