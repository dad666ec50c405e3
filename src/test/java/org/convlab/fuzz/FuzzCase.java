package org.convlab.fuzz;

import java.util.List;

/**
 * One command line to run against the CLI.
 *
 * @param kind       what is fuzzed ("model-base64", "npy-v2", "option", ...)
 * @param seed       the seed that made it (kind and seed reproduce the case)
 * @param what       the mutation in words
 * @param args       the arguments after {@code convlab}
 * @param names      words of which the refusal must contain one: the file's name, the field, the option
 * @param mustRefuse the input is certainly wrong: exit 0 is a failure ("accepted silently")
 * @param mustSucceed the input is valid (an unmutated file): anything but exit 0 is a failure
 */
record FuzzCase(String kind, long seed, String what, List<String> args, List<String> names, boolean mustRefuse,
        boolean mustSucceed) {
    FuzzCase(String kind, long seed, String what, List<String> args, List<String> names, boolean mustRefuse) {
        this(kind, seed, what, args, names, mustRefuse, false);
    }

    String id() {
        return kind + ":" + seed;
    }

    /** The command line a person can paste into a shell (from the repository's folder). */
    String commandLine() {
        StringBuilder b = new StringBuilder("java --add-modules jdk.incubator.vector -jar target/convlab.jar");
        for (String a : args) {
            b.append(' ').append(a.matches("[A-Za-z0-9_./:=,+-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return b.toString();
    }
}
