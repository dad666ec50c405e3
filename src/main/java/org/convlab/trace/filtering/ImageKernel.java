package org.convlab.trace.filtering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.convlab.UserInputException;

/**
 * A hand-made image-processing kernel, before ConvNets learned their own: the slides' Gaussian
 * blur and "a kind of edge detector", and the other classics. {@code weights} are row-major
 * {@code rows x cols}, written as image-processing texts print them; the engine slides them over
 * the image as they are (cross-correlation, what a ConvNet computes), and {@link #flipped()} turns
 * them 180 degrees for a true convolution ("to be more accurate, the kernel should be flipped").
 *
 * @param text the weights as typed or printed, e.g. {@code "1 2 1; 2 4 2; 1 2 1 / 16"}
 */
public record ImageKernel(String name, int rows, int cols, float[] weights, String text) {
    /** The largest side a typed kernel may have (a 31 x 31 kernel on a 600 x 400 photo is already slow to read). */
    public static final int MAX_SIDE = 31;

    public ImageKernel {
        weights = weights.clone();
        if (rows * cols != weights.length) {
            throw new IllegalArgumentException(rows + " x " + cols + " kernel with " + weights.length + " weights");
        }
    }

    @Override
    public float[] weights() {
        return weights.clone();
    }

    /** The weight at (row, col). */
    public float at(int row, int col) {
        return weights[row * cols + col];
    }

    /** Turned 180 degrees: what a true convolution slides over the image. */
    public ImageKernel flipped() {
        float[] f = new float[weights.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = weights[weights.length - 1 - i];
        }
        return new ImageKernel(name + ", flipped", rows, cols, f, text);
    }

    /** Whether turning it 180 degrees changes it (Sobel and emboss: yes; blur, sharpen, Laplacian: no). */
    public boolean asymmetric() {
        return !Arrays.equals(weights, flipped().weights);
    }

    /** The classic kernels, in the order the view offers them. */
    public static List<ImageKernel> classics() {
        return List.of(
                parse("identity", "0 0 0; 0 1 0; 0 0 0"),
                parse("box blur", "1 1 1; 1 1 1; 1 1 1 / 9"),
                parse("Gaussian blur 3x3", "1 2 1; 2 4 2; 1 2 1 / 16"),
                parse("Gaussian blur 5x5", "1 4 6 4 1; 4 16 24 16 4; 6 24 36 24 6; 4 16 24 16 4; 1 4 6 4 1 / 256"),
                parse("sharpen", "0 -1 0; -1 5 -1; 0 -1 0"),
                parse("Sobel x", "-1 0 1; -2 0 2; -1 0 1"),
                parse("Sobel y", "-1 -2 -1; 0 0 0; 1 2 1"),
                parse("Laplacian", "0 1 0; 1 -4 1; 0 1 0"),
                parse("emboss", "-2 -1 0; -1 1 1; 0 1 2"));
    }

    /** The classic kernel with this name (case does not matter), or a refusal listing them. */
    public static ImageKernel named(String name) {
        for (ImageKernel k : classics()) {
            if (k.name().equalsIgnoreCase(name.trim())) {
                return k;
            }
        }
        List<String> names = classics().stream().map(ImageKernel::name).toList();
        throw new UserInputException("kernel '" + name + "' is not one of " + String.join(", ", names)
                + "; or type the weights, e.g. \"1 2 1; 2 4 2; 1 2 1 / 16\"");
    }

    /**
     * A typed kernel: rows separated by {@code ;} or new lines, weights by spaces or commas, each a
     * number or a fraction ({@code 1/9}); an optional {@code / N} at the end divides them all. Every
     * row as long as the first, both sides odd (so the kernel has a centre pixel) and at most
     * {@value #MAX_SIDE}. A refusal is one line naming the row and the weight.
     */
    public static ImageKernel parse(String name, String text) {
        String body = text.trim();
        double scale = 1;
        int slash = body.lastIndexOf('/');
        // "... / 16" divides everything; "1/9" inside a row is a fraction: tell them apart by the space before it
        if (slash > 0 && Character.isWhitespace(body.charAt(slash - 1))) {
            String divisor = body.substring(slash + 1).trim();
            scale = number(divisor, "the divisor after '/'");
            if (scale == 0) {
                throw new UserInputException("kernel: the divisor after '/' is 0; a kernel cannot be divided by 0");
            }
            body = body.substring(0, slash).trim();
        }
        if (body.isEmpty()) {
            throw new UserInputException("kernel: no weights; type rows like \"1 2 1; 2 4 2; 1 2 1 / 16\"");
        }
        String[] lines = body.split("[;\\n]");
        List<float[]> rows = new ArrayList<>();
        for (int r = 0; r < lines.length; r++) {
            String line = lines[r].trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split("[\\s,]+");
            float[] row = new float[cells.length];
            for (int c = 0; c < cells.length; c++) {
                row[c] = (float) (number(cells[c], "row " + (rows.size() + 1) + ", weight " + (c + 1)) / scale);
            }
            if (!rows.isEmpty() && row.length != rows.get(0).length) {
                throw new UserInputException("kernel: row " + (rows.size() + 1) + " has " + row.length
                        + " weights, the first row has " + rows.get(0).length + "; every row needs the same number");
            }
            rows.add(row);
        }
        int h = rows.size();
        int w = rows.get(0).length;
        if (h % 2 == 0 || w % 2 == 0) {
            throw new UserInputException("kernel: " + h + " x " + w + " has no centre pixel; both sides must be odd"
                    + " (1, 3, 5, ...)");
        }
        if (h > MAX_SIDE || w > MAX_SIDE) {
            throw new UserInputException("kernel: " + h + " x " + w + " is larger than " + MAX_SIDE + " x " + MAX_SIDE);
        }
        float[] weights = new float[h * w];
        for (int r = 0; r < h; r++) {
            System.arraycopy(rows.get(r), 0, weights, r * w, w);
        }
        return new ImageKernel(name, h, w, weights, text.trim());
    }

    private static double number(String s, String where) {
        String t = s.trim();
        try {
            int slash = t.indexOf('/');
            double v;
            if (slash > 0) {
                double den = Double.parseDouble(t.substring(slash + 1));
                if (den == 0) {
                    throw new UserInputException("kernel: " + where + " is '" + t + "', a fraction over 0");
                }
                v = Double.parseDouble(t.substring(0, slash)) / den;
            } else {
                v = Double.parseDouble(t);
            }
            if (!Double.isFinite(v) || Math.abs(v) > 1e6) {
                throw new UserInputException("kernel: " + where + " is '" + t + "'; weights must be finite numbers"
                        + " between -1000000 and 1000000");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UserInputException("kernel: " + where + " is '" + t + "', not a number (write 2, -0.5 or 1/9)");
        }
    }

    @Override
    public String toString() {
        return name + " (" + rows + "x" + cols + ")";
    }

    /** The weights as rows of text, e.g. "-1 0 1 / -2 0 2 / ...", shortest decimals. */
    public String grid() {
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                float v = at(r, c);
                b.append(c == 0 ? "" : " ").append(v == Math.rint(v) ? Long.toString((long) v)
                        : String.format(Locale.ROOT, "%.4g", v));
            }
            b.append(r == rows - 1 ? "" : "\n");
        }
        return b.toString();
    }
}
