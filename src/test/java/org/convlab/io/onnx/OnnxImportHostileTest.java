package org.convlab.io.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.convlab.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged files: whatever the bytes, the importer either reads a network or refuses in one line
 * (a UserInputException), never another exception and never a hang.
 */
class OnnxImportHostileTest {
    @TempDir
    Path dir;

    @Test
    void mutatedFilesAreReadOrRefusedInOneLine() throws Exception {
        byte[] good = Files.readAllBytes(OnnxImportFiles.resource("residual.onnx"));
        Random r = new Random(2026);
        int refused = 0;
        for (int trial = 0; trial < 300; trial++) {
            byte[] bad = good.clone();
            int flips = 1 + r.nextInt(8);
            for (int i = 0; i < flips; i++) {
                bad[r.nextInt(bad.length)] = (byte) r.nextInt(256);
            }
            Path f = Files.write(dir.resolve("m" + trial + ".onnx"), bad);
            try {
                assertTimeoutPreemptively(Duration.ofSeconds(20), () -> OnnxImport.read(f, null));
            } catch (UserInputException e) {
                refused++;
                assertEquals(-1, e.getMessage().indexOf('\n'), e.getMessage());
            } catch (RuntimeException e) {
                fail("trial " + trial + ": " + e, e);
            }
            Files.delete(f);
        }
        System.out.println(refused + " of 300 mutated files refused, the others read");
    }

    @Test
    void aCycleIsRefused() throws Exception {
        Path f = new OnnxImportGraphs(new long[] {-1, 1, 2, 2}, new long[] {-1, 4})
                .node("Relu", "a", List.of("b_out"), "a_out")
                .node("Relu", "b", List.of("a_out", "input"), "b_out")
                .node("Flatten", "flatten1", List.of("a_out"), "logits")
                .write(dir, "cycle.onnx");
        UserInputException e = org.junit.jupiter.api.Assertions.assertThrows(UserInputException.class,
                () -> assertTimeoutPreemptively(Duration.ofSeconds(20), () -> OnnxImport.read(f, null)));
        assertEquals(f + ": Relu node \"b\": is reached twice: the graph has a cycle, which ONNX does not allow", e.getMessage());
    }
}
