package org.convlab.data;

import java.util.List;
import org.convlab.engine.Shape;

/**
 * Samples stored back to back in one float[] (sample i at {@code i * shape.size()}), the
 * compact layout that keeps 60,000 MNIST images at their decoded size. The array may be longer
 * than {@code size * shape.size()} (room left by skipped files); the tail is ignored.
 */
public final class ArrayDataset implements Dataset {
    private final Shape shape;
    private final List<String> classes;
    private final float[] values;
    private final int[] labels;
    private final int size;

    /** Wraps (does not copy) {@code values} and the first {@code size} entries of {@code labels}. */
    public ArrayDataset(Shape shape, List<String> classes, float[] values, int[] labels, int size) {
        if (size < 0 || size > labels.length || (long) size * shape.size() > values.length) {
            throw new IllegalArgumentException("size " + size + " does not fit the arrays");
        }
        for (int i = 0; i < size; i++) {
            if (labels[i] < 0 || labels[i] >= classes.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " of sample " + i + " is not a class index");
            }
        }
        this.shape = shape;
        this.classes = List.copyOf(classes);
        this.values = values;
        this.labels = labels;
        this.size = size;
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int label(int index) {
        return labels[checked(index)];
    }

    @Override
    public void copySample(int index, float[] dst, int offset) {
        int n = shape.size();
        System.arraycopy(values, checked(index) * n, dst, offset, n);
    }

    /** The backing array (package use: normalisation in place, statistics). */
    float[] values() {
        return values;
    }

    private int checked(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("sample " + index + " of " + size);
        }
        return index;
    }
}
