package org.convlab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.convlab.UserInputException;
import org.convlab.data.Augmentation;
import org.convlab.data.ChannelStats;
import org.convlab.data.DataOptions;
import org.convlab.data.DataSources;
import org.convlab.data.Dataset;
import org.convlab.data.LoadedData;
import org.convlab.data.Normalization;
import org.convlab.data.ResizeMode;
import org.convlab.data.SkippedFile;
import org.convlab.engine.Shape;
import org.convlab.model.Preprocessing;
import org.convlab.train.InkDataset;

/**
 * What {@code train} and {@code eval} share about data: parsing {@code --normalize},
 * {@code --resize} and {@code --augment}, opening the source in the model's input shape, and
 * telling the user what was loaded and what was skipped.
 */
final class TrainData {
    private TrainData() {}

    /** How many skipped files are listed one by one before the summary line. */
    static final int SKIPPED_LISTED = 10;

    /** The three splits after the pixel convention (ink) was applied; validation and test may be null. */
    record Splits(Dataset train, Dataset validation, Dataset test, LoadedData loaded) {}

    /**
     * {@code auto} is {@code ink} for 9x9 one-channel models (the X/O lesson's convention) and
     * {@code unit} otherwise, as in {@code forward}.
     */
    static String normalization(String text, Shape input) {
        String t = text == null ? "auto" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("auto")) {
            return input.channels() == 1 && input.height() == 9 && input.width() == 9 ? "ink" : "unit";
        }
        if (List.of("unit", "symmetric", "standardize", "ink").contains(t)) {
            return t;
        }
        throw new UserInputException("--normalize: unknown normalisation '" + text
                + "': use unit ([0,1]), symmetric ([-1,1]), standardize (per-channel mean/std of the training split),"
                + " ink (dark +1, white -1) or auto");
    }

    static ResizeMode resize(String text) {
        String t = text == null ? "fit" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "fit", "fit-pad", "pad" -> ResizeMode.FIT_PAD;
            case "stretch" -> ResizeMode.STRETCH;
            case "crop", "center-crop", "centre-crop" -> ResizeMode.CENTER_CROP;
            default -> throw new UserInputException("--resize: unknown mode '" + text + "': use fit, stretch or crop");
        };
    }

    /** {@code none}, or a comma list of {@code shift:N}, {@code flip}, {@code rotate:DEGREES}. */
    static Augmentation augmentation(String text) {
        return Augmentation.parse(text, "--augment");
    }

    /** Opens {@code source} for a model taking {@code input}; {@code normalize} is already resolved (no auto). */
    static Splits open(String source, Shape input, String normalize, ResizeMode resize, double valSplit, long seed,
                       String testSource) {
        return open(source, input, normalize, resize, valSplit, seed, testSource, null);
    }

    /**
     * As above; a model that stores its standardisation ({@code stored} not null) has its mean
     * and std applied instead of measuring the new data's, so new images are prepared exactly
     * as its training images were.
     */
    static Splits open(String source, Shape input, String normalize, ResizeMode resize, double valSplit, long seed,
                       String testSource, Preprocessing stored) {
        Normalization n = switch (normalize) {
            case "symmetric", "ink" -> Normalization.SYMMETRIC;
            case "standardize" -> Normalization.STANDARDIZE;
            default -> Normalization.UNIT;
        };
        DataOptions options = new DataOptions(resize, n, valSplit, seed, testSource, Augmentation.NONE);
        ChannelStats fixed = stored != null && stored.mean() != null && normalize.equals("standardize")
                ? new ChannelStats(stored.mean(), stored.std()) : null;
        LoadedData loaded = DataSources.open(source, input, options, fixed);
        if (normalize.equals("ink")) {
            return new Splits(InkDataset.of(loaded.train()), InkDataset.of(loaded.validation()),
                    InkDataset.of(loaded.test()), loaded);
        }
        return new Splits(loaded.train(), loaded.validation(), loaded.test(), loaded);
    }

    /**
     * What a trained model keeps of its data preparation: the normalisation (with the training
     * split's mean and std for standardize) and the resize mode.
     */
    static Preprocessing preprocessing(String normalize, ResizeMode resize, LoadedData loaded) {
        String r = switch (resize) {
            case STRETCH -> "stretch";
            case CENTER_CROP -> "crop";
            default -> "fit";
        };
        if (!normalize.equals("standardize")) {
            return Preprocessing.of(normalize, r);
        }
        return new Preprocessing(normalize, r, loaded.normalization().mean(), loaded.normalization().std());
    }

    /**
     * The normalisation for a model about to be evaluated: {@code --normalize} when given, else the
     * one the model file stores, else the {@code auto} rule.
     */
    static String normalizationFor(String text, org.convlab.model.NetworkSpec model) {
        boolean auto = text == null || text.trim().equalsIgnoreCase("auto");
        if (auto && model.preprocessing() != null) {
            return model.preprocessing().normalize();
        }
        return normalization(text, model.input());
    }

    /** The data line and the skipped files (the first few one per line, then how many in all). */
    static void report(LoadedData loaded, PrintWriter out) {
        Dataset t = loaded.train();
        StringBuilder line = new StringBuilder("data: ").append(t.size()).append(" training");
        if (loaded.validation() != null) {
            line.append(", ").append(loaded.validation().size()).append(" validation");
        }
        if (loaded.test() != null) {
            line.append(", ").append(loaded.test().size()).append(" test");
        }
        line.append(" samples of ").append(t.shape().toSlideString()).append(" in ").append(t.classes().size())
                .append(" classes (").append(String.join(", ", t.classes())).append(")");
        out.println(line);
        List<SkippedFile> skipped = loaded.skipped();
        if (skipped.isEmpty()) {
            return;
        }
        for (int i = 0; i < Math.min(SKIPPED_LISTED, skipped.size()); i++) {
            out.println("  skipped " + skipped.get(i).file() + ": " + skipped.get(i).reason());
        }
        out.println("skipped " + skipped.size() + (skipped.size() == 1 ? " file" : " files")
                + (skipped.size() > SKIPPED_LISTED ? " (the first " + SKIPPED_LISTED + " are listed above)" : ""));
    }
}
