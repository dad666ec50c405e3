package org.convlab.cli;

import static org.convlab.cli.TrainCommandTest.keys;
import static org.convlab.cli.TrainCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convlab.cli.TrainCommandTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
    /** A dense layer whose weights are the identity: the logits are the two input values. */
    static final String IDENTITY = """
            {"format": "convlab-model", "version": 1, "input": {"channels": 1, "height": 1, "width": 2},
             "classes": ["left", "right"],
             "layers": [{"type": "dense", "name": "fc", "units": 2,
                         "weight": {"shape": [2, 2], "data": [1, 0, 0, 1]}, "bias": {"shape": [2], "data": [0, 0]}}]}
            """;

    @Test
    void accuracyPerClassAndConfusionByHand(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("identity.json");
        Files.writeString(model, IDENTITY);
        // label, then the two values; predicted class = the larger value
        Path data = dir.resolve("d.csv");
        Files.writeString(data, "0,2,0\n0,0,5\n0,3,1\n1,0,1\n1,4,1\n1,1,2\n1,0,9\n");
        // true left: predicted left, right, left; true right: right, left, right, right
        Run r = run("eval", model.toString(), "--data", "csv:" + data, "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = r.lastJson();
        assertEquals(List.of("accuracy", "per_class", "confusion"), keys(j).subList(0, 3));
        assertEquals(5.0 / 7, j.get("accuracy").asDouble(), 1e-12);
        assertEquals(2.0 / 3, j.get("per_class").get("left").asDouble(), 1e-12);
        assertEquals(3.0 / 4, j.get("per_class").get("right").asDouble(), 1e-12);
        assertEquals("[[2,1],[1,3]]", j.get("confusion").toString());

        Run text = run("eval", model.toString(), "--data", "csv:" + data);
        assertEquals(0, text.exit());
        assertTrue(text.out().contains("accuracy 71.43% (5 of 7)"), text.out());
        assertTrue(text.out().contains("confusion matrix"), text.out());
    }

    @Test
    void aTrainedXoModelGetsEverySampleImageRight(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("xo.json");
        Run t = run("train", "preset:xo", "--data", TrainCommandTest.XO, "--epochs", "30", "--batch", "4", "--lr", "0.1",
                "--val-split", "0", "--out", model.toString());
        assertEquals(0, t.exit(), t.err());
        Run r = run("eval", model.toString(), "--data", TrainCommandTest.XO, "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = r.lastJson();
        assertEquals(1.0, j.get("accuracy").asDouble());
        assertEquals("[[14,0],[0,13]]", j.get("confusion").toString()); // model order: X, O
        assertEquals(List.of("X", "O"), keys(j.get("per_class")));
    }

    @Test
    void badInputExitsWith2(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("d.csv");
        Files.writeString(data, "0,2,0\n1,0,5\n");
        Path model = dir.resolve("identity.json");
        Files.writeString(model, IDENTITY);
        String[][] cases = {
                {"eval", "preset:lenet5", "--data", TrainCommandTest.XO}, // 10 outputs, 2 classes
                {"eval", dir.resolve("missing.json").toString(), "--data", "csv:" + data},
                {"eval", model.toString(), "--data", "csv:" + dir.resolve("missing.csv")},
                {"eval", model.toString(), "--data", "csv:" + data, "--batch", "0"},
        };
        for (String[] c : cases) {
            Run r = run(c);
            assertEquals(2, r.exit(), String.join(" ", c) + "\n" + r.err());
            assertTrue(r.err().contains("error: "), r.err());
        }
    }
}
