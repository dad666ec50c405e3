package org.convlab.data;

import java.util.Locale;
import org.convlab.UserInputException;

/**
 * Random changes applied to training samples as batches are built, drawn per (seed, epoch,
 * sample index) so a run is repeatable: a shift of up to {@code maxShift} pixels each way, a
 * mirror image with probability 1/2 when {@code horizontalFlip}, a rotation of up to
 * {@code maxRotationDegrees} either way. Pixels moved in from outside take the sample's border colour.
 */
public record Augmentation(int maxShift, boolean horizontalFlip, double maxRotationDegrees) {
    /** No augmentation. */
    public static final Augmentation NONE = new Augmentation(0, false, 0);

    /**
     * The largest shift of any input: beyond it every pixel of the largest inputs ConvLab trains
     * on would come from outside (and a shift near 2^31 overflowed the random draw).
     */
    public static final int MAX_SHIFT = 1024;
    /** The largest rotation either way: beyond 180 degrees the angles repeat. */
    public static final double MAX_ROTATION = 180;

    public Augmentation {
        if (maxShift < 0 || maxShift > MAX_SHIFT) {
            throw new UserInputException("augmentation shift must be between 0 and " + MAX_SHIFT + " pixels, got " + maxShift);
        }
        if (!(maxRotationDegrees >= 0 && maxRotationDegrees <= MAX_ROTATION)) {
            throw new UserInputException("augmentation rotation must be between 0 and 180 degrees, got " + maxRotationDegrees);
        }
    }

    /**
     * The largest shift that leaves some of an input of {@code height x width} in view: less than
     * its width, and less than its height too unless it is one row (a 1D signal shifts along x only).
     */
    public static int maxShiftFor(int height, int width) {
        int size = height == 1 ? width : Math.min(height, width);
        return Math.max(0, Math.min(MAX_SHIFT, size - 1));
    }

    /** Refuses a shift that would move a whole {@code height x width} input out of view; {@code field} names the option. */
    public void requireFits(int height, int width, String field) {
        int max = maxShiftFor(height, width);
        if (maxShift > max) {
            throw new UserInputException(field + " shift:" + maxShift + " is too large for the model's input of "
                    + height + "x" + width + " pixels: use shift:0.." + max);
        }
    }

    /** True when this changes nothing. */
    public boolean isNone() {
        return maxShift == 0 && !horizontalFlip && maxRotationDegrees == 0;
    }

    /**
     * Reads the written form used by {@code train --augment} and the dashboard: {@code none}, or a
     * comma list of {@code shift:PIXELS}, {@code flip}, {@code rotate:DEGREES}. {@code field}
     * names the option or field in the error message.
     */
    public static Augmentation parse(String text, String field) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("none")) {
            return Augmentation.NONE;
        }
        int shift = 0;
        boolean flip = false;
        double rotate = 0;
        for (String part : text.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.equals("flip")) {
                flip = true;
            } else if (p.startsWith("shift:")) {
                String n = p.substring(6).trim();
                if (!n.matches("\\+?\\d{1,9}") || Integer.parseInt(n.replace("+", "")) > MAX_SHIFT) {
                    throw new UserInputException(field + " '" + part.trim() + "': the shift must be a whole number of pixels"
                            + " between 0 and " + MAX_SHIFT + " (and less than the input's size)");
                }
                shift = Integer.parseInt(n.replace("+", ""));
            } else if (p.startsWith("rotate:")) {
                String n = p.substring(7).trim();
                double v = n.matches("\\+?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?") ? Double.parseDouble(n) : Double.NaN;
                if (!(v >= 0 && v <= MAX_ROTATION)) {
                    throw new UserInputException(field + " '" + part.trim() + "': the rotation must be a number of degrees"
                            + " between 0 and 180");
                }
                rotate = v;
            } else {
                throw new UserInputException(field + ": cannot read '" + part.trim()
                        + "': use a comma list of shift:PIXELS, flip, rotate:DEGREES (for example shift:2,flip,rotate:10) or none");
            }
        }
        return new Augmentation(shift, flip, rotate);
    }
}
