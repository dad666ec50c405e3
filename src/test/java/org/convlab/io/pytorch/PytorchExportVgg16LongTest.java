package org.convlab.io.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's yardstick for export: a VGG-16 with weights (553 MB of floats) exports as a PyTorch project and imports back in a
 * JVM whose heap is twice the weights (-Xmx1106m), so the weights must stream into the file.
 * Prints the time and the peak heap. Slow (a 553 MB file): only with {@code -Dconvlab.longTests=true}.
 */
@EnabledIfSystemProperty(named = "convlab.longTests", matches = "true")
class PytorchExportVgg16LongTest {
    @Test
    void aTrainedVgg16ExportsInTwiceItsWeights(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx1106m", "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), PytorchExportVgg16.class.getName(),
                dir.resolve("vgg16-project").toString()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.MINUTES), out);
        System.out.println(out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("ok: VGG-16 project exported"), out);
    }
}
