package org.convlab.ui.maps;

import javafx.scene.paint.Color;

/**
 * A diverging colour map for signed values, safe for the common colour-vision deficiencies:
 * purple for negative, white for zero, orange for positive (ColorBrewer's PuOr), symmetric around
 * zero so equal magnitudes get equal strength. Text drawn on a cell picks black or white by
 * the cell's lightness.
 */
public final class ColorMap {

    private ColorMap() {}

    /** The colour of {@code value} on a scale from {@code -limit} to {@code +limit}. */
    public static Color of(double value, double limit) {
        return org.convlab.ui.Theme.diverging(value, limit);
    }

    /** Black or white, whichever reads better on {@code background}. */
    public static Color textOn(Color background) {
        return org.convlab.ui.Theme.textOn(background);
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
}
