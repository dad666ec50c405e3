package org.convlab.fuzz;

import java.util.List;
import java.util.Locale;

/**
 * What every case must end in: exit 0, or exit 2 with ONE line on stderr that starts "error: " and
 * names the file, field or option (a second line may only point at {@code --help}, as the issue
 * allows for parse errors; "note: " and "warning: " lines before it are allowed). Never exit 1, a
 * stack trace, an OutOfMemoryError or a hang.
 */
final class Oracle {
    private Oracle() {}

    /** Why the case failed, or null if it passed. The first words name the cause (the report groups by them). */
    static String verdict(FuzzCase c, DriverRunner.Result r, long timeoutMs) {
        switch (r.status()) {
            case "HANG":
                return "hang: no answer within " + timeoutMs / 1000 + " s";
            case "DIED":
                return "driver died: " + r.thrown();
            case "OOM":
                return "OutOfMemoryError escaped the CLI";
            case "THROWN":
                return "exception escaped the CLI: " + r.thrown();
            default:
                break;
        }
        String err = r.err();
        if (err.contains("OutOfMemoryError")) {
            return "OutOfMemoryError on stderr (exit " + r.exit() + ")";
        }
        if (err.contains("\tat ") || err.contains("Exception")) {
            return "stack trace or exception on stderr (exit " + r.exit() + ")";
        }
        if (r.exit() == 1) {
            return "exit 1 (internal error)";
        }
        if (c.mustSucceed() && r.exit() != 0) {
            String first = err.strip().lines().filter(l -> l.startsWith("error: ")).findFirst().orElse("");
            return "refused a valid input (exit " + r.exit() + ") " + first;
        }
        if (r.exit() == 0) {
            return c.mustRefuse() ? "accepted silently: exit 0 for a broken input" : null;
        }
        if (r.exit() != 2) {
            return "exit " + r.exit() + " (expected 0 or 2)";
        }
        // "note: " and "warning: " lines are what the CLI tells on purpose (e.g. that a preset's weights are
        // seeded), printed before it met the problem; everything else must be the one "error: " line
        // (and, for a parse error, one line pointing at --help)
        List<String> lines = err.strip().lines().filter(l -> !l.isBlank())
                .filter(l -> !l.startsWith("note: ") && !l.startsWith("warning: ")).toList();
        if (lines.isEmpty()) {
            return "exit 2 without an error line on stderr";
        }
        String first = lines.get(0);
        if (!first.startsWith("error: ")) {
            return "exit 2 without the 'error' prefix on stderr";
        }
        boolean hintOnly = lines.size() == 2 && lines.get(1).contains("--help");
        if (lines.size() > 1 && !hintOnly) {
            return "exit 2 with " + lines.size() + " lines on stderr (one expected)";
        }
        String lower = first.toLowerCase(Locale.ROOT);
        for (String name : c.names()) {
            if (lower.contains(name.toLowerCase(Locale.ROOT))) {
                return null;
            }
        }
        return "exit 2 but the message names none of " + c.names();
    }
}
