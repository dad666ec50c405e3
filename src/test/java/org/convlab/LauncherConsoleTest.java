package org.convlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.convlab.data.xo.XoLesson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class-path start, as {@code java -jar convlab.jar} makes it, prints no "Unsupported JavaFX
 * configuration" warning. JavaFX starts in a second JVM on this test's class path (JavaFX is on
 * it as plain jars, as inside the jar), headless through {@code render}, and its error stream is
 * read. The same start with {@code -Dconvlab.javafxWarning=show} prints the warning: so the
 * warning is real in this set-up and the check can see it.
 */
@Timeout(180)
class LauncherConsoleTest {
    @TempDir
    Path dir;

    private record Result(int code, String err) {}

    private Result start(String... jvmFlags) throws Exception {
        StringBuilder data = new StringBuilder();
        for (int[] row : XoLesson.load().x()) {
            for (int v : row) {
                data.append(data.length() == 0 ? "" : ",").append(v);
            }
        }
        Path input = dir.resolve("x.json");
        Files.writeString(input, "{\"shape\": [1, 9, 9], \"data\": [" + data + "]}");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-modules");
        cmd.add("jdk.incubator.vector");
        cmd.addAll(List.of(jvmFlags));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Launcher.class.getName(), "render", "preset:xo",
                "--input", input.toString(), "--view", "pool", "--out", dir.resolve("pool.png").toString()));
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        assertTrue(p.waitFor(150, TimeUnit.SECONDS), "the child JVM finished");
        return new Result(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aClassPathStartPrintsNoJavaFxConfigurationWarning() throws Exception {
        Result quiet = start();
        assertEquals(0, quiet.code(), quiet.err());
        assertTrue(Files.size(dir.resolve("pool.png")) > 0, "JavaFX ran and drew");
        assertFalse(quiet.err().contains(Launcher.CLASS_PATH_WARNING), quiet.err());

        Result shown = start("-Dconvlab.javafxWarning=show");
        assertEquals(0, shown.code(), shown.err());
        assertTrue(shown.err().contains("Unsupported JavaFX configuration: classes were loaded from 'unnamed module"),
                "without the filter JavaFX warns here: " + shown.err());
    }
}
