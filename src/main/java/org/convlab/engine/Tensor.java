package org.convlab.engine;

/**
 * A batch of samples stored flat in a {@code float[]}, NCHW, row major:
 * {@code data[((n * C + c) * H + h) * W + w]}. The array is exposed on purpose: kernels work on
 * it directly, and buffers are allocated once and reused.
 */
public final class Tensor {
    private final int batch;
    private final Shape shape;
    private final float[] data;

    public Tensor(int batch, Shape shape) {
        this(batch, shape, new float[Math.multiplyExact(batch, shape.size())]);
    }

    public Tensor(int batch, Shape shape, float[] data) {
        if (batch <= 0) {
            throw new IllegalArgumentException("batch must be positive: " + batch);
        }
        if (data.length != (long) batch * shape.size()) {
            throw new IllegalArgumentException("data has " + data.length + " values, expected "
                    + batch + " x " + shape + " = " + (long) batch * shape.size());
        }
        this.batch = batch;
        this.shape = shape;
        this.data = data;
    }

    public int batch() {
        return batch;
    }

    public Shape shape() {
        return shape;
    }

    public float[] data() {
        return data;
    }

    /** Values in one sample. */
    public int sampleSize() {
        return shape.size();
    }

    /** Flat index of (n, c, h, w). */
    public int index(int n, int c, int h, int w) {
        return ((n * shape.channels() + c) * shape.height() + h) * shape.width() + w;
    }

    public float get(int n, int c, int h, int w) {
        return data[index(n, c, h, w)];
    }

    public void set(int n, int c, int h, int w, float value) {
        data[index(n, c, h, w)] = value;
    }

    public void fill(float value) {
        java.util.Arrays.fill(data, value);
    }

    @Override
    public String toString() {
        return "Tensor[" + batch + " x " + shape + "]";
    }
}
