package org.convlab.ui.maps;

import javafx.scene.paint.Color;

/**
 * A diverging colour map for signed values, safe for the common colour-vision deficiencies:
 * purple for negative, white for zero, orange for positive (ColorBrewer's PuOr), symmetric around
 * zero so equal magnitudes get equal strength. Text drawn on a cell picks black or white by
 * the cell's lightness.
 */
public final class ColorMap {
    // PuOr, 5 classes: strong purple, light purple, white, light orange, strong orange
    private static final Color[] STOPS = {
        Color.web("#5e3c99"), Color.web("#b2abd2"), Color.web("#f7f7f7"), Color.web("#fdb863"), Color.web("#e66101")
    };

    private ColorMap() {}

    /** The colour of {@code value} on a scale from {@code -limit} to {@code +limit}. */
    public static Color of(double value, double limit) {
        if (Double.isNaN(value)) {
            return Color.web("#9aa1ab");
        }
        double t = limit <= 0 ? 0 : Math.max(-1, Math.min(1, value / limit));
        double pos = (t + 1) * 2; // 0..4 over the five stops
        int i = Math.min(3, (int) Math.floor(pos));
        return STOPS[i].interpolate(STOPS[i + 1], pos - i);
    }

    /** Black or white, whichever reads better on {@code background}. */
    public static Color textOn(Color background) {
        double luminance = 0.2126 * background.getRed() + 0.7152 * background.getGreen() + 0.0722 * background.getBlue();
        return luminance < 0.55 ? Color.WHITE : Color.web("#1b1b1b");
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
