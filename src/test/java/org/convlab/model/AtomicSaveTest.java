package org.convlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saves never lose anything: no temp file stays, permissions and symlinks are kept, failures are one line. */
class AtomicSaveTest {
    @TempDir
    Path dir;

    private static NetworkSpec small() {
        return TestWeights.withWeights(new NetworkSpec(Shape.of(1, 2, 2), List.of("a", "b"), List.of(DenseSpec.of(2))));
    }

    private List<String> names(Path d) throws IOException {
        try (var s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aNewFileGetsWhatTheUmaskGivesAndAReplacedOneKeepsItsPermissions() throws IOException {
        Path plain = dir.resolve("plain.txt");
        Files.writeString(plain, "x"); // an ordinary new file: what the umask gives
        Path saved = dir.resolve("m.json");
        ModelFiles.write(saved, small());
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(saved));
        Files.setPosixFilePermissions(saved, PosixFilePermissions.fromString("rw-r-----"));
        ModelFiles.write(saved, small());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(saved)));
    }

    @Test
    void aSymlinkStaysALinkAndItsTargetIsReplaced() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real")).resolve("target.json");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real/target.json"));
        ModelFiles.write(link, small());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(small(), ModelFiles.read(real));
        assertEquals(List.of("target.json"), names(real.getParent()));
    }

    @Test
    void staleTempFilesOfAKilledSaveGoButNothingElse() throws IOException {
        Path target = dir.resolve("m.json");
        long deadPid = Long.MAX_VALUE - 7; // no such process
        List<String> stale = List.of(".m.json." + deadPid + "-12.tmp", ".m.json1234567890123456789.tmp");
        // a live process's save in progress (pid 1 always exists), another target's temp, other files
        List<String> kept = List.of(".m.json.1-5.tmp", ".m.json.5.1-5.tmp", ".other.json." + deadPid + "-1.tmp",
                "m.json.tmp", ".m.json.tmp", "notes.txt");
        for (String n : stale) {
            Files.writeString(dir.resolve(n), "half a model");
        }
        for (String n : kept) {
            Files.writeString(dir.resolve(n), "keep");
        }
        ModelFiles.write(target, small());
        List<String> expected = new java.util.ArrayList<>(kept);
        expected.add("m.json");
        assertEquals(expected.stream().sorted().toList(), names(dir));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTempFile() throws IOException {
        Path target = dir.resolve("m.json");
        Files.writeString(target, "the old model");
        IOException e = assertThrows(IOException.class, () -> ModelFiles.writeAtomically(target, tmp -> {
            Files.writeString(tmp, "half");
            throw new IOException("No space left on device");
        }));
        assertEquals("the disk is full", e.getMessage());
        assertEquals("the old model", Files.readString(target));
        assertEquals(List.of("m.json"), names(dir));
    }

    @Test
    void impossibleTargetsAreOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        assertEquals(file.resolve("m.json") + ": cannot save the model (" + file + " is a file, not a folder)",
                save(file.resolve("m.json")));
        assertEquals(dir + ": cannot save the model (is a folder; give a file name inside it)", save(dir));
        assertEquals("'': cannot save the model (no file name given (the path is empty))", save(Path.of("")));
    }

    @Test
    void aFinishedRunThatCannotBeSavedGoesToTheTempFolder() throws IOException {
        Path blocker = Files.writeString(dir.resolve("file.txt"), "x");
        Path tmpdir = Files.createDirectories(dir.resolve("tmp"));
        String old = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", tmpdir.toString());
        try {
            Path target = blocker.resolve("trained.json");
            String m = assertThrows(UserInputException.class,
                    () -> ModelFiles.writeOrRescue(target, small(), "preset:lenet5")).getMessage();
            List<String> rescued = names(tmpdir);
            assertEquals(1, rescued.size(), rescued.toString());
            assertTrue(rescued.get(0).startsWith("convlab-lenet5-trained-") && rescued.get(0).endsWith(".json"), rescued.get(0));
            Path safe = tmpdir.resolve(rescued.get(0));
            assertEquals("could not save to " + target + " (" + blocker + " is a file, not a folder); the trained model is safe in "
                    + safe, m);
            assertEquals(small(), ModelFiles.read(safe));

            System.setProperty("java.io.tmpdir", blocker.toString()); // the fallback fails too
            m = assertThrows(UserInputException.class, () -> ModelFiles.writeOrRescue(target, small(), "x")).getMessage();
            assertTrue(m.contains("nor to ") && m.contains("the trained model is lost"), m);
        } finally {
            System.setProperty("java.io.tmpdir", old);
        }
        assertFalse(Files.exists(blocker.resolveSibling("trained.json")));
    }

    private static String save(Path target) {
        String m = assertThrows(UserInputException.class, () -> ModelFiles.write(target, small())).getMessage();
        assertEquals(1, m.lines().count(), m);
        return m;
    }
}
