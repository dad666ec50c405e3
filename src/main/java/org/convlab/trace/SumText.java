package org.convlab.trace;

import java.util.List;

/**
 * The arithmetic of a {@link ConvStep} written out the way the slides write it:
 * {@code 1 + 1 - 1 + 1 + 1 + 1 - 1 + 1 + 1 = 5}, then {@code 5 / 9 = 0.55} (the X/O normalize)
 * or {@code 2.40 + 0.10 = 2.50} (a bias). Padding cells appear as 0 terms.
 */
public final class SumText {
    private SumText() {}

    /** One channel's products added up: {@code "1 + 1 - 1 ... = 5"}. */
    public static String channel(ChannelSum c, ValueFormat f) {
        StringBuilder s = new StringBuilder();
        List<ConvTerm> terms = c.terms();
        for (int k = 0; k < terms.size(); k++) {
            appendTerm(s, terms.get(k).product(), k == 0, f);
        }
        return s.append(" = ").append(f.term(c.partialSum())).toString();
    }

    /** With several input channels, the partial sums added: {@code "3 + -1 + 2 = 4"} written {@code 3 - 1 + 2 = 4}. */
    public static String total(ConvStep step, ValueFormat f) {
        StringBuilder s = new StringBuilder();
        List<ChannelSum> channels = step.channels();
        for (int k = 0; k < channels.size(); k++) {
            appendTerm(s, channels.get(k).partialSum(), k == 0, f);
        }
        return s.append(" = ").append(f.term(step.sum())).toString();
    }

    /**
     * The last line: {@code "5 / 9 = 0.55"} for a normalized conv, {@code "5 + 0.10 = 5.10"} with a bias,
     * both when the conv has both, or just {@code "= 5"}.
     */
    public static String finish(ConvStep step, ValueFormat f) {
        StringBuilder s = new StringBuilder(f.term(step.sum()));
        if (step.divisor() > 1) {
            s.append(" / ").append(step.divisor());
        }
        if (step.hasBias()) {
            s.append(step.bias() < 0 ? " - " : " + ").append(f.term(Math.abs(step.bias())));
        }
        return s.append(" = ").append(step.valueText(f)).toString();
    }

    private static void appendTerm(StringBuilder s, float v, boolean first, ValueFormat f) {
        boolean negative = v < 0;
        if (first) {
            s.append(negative ? "-" : "");
        } else {
            s.append(negative ? " - " : " + ");
        }
        s.append(f.term(Math.abs(v)));
    }
}
