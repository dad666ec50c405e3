package org.convlab.ui.stepper;

import org.convlab.ui.maps.ColorMap;

/** One colour scale for a map and what is computed from it, so equal values look equal. */
final class ValueGridLimit {
    private ValueGridLimit() {}

    static double of(float[] source) {
        return ColorMap.limit(source);
    }
}
