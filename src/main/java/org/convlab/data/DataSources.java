package org.convlab.data;

import org.convlab.UserInputException;
import org.convlab.engine.Shape;

/**
 * Opens a data source named the way the command line names it:
 * <ul>
 *   <li>a folder with one sub-folder per class (PNG, JPEG, BMP, GIF of any size);</li>
 *   <li>{@code idx:DIR}, MNIST-style IDX files, gzipped or not: {@code train-*} files train
 *       (minus the validation split), {@code t10k-*} files are the test set;</li>
 *   <li>{@code csv:FILE}, 1D signals, one row per sample: label then values (model input C x 1 x T).</li>
 * </ul>
 * Bad files are skipped and listed in {@link LoadedData#skipped()}; a source with nothing usable
 * left, or fewer than two classes, is refused with a {@link UserInputException}.
 */
public final class DataSources {
    private DataSources() {}

    public static LoadedData open(String source, Shape modelInput, DataOptions options) {
        throw new UserInputException("data sources are not built yet: " + source);
    }
}
