package org.convlab.data.input;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;

/**
 * An image file (PNG, JPEG, BMP, GIF through javax.imageio) as one input sample: converted to
 * the model's channels (grey from RGB by luminance, grey copied to every channel of an RGB
 * model; transparent pixels composed over white), resized bilinearly to the model's height and
 * width when they differ (with a note), then scaled by a {@link PixelScale}.
 */
final class ImageInput {
    private ImageInput() {}

    static float[] read(Path file, Shape expected, PixelScale scale, Consumer<String> notes) {
        String name = file.getFileName().toString();
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new UserInputException("cannot read image " + name + ": " + e.getMessage());
        }
        if (image == null) {
            throw new UserInputException(name + " is not an image ConvLab can read (PNG, JPEG, BMP or GIF),"
                    + " nor a .json or .npy tensor");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int channels = expected.channels();
        if (channels != 1 && channels != 3) {
            throw new UserInputException(name + " is an image, but the model's input has " + channels
                    + " channels (images give 1 or 3): pass a .json or .npy tensor instead");
        }
        // planes[c][y*w+x] in 0..255, before resizing
        float[][] planes = new float[channels][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                float a = ((argb >>> 24) & 0xff) / 255f;
                float r = over(((argb >> 16) & 0xff), a);
                float g = over(((argb >> 8) & 0xff), a);
                float b = over((argb & 0xff), a);
                if (channels == 1) {
                    // rounded to 8 bits so that pure black and white map exactly to the scale's ends
                    planes[0][y * w + x] = Math.round(0.299f * r + 0.587f * g + 0.114f * b);
                } else {
                    planes[0][y * w + x] = Math.round(r);
                    planes[1][y * w + x] = Math.round(g);
                    planes[2][y * w + x] = Math.round(b);
                }
            }
        }
        int oh = expected.height();
        int ow = expected.width();
        if (oh != h || ow != w) {
            notes.accept("note: " + name + " is " + w + "x" + h + " pixels; resized to " + ow + "x" + oh
                    + " (the model's input)");
        }
        float[] out = new float[channels * oh * ow];
        for (int c = 0; c < channels; c++) {
            Resize.bilinear(out, c * oh * ow, planes[c], h, w, oh, ow);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = scale.apply(out[i]);
        }
        return out;
    }

    /** A colour value composed over a white background with alpha a. */
    private static float over(int value, float a) {
        return value * a + 255f * (1f - a);
    }
}
