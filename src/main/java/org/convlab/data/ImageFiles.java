package org.convlab.data;

import java.nio.file.Path;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;

/**
 * One image file read exactly as a training image is ({@link ImageDecoder}: grey samples as
 * stored, colour to grey by luminance, resized by a {@link ResizeMode} with area averaging),
 * values in [0,1]. For {@code forward}, {@code grad} and the app, so that a single image and a
 * data set of the same files give the model the same numbers.
 */
public final class ImageFiles {
    private ImageFiles() {}

    /** The image in the model's input shape, and its size as stored. */
    public record Image(float[] values, int width, int height) {}

    /** @throws UserInputException naming the file when it is not a usable image */
    public static Image read(Path file, Shape shape, ResizeMode mode) {
        ImageDecoder decoder = new ImageDecoder(shape, mode);
        try {
            float[] out = org.convlab.MemoryGuard.floats(shape.size(), "the input image " + file.getFileName(), null);
            String problem = decoder.decode(file, out, 0);
            if (problem != null) {
                String name = file.getFileName().toString();
                throw new UserInputException(problem.startsWith("not an image")
                        ? name + " is " + problem + ", nor a .json or .npy tensor" : name + ": " + problem);
            }
            return new Image(out, decoder.lastWidth(), decoder.lastHeight());
        } finally {
            decoder.close();
        }
    }
}
