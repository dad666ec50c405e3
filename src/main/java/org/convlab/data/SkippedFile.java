package org.convlab.data;

/** A file (or a line of a file) left out of a dataset, and why, in words a student understands. */
public record SkippedFile(String file, String reason) {
    @Override
    public String toString() {
        return file + ": " + reason;
    }
}
