package org.convlab.io.pytorch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Python literals and comments for the generated files: strings, numbers, lists. */
final class PyText {
    private PyText() {}

    /** A Python string literal (double quotes; backslash, quotes and control characters escaped). */
    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static String list(List<String> items) {
        List<String> quoted = new ArrayList<>();
        for (String s : items) {
            quoted.add(string(s));
        }
        return "[" + String.join(", ", quoted) + "]";
    }

    /** A float list, each value as the shortest decimal that reads back as the same float. */
    static String floats(float[] values) {
        List<String> out = new ArrayList<>();
        for (float v : values) {
            out.add(number(v));
        }
        return "[" + String.join(", ", out) + "]";
    }

    /** A number as Python writes it: 0.1, 1e-05, 2.0. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return (long) v + ".0";
        }
        return Double.toString(v).replace("E", "e");
    }

    static String number(float v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return (long) v + ".0";
        }
        return Float.toString(v).replace("E", "e");
    }

    /** Text for a comment: one line, printable. */
    static String comment(String s) {
        return s.replaceAll("[\\p{Cntrl}]", "?");
    }

    /** Text inside the module's docstring: no line breaks, no closing triple quote, no stray backslash. */
    static String docSafe(String s) {
        return comment(s).replace("\\", "/").replace("\"\"\"", "'''");
    }
}
