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
import org.convlab.data.ResizeMode;
import org.convlab.data.SkippedFile;
import org.convlab.data.sound.SoundOptions;
import org.convlab.engine.Shape;
import org.convlab.model.Preprocessing;
import org.convlab.train.InkDataset;
import org.convlab.train.InputPreparation;

/**
 * What {@code train} and {@code eval} share about data: parsing {@code --resize} and
 * {@code --augment} (the normalisation rule is {@link org.convlab.train.InputPreparation}'s), opening the source in the model's input shape, and
 * telling the user what was loaded and what was skipped.
 */
final class TrainData {
    private TrainData() {}

    /** How many skipped files are listed one by one before the summary line. */
    static final int SKIPPED_LISTED = 10;

    /** The three splits after the pixel convention (ink) was applied; validation and test may be null. */
    record Splits(Dataset train, Dataset validation, Dataset test, LoadedData loaded, String preparation) {
        Splits(Dataset train, Dataset validation, Dataset test, LoadedData loaded) {
            this(train, validation, test, loaded, null);
        }
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
        return open(source, input, normalize, resize, valSplit, seed, testSource, stored, SoundOptions.WAVEFORM);
    }

    /** As above; a folder of WAV clips is read as {@code sound} says (waveform or spectrogram). */
    static Splits open(String source, Shape input, String normalize, ResizeMode resize, double valSplit, long seed,
                       String testSource, Preprocessing stored, SoundOptions sound) {
        DataOptions options = new DataOptions(resize, InputPreparation.scaling(normalize), valSplit, seed, testSource,
                Augmentation.NONE, sound);
        String preparation = DataSources.isSound(source) ? DataSources.soundPreparation(input, options)
                + " (--resize " + InputPreparation.resizeName(resize) + ")" : null;
        ChannelStats fixed = stored != null && stored.mean() != null && normalize.equals("standardize")
                ? new ChannelStats(stored.mean(), stored.std()) : null;
        LoadedData loaded = DataSources.open(source, input, options, fixed);
        if (normalize.equals("ink")) {
            return new Splits(InkDataset.of(loaded.train()), InkDataset.of(loaded.validation()),
                    InkDataset.of(loaded.test()), loaded, preparation);
        }
        return new Splits(loaded.train(), loaded.validation(), loaded.test(), loaded, preparation);
    }

    /** For sound, what each clip became (as the resize mode is stated for images); then the data line and skipped files. */
    static void report(Splits splits, PrintWriter out) {
        if (splits.preparation() != null) {
            out.println("sound: " + splits.preparation());
        }
        report(splits.loaded(), out);
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

    /** Up to eight class names, then how many there are in all: a damaged label file can claim hundreds. */
    static String someClasses(List<String> classes) {
        if (classes.size() <= 8) {
            return String.join(", ", classes);
        }
        return String.join(", ", classes.subList(0, 6)) + ", ..., " + classes.get(classes.size() - 1)
                + "; " + classes.size() + " in all";
    }

    /**
     * When the loss became NaN, the learning rate is the usual culprit, but a data file with a
     * value like 9.2e18 overflows at any rate: say so, with the value, when the prepared inputs
     * reach beyond +-1e6 (images and standardised data stay within a few units).
     */
    static String extremeValues(Dataset train, String source) {
        float[] sample = new float[Math.toIntExact(train.shape().count())];
        float largest = 0;
        for (int i = 0; i < train.size(); i++) {
            train.copySample(i, sample, 0);
            for (float v : sample) {
                largest = Math.max(largest, Math.abs(v));
            }
        }
        return largest > 1e6f ? String.format(java.util.Locale.ROOT, " Check %s too: its inputs reach %.3g, where"
                + " images and standardised data stay within a few units.", source, largest) : "";
    }
}
