package org.convlab.trace.filtering;

import java.util.ArrayList;
import java.util.List;
import org.convlab.MemoryGuard;
import org.convlab.UserInputException;
import org.convlab.engine.Conv2d;
import org.convlab.engine.Conv2dReference;
import org.convlab.engine.ConvGeometry;

/**
 * A hand-made kernel on a photo, computed by the engine's own conv kernels (issue 16, "image
 * processing came first"): each channel filtered on its own ({@link Channels#EACH}: the photo's
 * channels become a batch of one-channel images), or the photo's channels as the conv's input
 * channels ({@link Channels#SUMMED}: one output map, the sum over R, G and B, as a ConvNet's first
 * layer adds its channels). No divisor: the kernel's own weights say how much each pixel counts
 * (the blurs carry their 1/9 and 1/16). Stride and zero padding as in a conv layer; the last
 * partial window is dropped, as {@code (h + 2p - k)/s + 1} rounded down says.
 */
public final class ImageFiltering {
    /** How the photo's channels meet the kernel. */
    public enum Channels { EACH, SUMMED }

    private ImageFiltering() {}

    /**
     * The filtered image and how it was made.
     *
     * @param formula the output size worked out, e.g. {@code "(512 - 3 + 2*1)/1 + 1 = 512"} (height; the
     *                width's when it differs follows after a comma)
     */
    public record Result(float[] values, int channels, int height, int width, ImageKernel applied, String formula,
                         ConvGeometry geometry) {
    }

    /** One term of a result pixel's window: the pixel under the weight, the weight, their product, the running sum. */
    public record Term(int channel, int row, int col, float pixel, float weight, float sum) {
    }

    /**
     * Filters {@code image} [channels x height x width] with {@code kernel} (turned 180 degrees first
     * when {@code flip}: a true convolution), at {@code stride} with {@code padding} zeros around.
     */
    public static Result apply(float[] image, int channels, int height, int width, ImageKernel kernel, boolean flip,
                               int stride, int padding, Channels mode) {
        ConvGeometry g = geometry(channels, height, width, kernel, stride, padding, mode);
        ImageKernel k = flip ? kernel.flipped() : kernel;
        float[] w = weights(k, mode == Channels.SUMMED ? channels : 1);
        long outputs = (long) g.batch() * g.outHeight() * g.outWidth();
        float[] y = MemoryGuard.floats(outputs, "the filtered image", "use a smaller photo or a larger stride");
        Conv2d.forward(y, image, w, null, g);
        return new Result(y, g.batch(), g.outHeight(), g.outWidth(), k, formula(height, width, kernel, stride, padding), g);
    }

    /**
     * How result pixel (row, col) of output channel {@code channel} was computed, term by term in the
     * engine's reference order (padding zeros add nothing and are left out), ending in its value.
     */
    public static List<Term> window(float[] image, Result r, int channel, int row, int col) {
        List<Term> terms = new ArrayList<>();
        ConvGeometry g = r.geometry();
        // each channel on its own: the channels are the batch; summed: one image whose channels all count
        boolean each = g.inChannels() == 1;
        float[] w = weights(r.applied(), g.inChannels());
        Conv2dReference.outputAt(image, w, null, g, each ? channel : 0, 0, row, col,
                (c, i, j, ih, iw, pixel, weight, sum) -> terms.add(new Term(each ? channel : c, ih, iw, pixel, weight, sum)));
        return terms;
    }

    private static ConvGeometry geometry(int channels, int height, int width, ImageKernel k, int stride, int padding,
                                         Channels mode) {
        if (stride < 1 || padding < 0) {
            throw new UserInputException("stride must be 1 or more and padding 0 or more, got stride " + stride
                    + ", padding " + padding);
        }
        long paddedHeight = height + 2L * padding;
        long paddedWidth = width + 2L * padding;
        if (paddedHeight < k.rows() || paddedWidth < k.cols()) {
            throw new UserInputException("the " + k.rows() + "x" + k.cols() + " kernel is larger than the "
                    + height + "x" + width + " image with padding " + padding + ": " + formula(height, width, k, stride, padding));
        }
        if (paddedHeight > Integer.MAX_VALUE || paddedWidth > Integer.MAX_VALUE) {
            throw new UserInputException("padding " + padding + " makes the image larger than one tensor can hold");
        }
        return mode == Channels.EACH
                ? new ConvGeometry(channels, 1, height, width, 1, k.rows(), k.cols(), stride, padding, padding, 1, 1)
                : new ConvGeometry(1, channels, height, width, 1, k.rows(), k.cols(), stride, padding, padding, 1, 1);
    }

    /** The kernel as conv weights [1, channels, rows, cols]: the same kernel on every input channel. */
    private static float[] weights(ImageKernel k, int channels) {
        float[] one = k.weights();
        float[] w = new float[one.length * channels];
        for (int c = 0; c < channels; c++) {
            System.arraycopy(one, 0, w, c * one.length, one.length);
        }
        return w;
    }

    /** {@code (h - k + 2*p)/s + 1 = o}, rounded down where the windows do not tile, for rows then columns. */
    static String formula(int height, int width, ImageKernel k, int stride, int padding) {
        String rows = side(height, k.rows(), stride, padding);
        String cols = side(width, k.cols(), stride, padding);
        return rows.equals(cols) ? rows : "rows " + rows + ", columns " + cols;
    }

    private static String side(int in, int kernel, int stride, int padding) {
        long span = in + 2L * padding - kernel;
        String text = "(" + in + " - " + kernel + " + 2*" + padding + ")/" + stride + " + 1";
        if (span < 0) {
            return text + " < 1";
        }
        return span % stride == 0 ? text + " = " + (span / stride + 1)
                : "floor" + text + " = " + (span / stride + 1) + " (the last " + span % stride + " row(s) dropped)";
    }
}
