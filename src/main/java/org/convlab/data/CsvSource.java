package org.convlab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;

/**
 * 1D signals in CSV, one sample per line: the class label (a whole number from 0), then the
 * values, C x T of them for a model input of C x 1 x T (channel after channel). A first line
 * that does not start with a number is a header and is passed over. A line that is malformed
 * (wrong number of values, not a number, NaN or infinite) is skipped and named by its line
 * number. The file is read twice (count, then fill) so the values go straight into an array of
 * the final size.
 */
final class CsvSource {
    /** Labels above this are taken as a mistake (a value column read as a label), not as a class. */
    static final int MAX_LABEL = 9_999;

    private CsvSource() {}

    static ImageFolderSource.Result load(Path file, Shape shape, List<String> knownClasses) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("CSV file " + file + (Files.isDirectory(file) ? " is a folder, not a file" : " does not exist"));
        }
        int expected = shape.size();
        int lines = countDataLines(file);
        float[] values = Memory.allocate((long) lines * expected, file + " (" + lines + " rows of " + expected + " values)");
        int[] labels = new int[lines];
        List<SkippedFile> skipped = new ArrayList<>();
        int kept = 0;
        int maxLabel = -1;
        int lengthMismatch = 0;
        int otherLength = -1;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank() || (number == 1 && isHeader(line))) {
                    continue;
                }
                String where = file + " line " + number;
                String[] fields = line.split("[,;\\t]");
                if (fields.length - 1 != expected) {
                    lengthMismatch++;
                    otherLength = fields.length - 1;
                    skipped.add(new SkippedFile(where, "has " + (fields.length - 1) + " values after the label, the model's input "
                            + shape + " needs " + expected));
                    continue;
                }
                int label;
                try {
                    double l = Double.parseDouble(fields[0].trim());
                    if (l != Math.rint(l) || l < 0 || l > MAX_LABEL) {
                        skipped.add(new SkippedFile(where, "label '" + fields[0].trim() + "' is not a class number (0, 1, 2, ...)"));
                        continue;
                    }
                    label = (int) l;
                } catch (NumberFormatException e) {
                    skipped.add(new SkippedFile(where, "label '" + fields[0].trim() + "' is not a number"));
                    continue;
                }
                if (knownClasses != null && label >= knownClasses.size()) {
                    skipped.add(new SkippedFile(where, "label " + label + " is not one of the " + knownClasses.size() + " training classes"));
                    continue;
                }
                String bad = parseValues(fields, values, kept * expected);
                if (bad != null) {
                    skipped.add(new SkippedFile(where, bad));
                    continue;
                }
                labels[kept++] = label;
                maxLabel = Math.max(maxLabel, label);
            }
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        if (kept == 0) {
            if (lengthMismatch > 0) {
                throw new UserInputException(file + " rows have " + otherLength + " values after the label, but the model's input "
                        + shape + " needs " + expected + " (C x 1 x T values per row)");
            }
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

    /** Parses fields[1..] into dst[offset..]; null, or the reason the row is unusable. */
    private static String parseValues(String[] fields, float[] dst, int offset) {
        for (int i = 1; i < fields.length; i++) {
            String text = fields[i].trim();
            float v;
            try {
                v = Float.parseFloat(text);
            } catch (NumberFormatException e) {
                return "value " + i + " ('" + text + "') is not a number";
            }
            if (!Float.isFinite(v)) {
                return "value " + i + " is " + text + " (not a finite number)";
            }
            dst[offset + i - 1] = v;
        }
        return null;
    }

    private static boolean isHeader(String line) {
        String first = line.split("[,;\\t]", 2)[0].trim();
        try {
            Double.parseDouble(first);
            return false;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static int countDataLines(Path file) {
        int count = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    count++;
                }
            }
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        return count;
    }

    private static UserInputException unreadable(Path file, IOException e) {
        if (e instanceof CharacterCodingException) {
            return new UserInputException(file + " is not a text (CSV) file: it holds bytes that are not UTF-8 text");
        }
        return new UserInputException("cannot read " + file + ": " + e.getMessage());
    }
}
