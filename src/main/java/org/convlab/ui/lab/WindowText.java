package org.convlab.ui.lab;

import java.util.List;
import java.util.Locale;
import org.convlab.trace.filtering.ImageFiltering.Term;

/**
 * A result pixel's arithmetic as text, from the terms of the engine's reference loop
 * ({@code ImageFiltering.window}): for one channel the products row by row ("0.502×-1"), then the
 * sum; a window over several channels (channels summed) gives each channel's partial sum, then the
 * total, so a 5x5 kernel on RGB stays a few lines. Padding zeros add nothing and are not listed.
 */
final class WindowText {
    private static final String[] RGB = {"R", "G", "B"};

    private WindowText() {}

    static String of(List<Term> terms, int channels, int kernelCols, boolean summed, int outRow, int outCol,
                     int outChannel) {
        StringBuilder b = new StringBuilder();
        b.append("result (row ").append(outRow).append(", col ").append(outCol).append(')');
        if (!summed && channels > 1) {
            b.append(", channel ").append(name(outChannel, channels));
        }
        b.append(" = ");
        if (terms.isEmpty()) {
            return b.append("0 (the window covers only padding zeros)").toString();
        }
        float total = terms.get(terms.size() - 1).sum();
        b.append(number(total)).append('\n');
        if (summed && channels > 1) {
            float before = 0;
            int first = terms.get(0).channel();
            for (int c = first; c < channels; c++) {
                float partial = before;
                int n = 0;
                for (Term t : terms) {
                    if (t.channel() == c) {
                        partial = t.sum();
                        n++;
                    }
                }
                b.append("  ").append(name(c, channels)).append(": ").append(n).append(" products, sum ")
                        .append(number(partial - before)).append('\n');
                before = partial;
            }
            b.append("  R + G + B = ").append(number(total)).append("\n  ").append(name(first, channels))
                    .append(" window, pixel × weight:\n");
        } else {
            b.append("  pixel × weight:\n");
        }
        int channel = terms.get(0).channel();
        int row = Integer.MIN_VALUE;
        int inRow = 0;
        for (Term t : terms) {
            if (t.channel() != channel) {
                break;
            }
            if (t.row() != row) {
                b.append(row == Integer.MIN_VALUE ? "  " : "\n  ");
                row = t.row();
                inRow = 0;
            }
            b.append(inRow++ == 0 ? "" : " + ").append(number(t.pixel())).append('×').append(number(t.weight()));
        }
        return b.toString();
    }

    private static String name(int c, int channels) {
        return channels == 3 ? RGB[c] : Integer.toString(c);
    }

    static String number(float v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
