package org.convlab.data;

import java.util.List;

/**
 * What {@link DataSources#open} returns: the training split, the validation split and the test
 * set (the last two null when there is none), every file that was left out with the reason, and
 * the normalisation that was applied to all three (measured on the training split).
 */
public record LoadedData(Dataset train, Dataset validation, Dataset test, List<SkippedFile> skipped, ChannelStats normalization) {
    public LoadedData {
        skipped = List.copyOf(skipped);
    }

    /** Without normalisation statistics (taken as identity: values as they are). */
    public LoadedData(Dataset train, Dataset validation, Dataset test, List<SkippedFile> skipped) {
        this(train, validation, test, skipped, ChannelStats.uniform(train.shape().channels(), 0f, 1f));
    }

    /** One line for the user: sample counts per split and how many files were skipped. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(train.size()).append(" training");
        if (validation != null) {
            text.append(", ").append(validation.size()).append(" validation");
        }
        if (test != null) {
            text.append(", ").append(test.size()).append(" test");
        }
        text.append(" samples of ").append(train.shape()).append(" in ").append(train.classes().size()).append(" classes");
        if (!skipped.isEmpty()) {
            text.append("; skipped ").append(skipped.size()).append(skipped.size() == 1 ? " file" : " files")
                    .append(" (first: ").append(skipped.get(0)).append(")");
        }
        return text.toString();
    }

    /**
     * The skipped files for printing: a count line, then up to {@code max} "file: reason" lines
     * and "... and N more". Empty when nothing was skipped.
     */
    public List<String> skippedReport(int max) {
        if (skipped.isEmpty()) {
            return List.of();
        }
        java.util.ArrayList<String> lines = new java.util.ArrayList<>();
        lines.add("skipped " + skipped.size() + (skipped.size() == 1 ? " file:" : " files:"));
        for (int i = 0; i < Math.min(max, skipped.size()); i++) {
            lines.add("  " + skipped.get(i));
        }
        if (skipped.size() > max) {
            lines.add("  ... and " + (skipped.size() - max) + " more");
        }
        return lines;
    }
}
