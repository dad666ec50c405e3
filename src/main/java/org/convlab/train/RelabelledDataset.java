package org.convlab.train;

import java.util.List;
import org.convlab.data.Dataset;
import org.convlab.engine.Shape;

/** A dataset whose labels go through a map (data class -> model class), with the model's class names. */
public final class RelabelledDataset implements Dataset {
    private final Dataset inner;
    private final int[] map;
    private final List<String> classes;

    public RelabelledDataset(Dataset inner, int[] map, List<String> classes) {
        this.inner = inner;
        this.map = map.clone();
        this.classes = List.copyOf(classes);
    }

    /** {@code data} itself when {@code map} is null, else the relabelled view; null stays null. */
    public static Dataset of(Dataset data, int[] map, List<String> classes) {
        return data == null || map == null ? data : new RelabelledDataset(data, map, classes);
    }

    @Override
    public Shape shape() {
        return inner.shape();
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public int size() {
        return inner.size();
    }

    @Override
    public int label(int index) {
        return map[inner.label(index)];
    }

    @Override
    public void copySample(int index, float[] dst, int offset) {
        inner.copySample(index, dst, offset);
    }
}
