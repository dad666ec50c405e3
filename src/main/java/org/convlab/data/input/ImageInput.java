package org.convlab.data.input;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.convlab.UserInputException;
import org.convlab.data.ImageFiles;
import org.convlab.data.ResizeMode;
import org.convlab.engine.Shape;

/**
 * An image file (PNG, JPEG, BMP, GIF) as one input sample, read the way training images are
 * ({@link ImageFiles}: the model's channels, grey samples as stored, colour to grey by
 * luminance, transparent pixels over white, resized by the {@link ResizeMode} with a note when
 * the size differs), then scaled by a {@link PixelScale}.
 */
final class ImageInput {
    private ImageInput() {}

    static float[] read(Path file, Shape expected, PixelScale scale, ResizeMode resize, Consumer<String> notes) {
        String name = file.getFileName().toString();
        int channels = expected.channels();
        if (channels != 1 && channels != 3) {
            throw new UserInputException(name + " is an image, but the model's input has " + channels
                    + " channels (images give 1 or 3): pass a .json or .npy tensor instead");
        }
        ImageFiles.Image image = ImageFiles.read(file, expected, resize);
        if (image.width() != expected.width() || image.height() != expected.height()) {
            notes.accept("note: " + name + " is " + image.width() + "x" + image.height() + " pixels; resized to "
                    + expected.width() + "x" + expected.height() + " (the model's input, " + describe(resize) + ")");
        }
        float[] out = image.values();
        for (int i = 0; i < out.length; i++) {
            out[i] = scale.fromUnit(out[i]);
        }
        return out;
    }

    private static String describe(ResizeMode mode) {
        return switch (mode) {
            case STRETCH -> "stretched";
            case CENTER_CROP -> "centre cropped";
            default -> "fitted and padded";
        };
    }
}
