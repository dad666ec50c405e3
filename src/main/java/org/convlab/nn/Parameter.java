package org.convlab.nn;

import java.util.Arrays;

/**
 * One trainable tensor of a network (a conv or dense weight or bias, a batch-norm gamma or beta)
 * with its gradient, both flat in PyTorch's layout. The arrays are the network's own buffers,
 * allocated once: optimizers update {@link #value()} in place from {@link #grad()}.
 */
public final class Parameter {
    private final String name;
    private final int[] shape;
    private float[] value;
    private float[] grad;

    public Parameter(String name, int[] shape) {
        this.name = name;
        this.shape = shape.clone();
        long n = 1;
        for (int d : shape) {
            n = org.convlab.MemoryGuard.times(n, d);
        }
        this.value = org.convlab.MemoryGuard.floats(n, "the tensor " + name + " " + Arrays.toString(shape), null);
    }

    /** A weight and its optional bias ({@code null} when the layer has none), in that order: a layer's parameters. */
    public static java.util.List<Parameter> weightAndBias(Parameter weight, Parameter bias) {
        return bias == null ? java.util.List.of(weight) : java.util.List.of(weight, bias);
    }

    /** Layer name and role, e.g. {@code conv1.weight}, {@code bn1.bias}. */
    public String name() {
        return name;
    }

    /** PyTorch shape, e.g. {@code [F, C, KH, KW]}. */
    public int[] shape() {
        return shape.clone();
    }

    /** The values, updated in place by optimizers. */
    public float[] value() {
        return value;
    }

    /**
     * The gradient; backward passes accumulate into it after the network zeroed it. Allocated on
     * first use, so a network only used for inference (a VGG-16 forward) does not hold it.
     */
    public float[] grad() {
        if (grad == null) {
            grad = org.convlab.MemoryGuard.floats(value.length, "the gradient of " + name, "train a smaller model");
        }
        return grad;
    }

    /** Whether the gradient has been allocated (the first backward does it). */
    public boolean hasGradient() {
        return grad != null;
    }

    /**
     * Makes this parameter read and write {@code master}'s values (a data-parallel replica shares
     * the weights and keeps its own gradient).
     */
    void shareValues(Parameter master) {
        if (master.value.length != value.length) {
            throw new IllegalArgumentException(name + ": cannot share values of " + master);
        }
        this.value = master.value;
    }

    public int size() {
        return value.length;
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
