package org.convlab.trace;

import java.util.Arrays;
import org.convlab.engine.Shape;

/** One layer's activations for one input, immutable (the data getter returns a copy). */
public final class LayerOutput {
    private final int index;
    private final String name;
    private final String type;
    private final Shape shape;
    private final float[] data;

    public LayerOutput(int index, String name, String type, Shape shape, float[] data) {
        this.index = index;
        this.name = name;
        this.type = type;
        this.shape = shape;
        this.data = Arrays.copyOf(data, shape.size());
    }

    public int index() {
        return index;
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public Shape shape() {
        return shape;
    }

    /** Every value, C x H x W row major (a copy). */
    public float[] data() {
        return data.clone();
    }

    public float value(int channel, int row, int col) {
        return data[(channel * shape.height() + row) * shape.width() + col];
    }

    public float value(int flatIndex) {
        return data[flatIndex];
    }

    /** Channel c's plane, [H*W] (a copy). */
    public float[] plane(int c) {
        return Arrays.copyOfRange(data, c * shape.plane(), (c + 1) * shape.plane());
    }

    /** Smallest and largest value (NaN ignored); {0, 0} when there are none. */
    public float[] range() {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : data) {
            if (!Float.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return min > max ? new float[] {0f, 0f} : new float[] {min, max};
    }
}
