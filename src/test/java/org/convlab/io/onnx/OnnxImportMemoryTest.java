package org.convlab.io.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The importer streams: a model is read in a JVM whose heap is twice its weights (the file is
 * memory-mapped and tensors are decoded once into their layers), and a heap too small is refused
 * in one line, never an OutOfMemoryError. Each run is a separate JVM with its own -Xmx.
 */
class OnnxImportMemoryTest {
    @TempDir
    Path dir;

    private static String run(String xmx, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, xmx, "-XX:MaxDirectMemorySize=2g", "-cp",
                System.getProperty("java.class.path"), OnnxImportMemoryChild.class.getName()));
        if (Runtime.version().feature() >= 23) {
            cmd.add(1, "--sun-misc-unsafe-memory-access=allow"); // protobuf's Unsafe warning (JDK 24+) is not this test's output
        }
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), out);
        return p.exitValue() + " " + out.strip();
    }

    private static long peak(String out) {
        return Long.parseLong(out.replaceAll("(?s).*peak (\\d+) .*", "$1"));
    }

    /** 128 MB of weights (32M floats) read with a 256 MB heap; refused in one line with 96 MB. */
    @Test
    void readsInTwiceTheWeightsAndRefusesLessInOneLine() throws Exception {
        Path f = dir.resolve("head.onnx");
        assertEquals("0 ", run("-Xmx64m", "write", f.toString(), "8192", "4096").substring(0, 2));
        long weights = (8192L * 4096 + 4096 * 10) * 4;
        String ok = run("-Xmx256m", "read", f.toString());
        System.out.println(ok);
        assertTrue(ok.startsWith("0 peak ") && ok.endsWith("right true"), ok);
        assertTrue(peak(ok) < 2 * weights, "peak " + peak(ok) + " bytes for " + weights + " bytes of weights");
        String refused = run("-Xmx96m", "read", f.toString());
        assertTrue(refused.matches("2 error: " + java.util.regex.Pattern.quote(f.toString())
                + ": reading the weights \\(33,595,392 values\\) needs 128\\.2 MB, but Java may use \\S+ MB here .*"), refused);
        assertEquals(1, refused.lines().count(), refused);
        Files.delete(f);
    }

    /** A VGG-16-sized classifier head (123M weights, 492 MB) in a heap of twice that. */
    @Test
    @EnabledIfSystemProperty(named = "convlab.longTests", matches = "true")
    void readsAVgg16SizedHeadInTwiceItsWeights() throws Exception {
        Path f = dir.resolve("vgghead.onnx");
        assertEquals("0 ", run("-Xmx64m", "write", f.toString(), "25088", "4096").substring(0, 2));
        long weights = (25088L * 4096 + 4096 * 10) * 4;
        String ok = run("-Xmx" + (2 * weights >> 20) + "m", "read", f.toString());
        System.out.println(ok);
        assertTrue(ok.startsWith("0 peak ") && ok.endsWith("right true"), ok);
        assertTrue(peak(ok) < 2 * weights, ok);
    }
}
