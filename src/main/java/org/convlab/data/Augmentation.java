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

    public Augmentation {
        if (maxShift < 0) {
            throw new UserInputException("augmentation shift must be 0 or more pixels, not " + maxShift);
        }
        if (!(maxRotationDegrees >= 0 && maxRotationDegrees <= 180)) {
            throw new UserInputException("augmentation rotation must be between 0 and 180 degrees, not " + maxRotationDegrees);
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
            try {
                if (p.equals("flip")) {
                    flip = true;
                } else if (p.startsWith("shift:")) {
                    shift = Integer.parseInt(p.substring(6));
                } else if (p.startsWith("rotate:")) {
                    rotate = Double.parseDouble(p.substring(7));
                } else {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new UserInputException(field + ": cannot read '" + part
                        + "': use a comma list of shift:PIXELS, flip, rotate:DEGREES (for example shift:2,flip,rotate:10) or none");
            }
        }
        return new Augmentation(shift, flip, rotate);
    }
}
