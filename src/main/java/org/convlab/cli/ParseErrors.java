package org.convlab.cli;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * One line for a command line picocli could not read (unknown option or command, missing or
 * wrong value), ending in where to look: {@code see 'convlab train --help'}. picocli's own report
 * is the whole usage, about 50 lines in which the one that matters is lost. A value outside an
 * option's range ({@link OptionRanges}) already says what to use, and is shown as it is.
 */
final class ParseErrors {
    private ParseErrors() {}

    static String line(ParameterException ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptionRanges.OutOfRange range) {
                return oneLine(range.getMessage());
            }
        }
        CommandLine cmd = ex.getCommandLine();
        String help = "see '" + cmd.getCommandSpec().qualifiedName() + " --help'";
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            if (cmd.getParent() == null && !first.startsWith("-")) {
                return "unknown command '" + first + "': use " + String.join(", ", cmd.getSubcommands().keySet())
                        + suggestion(u.getSuggestions()) + "; " + help;
            }
            if (u.isUnknownOption()) {
                return "unknown option '" + first + "'" + suggestion(u.getSuggestions()) + "; " + help;
            }
            return "unexpected argument '" + first + "'" + (u.getUnmatched().size() > 1 ? " (and "
                    + (u.getUnmatched().size() - 1) + " more)" : "") + "; " + help;
        }
        return lowerFirst(oneLine(ex.getMessage())) + "; " + help;
    }

    private static String suggestion(List<String> suggestions) {
        return suggestions.isEmpty() ? "" : " (did you mean " + suggestions.get(0) + "?)";
    }

    /** The message on one line: picocli's may hold several. */
    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "the command line could not be read";
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** "Missing required option ..." reads as the middle of a sentence after "error: ". */
    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
}
