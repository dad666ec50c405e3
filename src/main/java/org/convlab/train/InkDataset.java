package org.convlab.train;

import java.util.List;
import org.convlab.data.Dataset;
import org.convlab.engine.Shape;

/**
 * The X/O slides' pixel convention, dark ink +1 and white background -1, made from a dataset
 * normalised to [-1, 1] (white +1) by negating every value: 1 - 2p for a pixel p in [0, 1],
 * exactly what {@code forward --pixels ink} feeds the X/O preset.
 */
public final class InkDataset implements Dataset {
    private final Dataset symmetric;

    /** @param symmetric a dataset loaded with SYMMETRIC normalisation */
    public InkDataset(Dataset symmetric) {
        this.symmetric = symmetric;
    }

    public static Dataset of(Dataset symmetric) {
        return symmetric == null ? null : new InkDataset(symmetric);
    }

    @Override
    public Shape shape() {
        return symmetric.shape();
    }

    @Override
    public List<String> classes() {
        return symmetric.classes();
    }

    @Override
    public int size() {
        return symmetric.size();
    }

    @Override
    public int label(int index) {
        return symmetric.label(index);
    }

    @Override
    public void copySample(int index, float[] dst, int offset) {
        symmetric.copySample(index, dst, offset);
        int n = symmetric.shape().size();
        for (int i = offset; i < offset + n; i++) {
            dst[i] = -dst[i];
        }
    }
}
