package org.convlab.ui.stepper;

import org.convlab.ui.maps.ColorMap;

/** Colour scale limits for derived grids: products can reach max|weight| x max|input|. */
final class ColorLimit {
    private ColorLimit() {}

    static double of(float[] weights, float[] inputs) {
        return ColorMap.limit(weights) * ColorMap.limit(inputs);
    }
}
