package org.convlab.ui.maps;

import javafx.scene.paint.Color;
import org.convlab.ui.Theme;

/**
 * The maps' side of {@link Theme}'s palette: which of its two colour maps a set of values takes,
 * and the scale it is drawn on. Signed values take the diverging map (purple, white at zero,
 * orange) on a scale symmetric around zero; values that cannot be negative take the sequential
 * one from 0. Colours themselves come from Theme only.
 */
public final class ColorMap {

    private ColorMap() {}

    /** The diverging colour of {@code value} on a scale from {@code -limit} to {@code +limit}. */
    public static Color of(double value, double limit) {
        return Theme.diverging(value, limit);
    }

    /** The sequential colour of a non-negative {@code value} on a scale from 0 to {@code max}. */
    public static Color sequential(double value, double max) {
        return Theme.sequential(value, max);
    }

    /** Black or white, whichever reads better on {@code background}. */
    public static Color textOn(Color background) {
        return Theme.textOn(background);
    }

    /** The largest magnitude in the values (at least a tiny positive number, so a map of zeros is white). */
    public static double limit(float[] values) {
        double m = 0;
        for (float v : values) {
            if (!Float.isNaN(v) && !Float.isInfinite(v)) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m == 0 ? 1e-9 : m;
    }

    /** True when no value is negative (NaN ignored): such values can take the sequential map. */
    public static boolean nonNegative(float[] values) {
        for (float v : values) {
            if (v < 0) {
                return false;
            }
        }
        return true;
    }
}
