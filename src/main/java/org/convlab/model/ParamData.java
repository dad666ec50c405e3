package org.convlab.model;

import java.util.Arrays;

/**
 * One parameter tensor carried inline in a model file, in PyTorch's layout (conv weight
 * {@code [F, C, KH, KW]}, dense weight {@code [out, in]}, biases and batch-norm vectors
 * {@code [n]}). Arrays are copied in and out so the record stays immutable; equality is deep.
 */
public record ParamData(int[] shape, float[] data) {
    public ParamData {
        if (shape == null || data == null) {
            throw new IllegalArgumentException("shape and data are required");
        }
        shape = shape.clone();
        data = data.clone();
        long n = 1;
        for (int d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("shape sizes must be positive: " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n
                    + " values but data has " + data.length);
        }
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public float[] data() {
        return data.clone();
    }

    /** Number of values. */
    public int size() {
        return data.length;
    }

    /** Whether the shape equals {@code expected} exactly. */
    public boolean hasShape(int... expected) {
        return Arrays.equals(shape, expected);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParamData p && Arrays.equals(shape, p.shape) && Arrays.equals(data, p.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ParamData" + Arrays.toString(shape);
    }
}
