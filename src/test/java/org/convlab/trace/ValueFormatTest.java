package org.convlab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The slides cut to 2 decimals (5/9 prints 0.55, 7/9 prints 0.77); elsewhere values are rounded. */
class ValueFormatTest {
    @Test
    void slidesCutTowardZero() {
        ValueFormat slides = ValueFormat.slides();
        assertEquals("0.55", slides.decimal(5 / 9f));
        assertEquals("0.77", slides.decimal(7 / 9f));
        assertEquals("-0.11", slides.decimal(-1 / 9f));
        assertEquals("1.00", slides.decimal(9 / 9f));
        assertEquals("0.57", slides.decimal(0.57f)); // its binary value is just below 0.57
        assertEquals("0.00", slides.decimal(-0.001f));
    }

    @Test
    void decimalsRound() {
        ValueFormat d = ValueFormat.decimals();
        assertEquals("0.56", d.decimal(5 / 9f));
        assertEquals("0.78", d.decimal(7 / 9f));
        assertEquals("-0.78", d.decimal(-7 / 9f));
        assertEquals("0.00", d.decimal(-0.0f));
    }

    @Test
    void fractionsOnlyForWholeNumerators() {
        ValueFormat f = ValueFormat.fractions();
        assertEquals("7/9", f.ratio(7f, 9, 7 / 9f));
        assertEquals("-3/9", f.ratio(-3f, 9, -3 / 9f));
        assertEquals("0.50", f.ratio(4.5f, 9, 0.5f)); // not a whole numerator: decimals
        assertEquals("3.00", f.ratio(3f, 1, 3f)); // no divisor to show
        assertEquals("0.55", ValueFormat.slides().ratio(5f, 9, 5 / 9f));
    }

    @Test
    void termsAreWholeNumbersWhenTheyCanBe() {
        ValueFormat d = ValueFormat.decimals();
        assertEquals("-1", d.term(-1f));
        assertEquals("0.25", d.term(0.25f));
    }
}
