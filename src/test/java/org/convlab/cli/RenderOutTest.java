package org.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convlab.cli.TrainCommandTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code render --out} that cannot become a file is one line naming the path and the reason, and
 * exit 2, before any drawing (as root, permissions do not stop a write, so these are the cases a
 * test can make anywhere: under a regular file, onto a folder, an empty name).
 */
class RenderOutTest {
    private static final String X_IMAGE = TrainCommandTest.XO + "/x/x-01-canonical.png";

    private static String oneLine(String out, String view) {
        Run r = TrainCommandTest.run("render", "preset:xo", "--input", X_IMAGE, "--view", view, "--out", out);
        String what = "--out '" + out + "'\n" + r.err();
        assertEquals(2, r.exit(), what);
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(1, lines.size(), what);
        assertTrue(lines.get(0).startsWith("error: "), what);
        assertTrue(lines.get(0).contains("--out"), what);
        return lines.get(0);
    }

    @Test
    void underARegularFileOntoAFolderAndAnEmptyName(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("plain.txt"), "not a folder");
        String under = oneLine(file.resolve("x.png").toString(), "conv");
        assertTrue(under.contains(file.resolve("x.png").toString()) && under.contains("not a folder"), under);
        String underCsv = oneLine(file.resolve("deeper/x.csv").toString(), "maps");
        assertTrue(underCsv.contains("not a folder"), underCsv);

        Path folder = Files.createDirectory(dir.resolve("pictures.png"));
        String onto = oneLine(folder.toString(), "conv");
        assertTrue(onto.contains(folder.toString()) && onto.contains("is a folder"), onto);

        String empty = oneLine("", "conv");
        assertTrue(empty.contains("empty"), empty);
        assertEquals("not a folder", Files.readString(file)); // untouched
    }

    @Test
    void aWritableOutStillWorks(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("new/folder/maps.csv");
        Run r = TrainCommandTest.run("render", "preset:xo", "--input", X_IMAGE, "--view", "maps", "--out", csv.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.size(csv) > 0);
        try (var left = Files.list(csv.getParent())) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }
}
