package org.convlab.data;

import java.util.List;
import org.convlab.engine.Shape;

/** Some samples of another dataset, picked by index, without copying them (a train or validation split). */
public final class SubsetDataset implements Dataset {
    private final Dataset parent;
    private final int[] indices;

    public SubsetDataset(Dataset parent, int[] indices) {
        for (int i : indices) {
            if (i < 0 || i >= parent.size()) {
                throw new IllegalArgumentException("index " + i + " is outside the dataset of " + parent.size());
            }
        }
        this.parent = parent;
        this.indices = indices.clone();
    }

    @Override
    public Shape shape() {
        return parent.shape();
    }

    @Override
    public List<String> classes() {
        return parent.classes();
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public int label(int index) {
        return parent.label(indices[index]);
    }

    @Override
    public void copySample(int index, float[] dst, int offset) {
        parent.copySample(indices[index], dst, offset);
    }

    /** The parent's index of sample {@code index}. */
    public int parentIndex(int index) {
        return indices[index];
    }
}
