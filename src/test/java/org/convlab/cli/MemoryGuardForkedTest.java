package org.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.convlab.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, items 2 and 3, through the command line in a second JVM with a 64 MB heap: a model
 * whose weights or activations do not fit, a batch or a thread count far too large, a tensor
 * larger than one Java array. Each must end with exit 2 and one line saying what it needs and
 * what to change; never an OutOfMemoryError, never a stack trace.
 */
@Timeout(300)
class MemoryGuardForkedTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {}

    private Result run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("--add-modules", "jdk.incubator.vector", "-Xmx64m", "-Djava.awt.headless=true"));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM finished: " + String.join(" ", args));
        String e = Files.readString(err, StandardCharsets.UTF_8).lines()
                .filter(l -> !l.startsWith("WARNING: Using incubator modules")).reduce("", (a, b) -> a + b + "\n");
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), e);
    }

    private static void assertRefusedForMemory(Result r, String... mentions) {
        assertEquals(2, r.code(), r.err());
        List<String> lines = r.err().strip().lines().filter(l -> !l.startsWith("note:")).toList();
        assertEquals(1, lines.size(), r.err());
        String line = lines.get(0);
        assertTrue(line.startsWith("error: ") && line.contains("needs") && line.contains("-Xmx"), line);
        for (String m : mentions) {
            assertTrue(line.contains(m), m + " in: " + line);
        }
        assertNoCrash(r);
    }

    private static void assertNoCrash(Result r) {
        assertFalse(r.err().contains("OutOfMemoryError") || r.err().contains("Exception") || r.err().contains("\tat "),
                r.err());
    }

    private Path model(String name, String input, String layers) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, "{\"input\": " + input + ", \"layers\": " + layers + "}");
        return f;
    }

    private Path image() throws Exception {
        Path png = dir.resolve("in.png");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "png", png.toFile());
        return png;
    }

    @Test
    void forwardOnADenseLayerOf10To8UnitsIsRefusedForItsWeights() throws Exception {
        Path m = model("dense.json", "{\"channels\": 1, \"height\": 28, \"width\": 28}",
                "[{\"type\": \"flatten\"}, {\"type\": \"dense\", \"name\": \"fc\", \"units\": 100000000}]");
        // 784 * 10^8 + 10^8 parameters, 4 bytes each
        assertRefusedForMemory(run("forward", m.toString(), "--input", image().toString()), "78,500,000,000");
    }

    @Test
    void forwardOnA40000By40000InputIsRefusedForItsActivations() throws Exception {
        Path m = model("big.json", "{\"channels\": 1, \"height\": 40000, \"width\": 40000}",
                "[{\"type\": \"conv\", \"name\": \"conv1\", \"filters\": 1, \"kernel\": 3, \"padding\": 1},"
                        + " {\"type\": \"globalavgpool\"}]");
        assertRefusedForMemory(run("forward", m.toString(), "--input", image().toString()), "one image");
    }

    @Test
    void anOutputLargerThanOneTensorIsRefusedNamingTheLayer() throws Exception {
        Path m = model("pad.json", "{\"channels\": 1, \"height\": 1, \"width\": 9}",
                "[{\"type\": \"conv\", \"name\": \"conv1\", \"filters\": 1, \"kernel\": [1, 3], \"padding\": [0, 2147483647]}]");
        Result r = run("forward", m.toString(), "--input", image().toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("error: " + m + ": layer conv1: its output 1 x 1 x 4,294,967,301 has more values than one tensor can hold"
                + " (2^31 - 1)", r.err().strip());
        Result s = run("summary", m.toString());
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("(9 - 3 + 2*2147483647)/1 + 1 = 4294967301"), s.out());
    }

    @Test
    void theLargestBatchTheOptionAllowsIsRefusedWithABatchThatFits() throws Exception {
        // 2^31 - 1 is refused by the option's range (1..1,000,000); the largest allowed batch then
        // takes the whole training set at once, which does not fit a 64 MB heap
        Result r = run("train", "preset:lenet5", "--data", Path.of("sample-images", "shapes").toAbsolutePath().toString(),
                "--epochs", "1", "--batch", "1000000", "--out", dir.resolve("m.json").toString());
        assertRefusedForMemory(r, "use --batch ");
        assertFalse(Files.exists(dir.resolve("m.json")));
    }

    @Test
    void threadsOf2To31Minus1AreRefusedWithoutStartingThem() throws Exception {
        Result r = run("eval", "preset:lenet5", "--data", Path.of("sample-images", "shapes").toAbsolutePath().toString(),
                "--threads", "2147483647");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("--threads") && r.err().contains("2147483647"), r.err());
        assertNoCrash(r);
    }
}
