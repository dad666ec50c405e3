package org.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.convlab.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last line of defence: what a failed command prints and its exit code. */
class FailuresTest {
    private record Report(int code, String text) {
        List<String> lines() {
            return text.strip().lines().toList();
        }
    }

    private static Report report(Throwable t) {
        StringWriter s = new StringWriter();
        int code = Failures.report(t, "train", "convlab train", new PrintWriter(s));
        return new Report(code, s.toString());
    }

    @Test
    void outOfMemoryAnywhereIsOneLineAndExit2() {
        for (Throwable t : new Throwable[] {new OutOfMemoryError("Java heap space"),
                new RuntimeException("worker failed", new OutOfMemoryError("Java heap space"))}) {
            Report r = report(t);
            assertEquals(2, r.code(), r.text());
            assertEquals(1, r.lines().size(), r.text());
            assertTrue(r.text().startsWith("error: convlab train needs more memory"), r.text());
            assertTrue(r.text().contains("-Xmx"), r.text());
            assertTrue(r.text().contains("--batch"), r.text());
        }
    }

    @Test
    void stackOverflowIsOneLineAndExit2() {
        Report r = report(new StackOverflowError());
        assertEquals(2, r.code());
        assertEquals(1, r.lines().size(), r.text());
        assertTrue(r.text().contains("nested"), r.text());
    }

    @Test
    void userInputWrappedInAnotherExceptionIsStillItsOneLine() {
        Report r = report(new UncheckedIOException(new IOException("x", new UserInputException("a.png: not an image"))));
        assertEquals(2, r.code());
        assertEquals(List.of("error: a.png: not an image"), r.lines());
        Report multi = report(new UserInputException("first\nsecond"));
        assertEquals(List.of("error: first second"), multi.lines());
    }

    @Test
    void aFailedReadOrWriteIsOneLineAndExit2() {
        Report full = report(new IOException("No space left on device"));
        assertEquals(2, full.code(), full.text());
        assertEquals(List.of("error: convlab train could not read or write a file: the disk is full"), full.lines());
        Report named = report(new UncheckedIOException(new java.nio.file.AccessDeniedException("/data/m.json")));
        assertEquals(2, named.code(), named.text());
        assertEquals(List.of("error: /data/m.json: permission denied"), named.lines());
    }

    @Test
    void aBugIsOneLineAndExit1WithoutAStackTrace() {
        assumeFalse(Failures.debug(), "CONVLAB_DEBUG is set in this environment");
        Report r = report(new IllegalStateException("boom"));
        assertEquals(1, r.code());
        assertEquals(1, r.lines().size(), r.text());
        assertTrue(r.text().startsWith("internal error: java.lang.IllegalStateException: boom"), r.text());
        assertTrue(r.text().contains("report"), r.text());
        assertFalse(r.text().contains("\tat "), r.text());
    }

    @Test
    void aBugShowsItsStackTraceWhenDebugging() {
        System.setProperty("convlab.debug", "true");
        try {
            Report r = report(new IllegalStateException("boom"));
            assertEquals(1, r.code());
            assertTrue(r.text().contains("\tat "), r.text());
        } finally {
            System.clearProperty("convlab.debug");
        }
    }

    /**
     * A real OutOfMemoryError through the entry point, in a JVM with a 64 MB heap: forward on a
     * dense layer of 10^8 units (400 MB of weights). Whether the memory guard refuses it first or
     * the last line of defence catches it, the user sees one line and exit 2.
     */
    @Test
    void aModelLargerThanTheHeapEndsInOneLine(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("big.json");
        Files.writeString(model, """
                {"format": "convlab-model", "version": 1, "input": {"channels": 1, "height": 1, "width": 2},
                 "layers": [{"type": "dense", "name": "fc", "units": 100000000}]}
                """);
        Path input = dir.resolve("in.json");
        Files.writeString(input, "{\"shape\": [1, 1, 2], \"data\": [1, 2]}");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                "org.convlab.Launcher", "forward", model.toString(), "--input", input.toString())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the forked JVM did not finish");
        List<String> err = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("err.txt"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("WARNING")) { // the JVM's own notes (incubator modules)
                err.add(line);
            }
        }
        assertEquals(2, p.exitValue(), String.join("\n", err));
        assertEquals(1, err.size(), String.join("\n", err));
        assertTrue(err.get(0).startsWith("error: "), err.get(0));
        assertTrue(err.get(0).contains("-Xmx"), err.get(0));
        assertTrue(err.get(0).contains("big.json"), "the message names the model: " + err.get(0));
    }
}
