package org.convlab.trace;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the step-through writes a number: decimals with 2 places, or an exact fraction over the
 * conv's divisor ({@code 7/9}) when the normalized conv has whole-number inputs and weights.
 *
 * <p>Decimals can be CUT rather than rounded: the X/O slides print 5/9 = 0.555... as 0.55 and
 * 7/9 as 0.77 (rounded they would be 0.56 and 0.78). {@link #slides()} follows that convention so
 * the lesson shows the slides' numbers; {@link #decimals()} rounds half up, as everywhere else.
 */
public final class ValueFormat {
    private final boolean fractions;
    private final boolean cut;
    private final int places;

    private ValueFormat(boolean fractions, boolean cut, int places) {
        this.fractions = fractions;
        this.cut = cut;
        this.places = places;
    }

    /** 2 decimal places, rounded half up. */
    public static ValueFormat decimals() {
        return new ValueFormat(false, false, 2);
    }

    /** 2 decimal places cut toward zero, as the X/O slides print them (5/9 shows 0.55). */
    public static ValueFormat slides() {
        return new ValueFormat(false, true, 2);
    }

    /** Exact fractions over the divisor where the value is one (7/9), otherwise as {@link #slides()}. */
    public static ValueFormat fractions() {
        return new ValueFormat(true, true, 2);
    }

    public boolean showsFractions() {
        return fractions;
    }

    public boolean cuts() {
        return cut;
    }

    /** The same format with fractions switched on or off. */
    public ValueFormat withFractions(boolean on) {
        return new ValueFormat(on, cut, places);
    }

    /** A plain value, always as a decimal (2 places). */
    public String decimal(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            return Float.toString(value);
        }
        // Float.toString is the shortest decimal that reads back as this float, so 0.57f cuts to
        // 0.57 and not to 0.56 (its binary value is 0.5699999...).
        BigDecimal d = new BigDecimal(Float.toString(value))
                .setScale(places, cut ? RoundingMode.DOWN : RoundingMode.HALF_UP);
        if (d.signum() == 0) {
            d = d.abs(); // no "-0.00"
        }
        return d.toPlainString();
    }

    /**
     * A value that the engine computed as {@code numerator / divisor} (a normalized conv output):
     * {@code "5/9"} in fraction mode when the numerator is a whole number and the divisor is more
     * than 1, otherwise the decimal of {@code value}.
     */
    public String ratio(float numerator, int divisor, float value) {
        if (fractions && divisor > 1 && isWhole(numerator)) {
            return (long) numerator + "/" + divisor;
        }
        return decimal(value);
    }

    /** A number that is a whole number of units (pixels, weights, products, sums): "5", "-1", else decimals. */
    public String term(float value) {
        if (isWhole(value) && Math.abs(value) < 1e7f) {
            return Long.toString((long) value);
        }
        return decimal(value);
    }

    /**
     * {@code value} rounded half up to {@code digits} significant digits, read from its shortest
     * decimal ({@link Float#toString}) so a float never shows its binary tail: 0.030995 with 3
     * digits is 0.0310, 1/9 is 0.111, 1 is 1.00. Zero stays 0.
     */
    public static BigDecimal significant(float value, int digits) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            throw new IllegalArgumentException("not a number: " + value);
        }
        BigDecimal d = new BigDecimal(Float.toString(value));
        if (d.signum() == 0) {
            return BigDecimal.ZERO;
        }
        d = d.round(new java.math.MathContext(digits, RoundingMode.HALF_UP));
        // always the digits asked for: 1 prints 1.00 and 0.03 prints 0.0300, like 0.556
        return d.precision() < digits ? d.setScale(d.scale() + digits - d.precision()) : d;
    }

    /** A decimal as printed: no exponent, no "-0". */
    public static String plain(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    static boolean isWhole(float v) {
        return !Float.isNaN(v) && !Float.isInfinite(v) && v == Math.rint(v);
    }
}
