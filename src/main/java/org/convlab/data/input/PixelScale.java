package org.convlab.data.input;

import java.util.Locale;
import org.convlab.UserInputException;

/**
 * How an image's 8-bit pixels become input values. Tensors from JSON or .npy files are taken as
 * they are; only images need a convention.
 */
public enum PixelScale {
    /** value / 255: black 0, white 1 (MNIST and Fashion-MNIST use this: bright ink on black). */
    UNIT,
    /** value / 127.5 - 1: black -1, white +1. */
    SIGNED,
    /**
     * The X/O slides' convention for black-on-white drawings: dark ink +1, white background -1
     * (1 - value / 127.5), so the sample images of {@code sample-images/xo} read back exactly.
     */
    INK;

    /** Maps one value on the 0..1 scale (0 black, 1 white). */
    public float fromUnit(float v) {
        return switch (this) {
            case UNIT -> v;
            case SIGNED -> 2f * v - 1f;
            case INK -> 1f - 2f * v;
        };
    }

    /** Parses {@code unit}, {@code signed} or {@code ink} (the CLI's {@code --pixels}). */
    public static PixelScale parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("unknown pixel scale '" + text + "': use unit ([0,1]), signed ([-1,1]) or ink (dark +1, white -1)");
        }
    }
}
