package org.convlab.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.convlab.MemoryGuard;
import org.convlab.UserFiles;
import org.convlab.UserInputException;

/**
 * The lines of a UTF-8 text file, each at most {@code limit} characters: a longer line is
 * refused with its number before it fills the heap (BufferedReader.readLine would gather a 60 MB
 * line whole). Line ends are \n or \r\n. Bytes that are not UTF-8 are refused near their line.
 */
final class CsvLines implements Closeable {
    private final Path file;
    private final Reader in;
    private final int limit;
    private final String why;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int end;
    private long number;

    /**
     * @param limit the longest line accepted, in characters
     * @param why   what a line holds, to explain the limit ("a row holds a label and 40 values")
     */
    CsvLines(Path file, int limit, String why) {
        this.file = file;
        this.limit = limit;
        this.why = why;
        // strict UTF-8: newDecoder() reports malformed input instead of replacing it
        this.in = new InputStreamReader(UserFiles.open(file, "CSV file"), StandardCharsets.UTF_8.newDecoder());
    }

    /** The number of the line {@link #next} returned last (1 for the first). */
    long number() {
        return number;
    }

    /** The next line without its line end, or null at the end of the file. */
    String next() {
        StringBuilder line = null;
        while (true) {
            if (position == end && !fill()) {
                if (line == null) {
                    return null;
                }
                number++;
                return strip(line);
            }
            if (line == null) {
                line = new StringBuilder();
            }
            int start = position;
            while (position < end && buffer[position] != '\n') {
                position++;
            }
            line.append(buffer, start, position - start);
            if (line.length() > limit + 1) { // + 1: a \r before the \n
                throw new UserInputException(file + " line " + (number + 1) + " is longer than "
                        + MemoryGuard.count(limit) + " characters: " + why + " (is this the right file?)");
            }
            if (position < end) {
                position++; // the \n
                number++;
                return strip(line);
            }
        }
    }

    private boolean fill() {
        try {
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                return false;
            }
            position = 0;
            end = n;
            return true;
        } catch (CharacterCodingException e) {
            long line = lineOfFirstBadByte(file);
            throw new UserInputException(file + " is not a text (CSV) file: it holds bytes that are not UTF-8 text"
                    + (line > 0 ? " (line " + line + ")" : " (near line " + (number + 1) + ")"));
        } catch (IOException e) {
            throw UserFiles.problem(file, "CSV file", e);
        }
    }

    /**
     * The line of the first byte that cannot be UTF-8, found by a second pass over the raw bytes
     * (the decoder reads ahead, so it cannot tell); 0 when this simple check finds none.
     */
    private static long lineOfFirstBadByte(Path file) {
        try (var in = new java.io.BufferedInputStream(UserFiles.open(file, "CSV file"))) {
            long line = 1;
            int continuation = 0;
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (continuation > 0) {
                    if ((b & 0xC0) != 0x80) {
                        return line;
                    }
                    continuation--;
                } else if (b >= 0x80) {
                    continuation = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
                    if (continuation < 0) {
                        return line;
                    }
                } else if (b == '\n') {
                    line++;
                }
            }
            return continuation > 0 ? line : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private String strip(StringBuilder line) {
        if (number == 1 && line.length() > 0 && line.charAt(0) == '\uFEFF') {
            line.deleteCharAt(0); // the byte-order mark spreadsheets put first: no part of the first value
        }
        int n = line.length();
        return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // nothing was written: a failed close loses nothing
        }
    }
}
