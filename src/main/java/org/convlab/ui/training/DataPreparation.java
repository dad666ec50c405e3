package org.convlab.ui.training;

import java.util.Locale;
import org.convlab.data.Augmentation;
import org.convlab.data.DataOptions;
import org.convlab.data.DataSources;
import org.convlab.data.Dataset;
import org.convlab.data.LoadedData;
import org.convlab.data.ResizeMode;
import org.convlab.engine.Shape;
import org.convlab.model.NetworkSpec;
import org.convlab.train.InkDataset;
import org.convlab.train.InputPreparation;
import org.convlab.train.ModelAdapter;

/**
 * Loads a data source for a model the way the {@code train} command does (same normalisation
 * choice, same split, same class adaptation), off the FX thread. Bad input comes out as
 * {@link org.convlab.UserInputException} with the data package's message.
 */
final class DataPreparation {
    private DataPreparation() {}

    static PreparedData prepare(String source, NetworkSpec model, ResizeMode resize, double validationSplit, long seed) {
        Shape input = model.input();
        // as `train --normalize auto`: what a trained model stores, else the X/O slides' ink convention
        // (dark +1, white -1) for 9x9 grey models and [0,1] otherwise
        String normalization = InputPreparation.normalization(null, model);
        boolean inkConvention = normalization.equals("ink");
        DataOptions options = new DataOptions(resize, InputPreparation.scaling(normalization), validationSplit, seed, null,
                Augmentation.NONE);
        LoadedData loaded = DataSources.open(source, input, options, InputPreparation.storedStats(model, normalization));
        Dataset train = inkConvention ? InkDataset.of(loaded.train()) : loaded.train();
        Dataset validation = inkConvention ? InkDataset.of(loaded.validation()) : loaded.validation();
        ModelAdapter.Adapted adapted = ModelAdapter.adapt(model, train.classes());
        float[] bgInk = backgroundAndInk(train);
        return new PreparedData(source, PreparedData.relabel(train, adapted),
                validation == null ? null : PreparedData.relabel(validation, adapted), loaded, adapted,
                normalization, resize, validationSplit, seed, bgInk[0], bgInk[1]);
    }

    /**
     * Loads on a thread of its own and calls back there: {@code done} with the data, or
     * {@code failed} with a one-line message. The split and seed are read first (a field that
     * does not parse fails at once).
     */
    static void inBackground(String source, NetworkSpec model, ResizeMode resize,
                             java.util.function.DoubleSupplier split, java.util.function.LongSupplier seed,
                             java.util.function.Consumer<PreparedData> done, java.util.function.Consumer<String> failed) {
        double validationSplit;
        long s;
        try {
            validationSplit = split.getAsDouble();
            s = seed.getAsLong();
        } catch (org.convlab.UserInputException e) {
            failed.accept(e.getMessage());
            return;
        }
        Thread t = new Thread(() -> {
            try {
                done.accept(prepare(source, model, resize, validationSplit, s));
            } catch (OutOfMemoryError | RuntimeException e) {
                failed.accept(DataPanel.userMessage(e));
            }
        }, "convlab-data");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The background value is the mean of the four corner pixels over the first samples; ink is
     * whichever extreme value of those samples lies farther from it. That is what a drawn stroke
     * must look like to resemble the training images.
     */
    static float[] backgroundAndInk(Dataset data) {
        Shape s = data.shape();
        int n = Math.min(data.size(), 200);
        float[] x = new float[s.size()];
        double corners = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        int h = s.height();
        int w = s.width();
        for (int i = 0; i < n; i++) {
            data.copySample(i, x, 0);
            corners += x[0] + x[w - 1] + x[(h - 1) * w] + x[h * w - 1];
            for (int j = 0; j < h * w; j++) {
                min = Math.min(min, x[j]);
                max = Math.max(max, x[j]);
            }
        }
        if (n == 0) {
            return new float[] {0f, 1f};
        }
        float background = (float) (corners / (4.0 * n));
        float ink = Math.abs(max - background) >= Math.abs(min - background) ? max : min;
        return new float[] {background, ink};
    }

    /** "fit (keep aspect, pad)" for the info line. */
    static String describe(ResizeMode mode) {
        return switch (mode) {
            case FIT_PAD -> "fit: keep the aspect ratio, pad with the border colour";
            case STRETCH -> "stretch: fill the input, may distort";
            case CENTER_CROP -> "crop: cover the input, cut the overhang";
        };
    }

    static String lower(Object o) {
        return o.toString().toLowerCase(Locale.ROOT);
    }
}
