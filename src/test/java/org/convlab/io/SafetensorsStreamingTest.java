package org.convlab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An 80 MB tensor written and read in a 128 MB heap: both directions stream instead of buffering the file. */
class SafetensorsStreamingTest {
    @Test
    void eightyMegabytesOfFloatsRoundTripInA128MegabyteHeap(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path file = dir.resolve("big.safetensors");
        Process p = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                SafetensorsStreaming.class.getName(), file.toString()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("ok: 20000000 floats"), out);
        // {"w":{"dtype":"F32","shape":[20000000],"data_offsets":[0,80000000]}} is 68 bytes, padded to 72
        assertEquals(8 + 72 + 80_000_000L, Files.size(file));
    }
}
