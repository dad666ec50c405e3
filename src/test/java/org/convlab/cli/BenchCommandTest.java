package org.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.convlab.engine.Parallel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs the benchmark on tiny settings: only that it works and prints the issue's JSON keys (no timing assertions). */
class BenchCommandTest {
    private final int threadsBefore = Parallel.shared().threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(threadsBefore);
    }

    @Test
    void tinyRunPrintsEveryKeyOfTheIssue() throws Exception {
        ForwardCommandTest.Run r = ForwardCommandTest.run("bench", "--threads", "1", "--runs", "1", "--scale", "0.005", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = r.lastJson();
        assertEquals(List.of("threads", "peak_gflops", "conv", "lenet5_train_images_per_second",
                "lenet5_infer_images_per_second", "lenet5_single_image_forward_ms", "xo_single_image_forward_us"),
                iterable(j));
        assertEquals(1, j.get("threads").asInt());
        assertEquals(4, j.get("conv").size());
        assertEquals("(64,32,16,16,64,3,1)", j.get("conv").get(3).get("shape").asText());
        for (JsonNode c : j.get("conv")) {
            assertEquals(List.of("shape", "forward_gflops", "forward_backward_gflops"), iterable(c));
            assertTrue(c.get("forward_gflops").asDouble() > 0);
        }
        assertTrue(j.get("lenet5_train_images_per_second").asDouble() > 0);
        assertTrue(j.get("xo_single_image_forward_us").asDouble() > 0);
    }

    @Test
    void badThreadCountIsAUserError() {
        ForwardCommandTest.Run r = ForwardCommandTest.run("bench", "--threads", "0");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--threads must be between 1 and 256"), r.err());
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
