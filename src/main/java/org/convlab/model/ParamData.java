package org.convlab.model;

import java.util.Arrays;

/**
 * One parameter tensor carried inline in a model file, in PyTorch's layout (conv weight
 * {@code [F, C, KH, KW]}, dense weight {@code [out, in]}, biases and batch-norm vectors
 * {@code [n]}). Immutable: the public constructor copies its arrays and {@link #data()} hands out
 * a copy; equality is deep.
 *
 * <p>Not a record, on purpose: a record's canonical constructor must copy, and a VGG-16 would then
 * pass through the heap twice more while a file is read or written. Inside this package the
 * reader hands over freshly decoded arrays ({@link #adopt}) and the writer reads the values in
 * place ({@link #values()}); neither array ever leaves the package.
 */
public final class ParamData {
    private final int[] shape;
    private final float[] data;

    /** A tensor of {@code shape} holding a copy of {@code data} (row major). */
    public ParamData(int[] shape, float[] data) {
        this(shape == null ? null : shape.clone(), data == null ? null : data.clone(), true);
    }

    private ParamData(int[] shape, float[] data, boolean check) {
        if (shape == null || data == null) {
            throw new IllegalArgumentException("shape and data are required");
        }
        long n = 1;
        for (int d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("shape sizes must be positive: " + Arrays.toString(shape));
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                break;
            }
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n
                    + " values but data has " + data.length);
        }
        this.shape = shape;
        this.data = data;
    }

    /** Takes {@code data} without copying: only for arrays nobody else holds (a freshly decoded tensor). */
    static ParamData adopt(int[] shape, float[] data) {
        return new ParamData(shape, data, true);
    }

    /**
     * A tensor of {@code shape} whose values {@code fill} writes into a fresh array, which this
     * object then owns: for readers of other formats (safetensors, ONNX) that decode straight into
     * the final array, so a large tensor passes through the heap once. {@code fill} must not keep
     * the array.
     */
    public static ParamData filledBy(int[] shape, java.util.function.Consumer<float[]> fill) {
        long n = 1;
        for (int d : shape) {
            n *= Math.max(d, 0);
            if (n > Integer.MAX_VALUE - 8) {
                throw new org.convlab.UserInputException("a tensor of shape " + Arrays.toString(shape)
                        + " holds " + n + "+ values, more than one Java array can (2^31 - 1)");
            }
        }
        float[] values = new float[(int) n];
        fill.accept(values);
        return new ParamData(shape.clone(), values, true);
    }

    /** The values as a read-only view (no copy), row major: for writers of other formats. */
    public java.nio.FloatBuffer view() {
        return java.nio.FloatBuffer.wrap(data).asReadOnlyBuffer();
    }

    /** The values in place, for reading inside this package only (writers, checks): never modify or hand out. */
    float[] values() {
        return data;
    }

    public int[] shape() {
        return shape.clone();
    }

    /** A copy of the values (row major). */
    public float[] data() {
        return data.clone();
    }

    /** Copies the values into {@code dest} from index 0 (no temporary copy; for large weights). */
    public void copyTo(float[] dest) {
        System.arraycopy(data, 0, dest, 0, data.length);
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
