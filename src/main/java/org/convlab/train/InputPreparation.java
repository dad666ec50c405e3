package org.convlab.train;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import org.convlab.UserInputException;
import org.convlab.data.ChannelStats;
import org.convlab.data.LoadedData;
import org.convlab.data.Normalization;
import org.convlab.data.ResizeMode;
import org.convlab.data.input.InputFile;
import org.convlab.data.input.PixelScale;
import org.convlab.engine.Shape;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Preprocessing;

/**
 * How images become a model's input, the one rule {@code train}, {@code eval} and the training
 * dashboard share: a model file that stores its {@link Preprocessing} keeps it; otherwise
 * {@code auto} is {@code ink} (dark +1, white -1, the X/O lesson) for 9x9 grey models and
 * {@code unit} ([0,1]) for the rest. A trained model records what was used.
 */
public final class InputPreparation {
    private InputPreparation() {}

    /** ink for 9x9 one-channel models (the slides' X/O convention), unit otherwise. */
    public static String auto(Shape input) {
        return input.channels() == 1 && input.height() == 9 && input.width() == 9 ? "ink" : "unit";
    }

    /**
     * {@code requested} (unit, symmetric, standardize, ink) when given, else the one the model
     * stores, else {@link #auto}. {@code requested} null or "auto" means not given.
     */
    public static String normalization(String requested, NetworkSpec model) {
        String t = requested == null ? "auto" : requested.trim().toLowerCase(Locale.ROOT);
        if (t.equals("auto")) {
            return model.preprocessing() != null ? model.preprocessing().normalize() : auto(model.input());
        }
        if (Preprocessing.NORMALIZATIONS.contains(t)) {
            return t;
        }
        throw new UserInputException("--normalize: unknown normalisation '" + requested
                + "': use unit ([0,1]), symmetric ([-1,1]), standardize (per-channel mean/std of the training split),"
                + " ink (dark +1, white -1) or auto");
    }

    /** The data package's scaling for a normalisation name (ink is symmetric, negated by {@link InkDataset}). */
    public static Normalization scaling(String normalization) {
        return switch (normalization) {
            case "symmetric", "ink" -> Normalization.SYMMETRIC;
            case "standardize" -> Normalization.STANDARDIZE;
            default -> Normalization.UNIT;
        };
    }

    /**
     * The mean and std to apply instead of measuring new data's: the model's stored ones when it
     * was trained with standardize and is prepared that way again, else null.
     */
    public static ChannelStats storedStats(NetworkSpec model, String normalization) {
        Preprocessing p = model.preprocessing();
        return p != null && p.mean() != null && normalization.equals("standardize")
                ? new ChannelStats(p.mean(), p.std()) : null;
    }

    /** What a trained model keeps: the normalisation (with the measured mean/std for standardize) and the resize. */
    public static Preprocessing record(String normalization, ResizeMode resize, LoadedData loaded) {
        if (!normalization.equals("standardize")) {
            return Preprocessing.of(normalization, resizeName(resize));
        }
        return new Preprocessing(normalization, resizeName(resize), loaded.normalization().mean(),
                loaded.normalization().std());
    }

    /**
     * One input file (image or tensor) prepared as training images were: an image scaled by
     * {@code normalization} (with {@code stats} applied for standardize) and resized by
     * {@code resize}; a tensor file is taken as it is.
     */
    public static float[] readFile(Path file, Shape shape, String normalization, ResizeMode resize, ChannelStats stats,
                                   Consumer<String> notes) {
        PixelScale scale = switch (normalization) {
            case "ink" -> PixelScale.INK;
            case "symmetric" -> PixelScale.SIGNED;
            default -> PixelScale.UNIT; // standardize starts from [0,1]
        };
        float[] x = InputFile.read(file, shape, scale, resize, notes);
        if (normalization.equals("standardize") && stats != null && InputFile.isImage(file)) {
            float[] mean = stats.mean();
            float[] std = stats.std();
            int plane = shape.plane();
            for (int c = 0; c < mean.length; c++) {
                for (int i = c * plane; i < (c + 1) * plane; i++) {
                    x[i] = (x[i] - mean[c]) / std[c];
                }
            }
        }
        return x;
    }

    public static String resizeName(ResizeMode mode) {
        return switch (mode) {
            case STRETCH -> "stretch";
            case CENTER_CROP -> "crop";
            default -> "fit";
        };
    }
}
