package org.convlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import org.convlab.MemoryGuard;
import org.convlab.UserFiles;
import org.convlab.UserInputException;

/**
 * What a command that failed prints, and its exit code: the last line of defence of the command
 * line. Bad input (a {@link UserInputException} anywhere in the chain of causes) is one line and
 * exit 2; so is running out of memory or of stack (a file nested too deeply), which the checks
 * before should have refused but must never end in a stack trace, and so is an I/O failure (a full
 * disk is not a bug). Anything else is a bug in
 * ConvLab: one line and exit 1, with the stack trace only when asked for
 * ({@code -Dconvlab.debug=true} or the environment variable {@code CONVLAB_DEBUG}).
 */
final class Failures {
    /** How deep a chain of causes is followed (a cycle must not loop). */
    private static final int MAX_CAUSES = 32;
    /** Where a bug is reported (the project's issue tracker). */
    static final String REPORT_TO = "on ConvLab's issue tracker";

    private Failures() {}

    /**
     * Prints the one line for {@code failure} and returns the exit code.
     *
     * @param command the sub-command ("train"), for the advice
     * @param what    the command and its MODEL ("convlab forward big.json"), for a message that cannot name a file
     */
    static int report(Throwable failure, String command, String what, PrintWriter err) {
        int code = ConvLabCommand.EXIT_BAD_INPUT;
        Throwable t = failure;
        String line = null;
        for (int depth = 0; t != null && depth < MAX_CAUSES && line == null; depth++, t = t.getCause()) {
            if (t instanceof UserInputException u) {
                line = "error: " + ParseErrors.oneLine(u.getMessage());
            } else if (t instanceof OutOfMemoryError) {
                line = "error: " + ParseErrors.oneLine(MemoryGuard.refusal(0, what, advice(command)).getMessage());
            } else if (t instanceof StackOverflowError) {
                line = "error: " + what + " ran out of stack: an input nested this deeply (a model or JSON file"
                        + " with thousands of levels?) cannot be read; flatten it, or start Java with a larger -Xss";
            }
        }
        // a disk that is full or gone is not a bug: the file and the reason, in plain words (a
        // message the user is meant to read, found above, comes first)
        t = failure;
        for (int depth = 0; t != null && depth < MAX_CAUSES && line == null; depth++, t = t.getCause()) {
            if (t instanceof IOException io && !(io instanceof JsonProcessingException)) {
                line = "error: " + ParseErrors.oneLine(ioLine(io, what));
            }
        }
        if (line == null) {
            code = ConvLabCommand.EXIT_INTERNAL;
            line = "internal error: " + ParseErrors.oneLine(failure.toString()) + " (a bug in ConvLab: please report it "
                    + REPORT_TO + " with the command you ran" + (debug() ? ")" : "; CONVLAB_DEBUG=1 shows the details)");
        }
        err.println(line);
        if (code == ConvLabCommand.EXIT_INTERNAL && debug()) {
            failure.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static String ioLine(IOException e, String what) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + ": " + UserFiles.reason(e);
        }
        return what + " could not read or write a file: " + UserFiles.reason(OutputFiles.plainReason(e));
    }

    /** What to change when a command runs out of memory. */
    private static String advice(String command) {
        return switch (command) {
            case "train", "eval" -> "use a smaller --batch or a smaller model";
            case "bench" -> "use fewer --threads";
            default -> "use a smaller model or input";
        };
    }

    /** Stack traces of internal errors are shown with -Dconvlab.debug=true or CONVLAB_DEBUG set (not empty, not 0). */
    static boolean debug() {
        if (Boolean.getBoolean("convlab.debug")) {
            return true;
        }
        String env = System.getenv("CONVLAB_DEBUG");
        return env != null && !env.isBlank() && !env.trim().equals("0") && !env.trim().equalsIgnoreCase("false");
    }
}
