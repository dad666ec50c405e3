package org.convlab.ui.maps;

import org.convlab.trace.ValueFormat;

/** Short number text for map labels, legends and tooltips. */
final class MapText {
    private static final ValueFormat FORMAT = ValueFormat.decimals();

    private MapText() {}

    static String number(double v) {
        if (Math.abs(v) >= 1000) {
            return String.format("%.0f", v);
        }
        return FORMAT.decimal((float) v);
    }
}
