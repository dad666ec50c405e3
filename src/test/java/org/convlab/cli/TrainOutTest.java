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

/**
 * {@code train --out} and {@code --checkpoint-dir} that cannot be written are refused before the
 * data is read and the run starts (one line, exit 2): a typo must not cost a training run.
 */
class TrainOutTest {
    private static String refused(String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "preset:xo", "--data", TrainCommandTest.XO,
                "--epochs", "1"));
        args.addAll(List.of(options));
        Run r = TrainCommandTest.run(args.toArray(String[]::new));
        String what = String.join(" ", options) + "\n" + r.out() + r.err();
        assertEquals(2, r.exit(), what);
        assertEquals(1, r.err().strip().lines().count(), what);
        assertEquals("", r.out(), "nothing was loaded or trained: " + what);
        return r.err().strip();
    }

    @Test
    void outUnderAFileOntoAFolderOrEmpty(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        String under = refused("--out", file.resolve("m.json").toString());
        assertTrue(under.contains("not a folder") && under.contains("--out"), under);
        String onto = refused("--out", dir.toString());
        assertTrue(onto.contains("is a folder") && onto.contains("--out"), onto);
        String empty = refused("--out", "");
        assertTrue(empty.contains("empty") && empty.contains("--out"), empty);
    }

    @Test
    void checkpointFolderThatIsAFileOrUnderOne(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        String is = refused("--checkpoint-dir", file.toString(), "--out", dir.resolve("m.json").toString());
        assertTrue(is.contains("not a folder") && is.contains("--checkpoint-dir"), is);
        String under = refused("--checkpoint-dir", file.resolve("sub").toString(), "--out", dir.resolve("m.json").toString());
        assertTrue(under.contains("not a folder") && under.contains("--checkpoint-dir"), under);
    }
}
