package org.convlab.data.input;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import org.convlab.UserFiles;
import org.convlab.UserInputException;
import org.convlab.data.ResizeMode;
import org.convlab.data.SoundClips;
import org.convlab.engine.Shape;

/**
 * Reads one input sample for {@code forward}, {@code grad} and the app: an image (PNG, JPEG,
 * BMP, GIF), a WAV clip ({@link SoundClips}), a JSON tensor {@code {"shape": [C, H, W], "data": [...]}} or a NumPy {@code .npy}
 * float32 array. Tensors must match the model's input shape (sizes of 1 may be added or left
 * out: [1, C, H, W], [H, W] for one channel); images are converted and resized to it.
 */
public final class InputFile {
    private InputFile() {}

    /**
     * Returns the sample as C*H*W floats, row major.
     *
     * @param expected the model's input shape
     * @param scale    how image pixels map to values (ignored for tensors)
     * @param notes    receives one-line notes for the user (e.g. that an image was resized)
     * @throws UserInputException naming the file on a missing file, unreadable content or a shape mismatch
     */
    public static float[] read(Path file, Shape expected, PixelScale scale, Consumer<String> notes) {
        return read(file, expected, scale, ResizeMode.FIT_PAD, notes);
    }

    /** As above, images of another size resized by {@code resize} (training's default is FIT_PAD). */
    public static float[] read(Path file, Shape expected, PixelScale scale, ResizeMode resize, Consumer<String> notes) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new UserInputException("input file not found: " + file);
        }
        // only regular files: a named pipe would block forever, /dev/zero never ends
        UserFiles.requireReadableFile(file, "single image or tensor file");
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return JsonTensorInput.read(file, expected);
        }
        if (lower.endsWith(".npy")) {
            return NpyInput.read(file, expected);
        }
        if (SoundClips.isWav(file)) {
            return SoundClips.readInput(file, expected, resize, notes);
        }
        return ImageInput.read(file, expected, scale, resize, notes);
    }

    /** Whether {@code file} is read as an image (so pixel conventions apply), not as a tensor. */
    public static boolean isImage(Path file) {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !lower.endsWith(".json") && !lower.endsWith(".npy");
    }
}
