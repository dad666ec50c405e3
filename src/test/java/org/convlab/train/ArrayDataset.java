package org.convlab.train;

import java.util.List;
import org.convlab.data.Dataset;
import org.convlab.engine.Shape;

/** An in-memory dataset for tests: samples stored one after another. */
record ArrayDataset(Shape shape, List<String> classes, float[] values, int[] labels) implements Dataset {
    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    @Override
    public void copySample(int index, float[] dst, int offset) {
        System.arraycopy(values, index * shape.size(), dst, offset, shape.size());
    }
}
