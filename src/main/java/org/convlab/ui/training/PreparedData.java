package org.convlab.ui.training;

import java.util.List;
import org.convlab.data.Dataset;
import org.convlab.data.LoadedData;
import org.convlab.data.ResizeMode;
import org.convlab.data.SkippedFile;
import org.convlab.model.NetworkSpec;
import org.convlab.train.ModelAdapter;
import org.convlab.train.RelabelledDataset;

/**
 * Data loaded for one model, ready to train: the splits in the model's pixel convention and class
 * order, what was skipped, and how the model was adapted to the data.
 *
 * @param source         the data source as the CLI names it (folder, idx:DIR)
 * @param train          training split, labels in the adapted model's class order
 * @param validation     validation split (null without one)
 * @param adapted        the model fitted to the data's classes, with notes for the user
 * @param normalization  unit, ink, ... as the CLI's --normalize
 * @param resize         how images were fitted to the model's input
 * @param validationSplit the fraction held out
 * @param seed           the seed of the split
 * @param background     the model input value of the images' background (for the draw pad)
 * @param ink            the model input value of full ink
 */
public record PreparedData(String source, Dataset train, Dataset validation, LoadedData loaded,
                           ModelAdapter.Adapted adapted, String normalization, ResizeMode resize,
                           double validationSplit, long seed, float background, float ink) {

    public List<SkippedFile> skipped() {
        return loaded.skipped();
    }

    public NetworkSpec spec() {
        return adapted.spec();
    }

    /** True when these splits were made with the given choices (else the data is loaded again). */
    public boolean madeWith(String src, ResizeMode mode, double split, long s) {
        return source.equals(src) && resize == mode && validationSplit == split && seed == s;
    }

    /** The split relabelled into the model's class order. */
    static Dataset relabel(Dataset d, ModelAdapter.Adapted adapted) {
        return RelabelledDataset.of(d, adapted.labelMap(), adapted.spec().classes());
    }
}
