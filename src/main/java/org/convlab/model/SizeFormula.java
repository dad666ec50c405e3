package org.convlab.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.convlab.UserInputException;

/**
 * The output-size rule {@code out = (N - F + 2P)/S + 1} with its arithmetic written out, and the
 * slides' refusal when a filter does not fit. F is the effective (dilated) kernel size.
 */
final class SizeFormula {
    private SizeFormula() {}

    /** One axis: the size and the written formula. */
    record Axis(long size, String formula) {}

    /**
     * A conv axis. A result that is not a whole number is accepted (floored, as PyTorch does)
     * only when the rows/columns left over are padding zeros; if real input would never be seen
     * the layer is refused with the arithmetic, e.g. {@code (7 - 3)/3 + 1 = 2.33}.
     */
    static Axis conv(String layer, String what, String input, long n, long f, long p, long s) {
        return conv(layer, what, input, n, f, p, s, false);
    }

    /** @param floorAlways floor without refusing (the layer's "floor" option) */
    static Axis conv(String layer, String what, String input, long n, long f, long p, long s, boolean floorAlways) {
        long span = span(n, f, p);
        if (span < 0) {
            throw new UserInputException(layer + ": " + what + " is larger than " + input
                    + (p > 0 ? " with its padding" : "") + ": " + text(n, f, p, s) + " = " + decimal(span, s)
                    + "; use a smaller kernel or more padding");
        }
        long rest = span % s;
        if (rest > p && !floorAlways) {
            String shown = p == 0 ? "(" + n + " - " + f + ")/" + s + " + 1" : text(n, f, p, s);
            throw new UserInputException(layer + ": " + what + " does not fit " + input + " at stride " + s + ": "
                    + shown + " = " + decimal(span, s) + " is not a whole number, so the last " + (rest - p)
                    + " input row(s)/column(s) would never be seen; change the stride, padding or kernel size");
        }
        long out = span / s + 1;
        return new Axis(out, rest == 0 ? text(n, f, p, s) + " = " + out : rounded("floor", n, f, p, s, out));
    }

    /** A pooling axis, floor or ceil mode with PyTorch's rule (the last window must start inside the input or left padding). */
    static Axis pool(String layer, String input, long n, long f, long p, long s, boolean ceil) {
        long span = span(n, f, p);
        if (span < 0) {
            throw new UserInputException(layer + ": the pooling window is larger than " + input + ": "
                    + text(n, f, p, s) + " = " + decimal(span, s));
        }
        if (span % s == 0) {
            return new Axis(span / s + 1, text(n, f, p, s) + " = " + (span / s + 1));
        }
        if (!ceil) {
            long out = span / s + 1;
            return new Axis(out, rounded("floor", n, f, p, s, out));
        }
        long out = Math.addExact(span, s - 1) / s + 1;
        if (Math.multiplyExact(out - 1, s) >= Math.addExact(n, p)) {
            out--;
        }
        return new Axis(out, rounded("ceil", n, f, p, s, out));
    }

    /**
     * A transposed-convolution axis: {@code o = s(i - 1) + a + k - 2p}, or with dilation d
     * {@code o = s(i - 1) + a + d(k - 1) + 1 - 2p} (a = output_padding), written out with the
     * numbers: {@code 2*(4 - 1) + 0 + 3 - 2*1 = 7}. An output of no rows is refused with the arithmetic.
     */
    static Axis convTranspose(String layer, String input, long i, long k, long p, long s, long a, long d) {
        long reach = Math.addExact(Math.multiplyExact(d, k - 1), 1); // d(k - 1) + 1, = k undilated
        long out = Math.subtractExact(Math.addExact(Math.addExact(Math.multiplyExact(s, i - 1), a), reach),
                Math.multiplyExact(2, p));
        String text = s + "*(" + i + " - 1) + " + a + " + " + (d == 1 ? Long.toString(k) : d + "*(" + k + " - 1) + 1")
                + " - 2*" + p + " = " + out;
        if (out < 1) {
            throw new UserInputException(layer + ": the padding " + p + " cuts away the whole output of " + input + ": "
                    + text + "; use less padding (at most " + Math.floorDiv(Math.addExact(Math.multiplyExact(s, i - 1),
                    Math.addExact(a, reach)) - 1, 2) + ")");
        }
        return new Axis(out, text);
    }

    /** An upsampling axis: {@code o = i * scale}, {@code 4*2 = 8}. */
    static Axis upsample(long i, long scale) {
        long out = Math.multiplyExact(i, scale);
        return new Axis(out, i + "*" + scale + " = " + out);
    }

    /** {@code N + 2P - F}, exact in longs ({@link ArithmeticException} past 2^63, which shape inference reports). */
    static long span(long n, long f, long p) {
        return Math.subtractExact(Math.addExact(n, Math.multiplyExact(2, p)), f);
    }

    /** {@code (N - F + 2*P)/S + 1} with numbers. */
    static String text(long n, long f, long p, long s) {
        return "(" + n + " - " + f + " + 2*" + p + ")/" + s + " + 1";
    }

    /** {@code floor((N - F + 2*P)/S) + 1 = out}. */
    static String rounded(String how, long n, long f, long p, long s, long out) {
        return how + "((" + n + " - " + f + " + 2*" + p + ")/" + s + ") + 1 = " + out;
    }

    /** {@code span/s + 1} to two decimals, without trailing zeros: 2.33, 2.5, 55. */
    static String decimal(long span, long s) {
        BigDecimal v = BigDecimal.valueOf(span).divide(BigDecimal.valueOf(s), 2, RoundingMode.HALF_UP).add(BigDecimal.ONE);
        return v.stripTrailingZeros().toPlainString();
    }

    /**
     * One formula for both axes when they agree, else both labelled; for a 1D signal (height 1
     * kept at 1 by a window of height 1, padding 0) only the width's.
     */
    static String join(Axis h, Axis w, boolean oneDimensional) {
        if (oneDimensional) {
            return w.formula();
        }
        return h.formula().equals(w.formula()) ? h.formula() : "H: " + h.formula() + "; W: " + w.formula();
    }
}
