package org.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convlab.cli.TrainCommandTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command line picocli cannot read is one line ending in where to look, and exit 2; --help still prints the usage. */
class ParseErrorsTest {
    private static void oneLineWithHint(String hint, String... args) {
        Run r = TrainCommandTest.run(args);
        String what = String.join(" ", args) + "\n" + r.err();
        assertEquals(2, r.exit(), what);
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(1, lines.size(), what);
        assertTrue(lines.get(0).startsWith("error: "), what);
        assertTrue(lines.get(0).endsWith("see '" + hint + " --help'"), what);
        assertEquals("", r.out(), what);
    }

    @Test
    void unknownOptionMissingValueWrongTypeMissingParameterUnknownCommand() {
        oneLineWithHint("convlab train", "train", "preset:xo", "--data", "d", "--bogus");
        oneLineWithHint("convlab train", "train", "preset:xo", "--data", "d", "--lr"); // missing value
        oneLineWithHint("convlab train", "train", "preset:xo"); // missing --data
        oneLineWithHint("convlab train", "train"); // missing MODEL
        oneLineWithHint("convlab train", "train", "a.json", "b.json", "--data", "d"); // one MODEL too many
        oneLineWithHint("convlab forward", "forward", "preset:xo", "--input", "x.png", "--json=maybe"); // wrong type
        oneLineWithHint("convlab forward", "forward", "preset:xo"); // missing --input
        oneLineWithHint("convlab render", "render", "preset:xo", "--input", "x.png", "--view"); // missing value
        oneLineWithHint("convlab summary", "summary", "--frobnicate", "preset:xo");
        oneLineWithHint("convlab eval", "eval", "-x");
        oneLineWithHint("convlab", "frob"); // unknown command
        oneLineWithHint("convlab", "--frob");
    }

    @Test
    void aMisspeltCommandOrOptionGetsASuggestion() {
        Run r = TrainCommandTest.run("trian", "preset:xo");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown command 'trian'"), r.err());
        assertTrue(r.err().contains("train"), r.err());
        Run o = TrainCommandTest.run("train", "preset:xo", "--data", "d", "--epoch", "3");
        assertEquals(2, o.exit());
        assertTrue(o.err().contains("unknown option '--epoch'"), o.err());
    }

    @Test
    void helpAndVersionStillPrintInFull() {
        for (String[] args : new String[][] {{"--help"}, {"train", "--help"}, {"render", "-h"}, {"bench", "--help"}}) {
            Run r = TrainCommandTest.run(args);
            assertEquals(0, r.exit(), String.join(" ", args) + "\n" + r.err());
            assertTrue(r.out().startsWith("Usage: convlab"), r.out());
            assertTrue(r.out().lines().count() > 5, r.out());
            assertEquals("", r.err());
        }
        Run withBadValue = TrainCommandTest.run("train", "--help", "--epochs", "0");
        assertEquals(0, withBadValue.exit(), withBadValue.err());
        assertTrue(withBadValue.out().startsWith("Usage: convlab train"), withBadValue.out());
        Run train = TrainCommandTest.run("train", "--help");
        assertTrue(train.out().contains("--lr"), train.out());
        Run v = TrainCommandTest.run("--version");
        assertEquals(0, v.exit());
        assertTrue(v.out().startsWith("ConvLab "), v.out());
    }

    /** "@FILE" is an argument like any other, not a file of arguments (picocli's default read "@/dev/zero" forever). */
    @Test
    void anArgumentStartingWithAtIsNotReadAsAFileOfArguments(@TempDir Path dir) throws IOException {
        Path args = Files.writeString(dir.resolve("args.txt"), "preset:xo\n");
        Run r = TrainCommandTest.run("summary", "@" + args);
        assertEquals(2, r.exit(), r.out() + r.err()); // expanded, it would be a valid summary of preset:xo
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("@" + args), r.err());
    }
}
