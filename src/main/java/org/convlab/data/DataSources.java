package org.convlab.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;

/**
 * Opens a data source named the way the command line names it:
 * <ul>
 *   <li>a folder with one sub-folder per class (PNG, JPEG, BMP, GIF of any size);</li>
 *   <li>{@code idx:DIR}, MNIST-style IDX files, gzipped or not: {@code train-*} files train
 *       (minus the validation split), {@code t10k-*} files are the test set;</li>
 *   <li>{@code csv:FILE}, 1D signals, one row per sample: label then values (model input C x 1 x T);</li>
 *   <li>a folder with one sub-folder per class of WAV files ({@link SoundFolderSource}: a
 *       waveform for a 1 x 1 x N input, a spectrogram for 1 x H x W with the sound options).</li>
 * </ul>
 * Bad images are skipped and listed in {@link LoadedData#skipped()} (as are held-out samples of
 * classes the training set lacks); a broken IDX or CSV file, a source with nothing usable left,
 * or fewer than two classes, is refused with a {@link UserInputException}. The training
 * and validation splits are views of one array; validation and test use the training split's
 * normalisation.
 */
public final class DataSources {
    private DataSources() {}

    public static LoadedData open(String source, Shape modelInput, DataOptions options) {
        return open(source, modelInput, options, null);
    }

    /**
     * As {@link #open(String, Shape, DataOptions)}, but with {@code fixedStats} (when not null)
     * applied instead of the options' normalisation: to evaluate a trained model on new data
     * prepared exactly as its training data was.
     */
    public static LoadedData open(String source, Shape modelInput, DataOptions options, ChannelStats fixedStats) {
        if (source == null || source.isBlank()) {
            throw new UserInputException("no data source given: pass a folder, idx:DIR or csv:FILE");
        }
        if (fixedStats != null && fixedStats.mean().length != modelInput.channels()) {
            throw new IllegalArgumentException("normalisation has " + fixedStats.mean().length + " channels, the input "
                    + modelInput.channels());
        }
        List<SkippedFile> skipped = new ArrayList<>();
        ImageFolderSource.Result all = load(source, modelInput, options, null);
        skipped.addAll(all.skipped());
        ArrayDataset data = all.data();
        if (data.classes().size() < 2) {
            // what was left out may be why (an empty class folder, a class of unreadable images)
            throw new UserInputException(describe(source) + " has only one class (" + String.join(", ", data.classes())
                    + "): a classifier needs examples of at least 2 classes" + ImageFolderSource.summarise(skipped));
        }

        ArrayDataset test = null;
        if (options.testSource() != null) {
            ImageFolderSource.Result t = load(options.testSource(), modelInput, options, data.classes());
            skipped.addAll(t.skipped());
            test = t.data();
        } else if (source.startsWith("idx:")) {
            test = idxTest(Path.of(source.substring(4)), modelInput, options.resize(), data.classes(), skipped);
        }

        Splits.Split split = options.validationSplit() > 0
                ? Splits.stratified(data, options.validationSplit(), options.seed())
                : null;
        int[] trainIndices = split != null ? split.train() : allIndices(data.size());
        boolean pixels = !source.startsWith("csv:") && !isSound(source); // signals keep their values
        ChannelStats stats = fixedStats != null ? fixedStats
                : Normalizer.stats(options.normalization(), pixels, data, trainIndices);
        Normalizer.apply(stats, data);
        if (test != null) {
            Normalizer.apply(stats, test);
        }
        Dataset train = split != null ? new SubsetDataset(data, split.train()) : data;
        Dataset validation = split != null && split.validation().length > 0 ? new SubsetDataset(data, split.validation()) : null;
        return new LoadedData(train, validation, test, skipped, stats);
    }

    /** Whether {@code source} is a folder of WAV clips (read as sound, not images). */
    public static boolean isSound(String source) {
        return source != null && !source.startsWith("idx:") && !source.startsWith("csv:")
                && SoundFolderSource.holdsSound(Path.of(source));
    }

    /** For a sound source, one line saying what each clip became (the waveform's fitting or the spectrogram's). */
    public static String soundPreparation(Shape modelInput, DataOptions options) {
        return SoundClips.describe(modelInput, options.resize(), options.sound());
    }

    /** One source (training when {@code classes} is null, else a held-out set mapped onto those classes), not yet normalised. */
    static ImageFolderSource.Result load(String source, Shape shape, DataOptions options, List<String> classes) {
        ResizeMode mode = options.resize();
        if (isSound(source)) {
            return SoundFolderSource.load(Path.of(source), shape, mode, options.sound(), classes);
        }
        if (source.startsWith("idx:")) {
            Path dir = Path.of(source.substring(4));
            // a held-out IDX source means its t10k files when it has them
            IdxSource.Pair pair = classes != null ? IdxSource.find(dir, "t10k") : null;
            if (pair == null) {
                pair = IdxSource.find(dir, "train");
            }
            if (pair == null) {
                throw new UserInputException("IDX folder " + dir + " has no train-images / train-labels files");
            }
            return IdxSource.load(pair, shape, mode, classes);
        }
        if (source.startsWith("csv:")) {
            return CsvSource.load(Path.of(source.substring(4)), shape, classes);
        }
        return ImageFolderSource.load(Path.of(source), shape, mode, classes);
    }

    /** The t10k pair of an IDX folder as the test set; a broken pair is skipped with its reason, not fatal. */
    private static ArrayDataset idxTest(Path dir, Shape shape, ResizeMode mode, List<String> classes, List<SkippedFile> skipped) {
        IdxSource.Pair pair;
        try {
            pair = IdxSource.find(dir, "t10k");
        } catch (UserInputException e) {
            skipped.add(new SkippedFile(dir.toString(), "test set left out: " + e.getMessage()));
            return null;
        }
        if (pair == null) {
            return null;
        }
        try {
            ImageFolderSource.Result t = IdxSource.load(pair, shape, mode, classes);
            skipped.addAll(t.skipped());
            return t.data();
        } catch (UserInputException e) {
            skipped.add(new SkippedFile(pair.images().toString(), "test set left out: " + e.getMessage()));
            return null;
        }
    }

    private static String describe(String source) {
        return source.startsWith("idx:") || source.startsWith("csv:") ? source.substring(4) : source;
    }

    private static int[] allIndices(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }
}
