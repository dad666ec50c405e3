package org.convlab.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convlab.MemoryGuard;
import org.convlab.UserFiles;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;

/**
 * 1D signals in CSV, one sample per line: the class label (a whole number from 0 to
 * {@value #MAX_LABEL}), then the values, C x T of them for a model input of C x 1 x T (channel
 * after channel). A first line that does not start with a number is a header and is passed over;
 * blank lines are too. Any other line that cannot be a sample (a label that is not a class
 * number, a value that is not a finite number, a row of the wrong length) refuses the file,
 * naming the line and the value: a data set that silently loses rows trains on something else
 * than the user thinks. Only a held-out set may hold classes the training data lacks; those rows
 * are skipped and listed. The file is read twice (count, then fill) so the values go straight
 * into an array of the final size, and no line may be longer than its values need.
 */
final class CsvSource {
    /**
     * The largest class number: at most 1,000 classes, as many as ImageNet has. More would be a
     * value column read as a label, and a confusion matrix no one can read or hold.
     */
    static final int MAX_LABEL = 999;
    /** Characters one value may take in a line (a double written in full is about 25). */
    static final int CHARS_PER_VALUE = 64;
    /** The shortest line limit, so a short row with a long header line still reads. */
    private static final int MIN_LINE = 1 << 16;

    /** How NaN and infinity are written by Java, Python, NumPy and spreadsheets. */
    private static final java.util.regex.Pattern NON_FINITE =
            java.util.regex.Pattern.compile("(?i)[+-]?(nan|inf|infinity|#num!)");

    private CsvSource() {}

    static ImageFolderSource.Result load(Path file, Shape shape, List<String> knownClasses) {
        long length = UserFiles.requireReadableFile(file, "CSV file");
        int expected = shape.size();
        int limit = lineLimit(expected, length);
        String why = "a row holds a label and the " + MemoryGuard.count(expected) + " values of the model's input "
                + shape;
        MemoryGuard.require(MemoryGuard.times(limit, 8), "reading a line of " + file, null);
        long lines = countDataLines(file, limit, why);
        if (lines == 0) {
            throw new UserInputException(file + " is empty: a CSV of 1D signals holds one row per sample,"
                    + " the class label (0, 1, 2, ...) then the " + expected + " values");
        }
        float[] values = Memory.allocate(MemoryGuard.times(lines, expected), file + " (" + lines + " rows of " + expected + " values)");
        int[] labels = Memory.ints(lines, file + " (" + lines + " labels)");
        List<SkippedFile> skipped = new ArrayList<>();
        int kept = 0;
        int rows = 0;
        int maxLabel = -1;
        boolean header = false;
        try (CsvLines in = new CsvLines(file, limit, why)) {
            String line;
            while ((line = in.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                if (rows == 0 && !header && isHeader(line)) {
                    header = true;
                    continue;
                }
                rows++;
                String where = file + " line " + in.number();
                String[] fields = line.split("[,;\\t]", -1);
                if (fields.length - 1 != expected) {
                    throw new UserInputException(rows == 1
                            ? where + ": rows have " + (fields.length - 1) + " values after the label, but the model's input "
                                    + shape + " needs " + expected + " (C x 1 x T values per row, channels first)"
                            : where + ": has " + (fields.length - 1) + " values after the label, but the rows above and"
                                    + " the model's input " + shape + " have " + expected);
                }
                int label = label(fields[0].trim(), where);
                if (knownClasses != null && label >= knownClasses.size()) {
                    skipped.add(new SkippedFile(where, "label " + label + " is not one of the " + knownClasses.size()
                            + " training classes"));
                    continue;
                }
                parseValues(fields, values, kept * expected, where);
                labels[kept++] = label;
                maxLabel = Math.max(maxLabel, label);
            }
        }
        if (rows == 0) {
            throw new UserInputException(file + " holds only a header line and no rows of data");
        }
        if (kept == 0) {
            throw new UserInputException("no usable rows in " + file + ImageFolderSource.summarise(skipped));
        }
        List<String> names = knownClasses;
        if (names == null) {
            names = new ArrayList<>();
            for (int c = 0; c <= maxLabel; c++) {
                names.add(Integer.toString(c));
            }
        }
        return new ImageFolderSource.Result(new ArrayDataset(shape, names, values, labels, kept), skipped);
    }

    /** The longest line a row of {@code expected} values may take; never more than the file itself. */
    static int lineLimit(int expected, long fileLength) {
        long limit = Math.max(MIN_LINE, MemoryGuard.times(CHARS_PER_VALUE, expected + 1L));
        return (int) Math.min(Integer.MAX_VALUE - 16, Math.min(limit, Math.max(MIN_LINE, fileLength)));
    }

    /** The label of a row, or a refusal naming the line and the text. */
    private static int label(String text, String where) {
        try {
            double l = Double.parseDouble(text);
            if (l == Math.rint(l) && l >= 0 && l <= MAX_LABEL) {
                return (int) l;
            }
        } catch (NumberFormatException e) {
            // refused below with the same words
        }
        throw new UserInputException(where + ": the label " + quoted(text) + " is not a whole number from 0 to "
                + MAX_LABEL + " (the first column is the class: at most " + (MAX_LABEL + 1)
                + " classes, as many as ImageNet has)");
    }

    /** Parses fields[1..] into dst[offset..], or refuses naming the line and the value. */
    private static void parseValues(String[] fields, float[] dst, int offset, String where) {
        for (int i = 1; i < fields.length; i++) {
            String text = fields[i].trim();
            float v;
            try {
                v = Float.parseFloat(text);
            } catch (NumberFormatException e) {
                // Python and NumPy write nan and inf, which Java does not parse
                v = NON_FINITE.matcher(text).matches() ? Float.NaN : 0;
                if (v == 0) {
                    throw new UserInputException(where + ": value " + i + " " + quoted(text) + " is not a number");
                }
            }
            if (!Float.isFinite(v)) {
                throw new UserInputException(where + ": value " + i + " is " + quoted(text)
                        + ", not a finite number (signals must hold finite float32 values)");
            }
            dst[offset + i - 1] = v;
        }
    }

    private static String quoted(String text) {
        String t = text.length() > 40 ? text.substring(0, 37) + "..." : text;
        return t.isEmpty() ? "(empty)" : Character.isLetter(t.charAt(0)) || t.isBlank() ? "'" + t + "'" : t;
    }

    private static boolean isHeader(String line) {
        String first = line.split("[,;\\t]", 2)[0].trim();
        try {
            Double.parseDouble(first);
            return false;
        } catch (NumberFormatException e) {
            // "NaN" and "Infinity" parse as numbers: a row with such a label is a data row, refused as one
            return !NON_FINITE.matcher(first).matches();
        }
    }

    private static long countDataLines(Path file, int limit, String why) {
        long count = 0;
        try (CsvLines in = new CsvLines(file, limit, why)) {
            String line;
            while ((line = in.next()) != null) {
                if (!line.isBlank()) {
                    count++;
                }
            }
        }
        return count;
    }
}
