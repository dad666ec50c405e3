package org.convlab.data;

import java.util.List;
import org.convlab.engine.Shape;

/**
 * Labelled samples of one shape, decoded in memory, already resized and normalised. Samples
 * are read by copying, so a dataset can keep everything in one big float[] and splits can be
 * views of it without copying.
 */
public interface Dataset {
    /** The shape of every sample (the model's input). */
    Shape shape();

    /** Class names, index = label (for folders: the sub-folder names, sorted). */
    List<String> classes();

    /** Number of samples. */
    int size();

    /** The class index of sample {@code index}, in [0, classes().size()). */
    int label(int index);

    /** Writes sample {@code index} ({@code shape().size()} floats, C x H x W row major) to {@code dst[offset..]}. */
    void copySample(int index, float[] dst, int offset);

    /** How many samples each class has (length = classes().size()). */
    default int[] classCounts() {
        int[] counts = new int[classes().size()];
        for (int i = 0; i < size(); i++) {
            counts[label(i)]++;
        }
        return counts;
    }

}
