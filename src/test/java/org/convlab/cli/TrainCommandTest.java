package org.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.convlab.model.ModelFiles;
import org.convlab.model.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    static final String XO = "sample-images/xo";

    record Run(int exit, String out, String err) {
        JsonNode lastJson() throws IOException {
            String last = out.strip().lines().reduce((a, b) -> b).orElseThrow();
            return new ObjectMapper().readTree(last);
        }

        long lines(String prefix) {
            return out.lines().filter(l -> l.startsWith(prefix)).count();
        }
    }

    static Run run(String... args) {
        CliRun r = CliRun.of(args);
        return new Run(r.code(), r.out(), r.err());
    }

    static List<String> keys(JsonNode o) {
        List<String> k = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            k.add(it.next());
        }
        return k;
    }

    /** {@code n} rows of 40 values for classes 0 and 1: a bump early in the signal or late. */
    static Path csv(Path dir, String name, int n, long seed) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < n; r++) {
            int label = r % 2;
            text.append(label);
            for (int t = 0; t < 40; t++) {
                boolean bump = label == 0 ? t >= 5 && t < 12 : t >= 26 && t < 33;
                text.append(String.format(Locale.ROOT, ",%.4f", (bump ? 1.0 : 0.0) + 0.2 * rng.nextDouble()));
            }
            text.append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void trainsTheXoPresetAndSavesAModelThatReadsBack(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("xo.json");
        Run r = run("train", "preset:xo", "--data", XO, "--epochs", "3", "--batch", "4", "--lr", "0.1",
                "--val-split", "0.2", "--out", out.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(3, r.lines("epoch "), r.out());
        assertTrue(r.out().contains("data: 21 training, 6 validation samples of 9x9x1 in 2 classes (o, x)"), r.out());
        assertTrue(r.out().contains("matched by name"), r.out());
        assertTrue(r.out().contains("fixed (not trained): conv1"), r.out());
        assertTrue(r.out().contains("saved the model to " + out), r.out());
        JsonNode j = r.lastJson();
        assertEquals(List.of("epochs", "train_loss", "train_accuracy", "val_accuracy", "test_accuracy",
                "images_per_second", "seconds", "model"), keys(j));
        assertEquals(3, j.get("epochs").asInt());
        assertTrue(j.get("val_accuracy").isNumber());
        assertTrue(j.get("test_accuracy").isNull());
        assertEquals(out.toString(), j.get("model").asText());
        NetworkSpec saved = ModelFiles.read(out);
        assertEquals(List.of("X", "O"), saved.classes());
    }

    @Test
    void resumingFromACheckpointSavesTheSameModelAsAnUninterruptedRun(@TempDir Path dir) throws IOException {
        String[] common = {"train", "preset:xo", "--data", XO, "--batch", "4", "--lr", "0.05", "--val-split", "0",
                "--freeze", "none", "--seed", "3"};
        Path whole = dir.resolve("whole.json");
        assertEquals(0, run(concat(common, "--epochs", "3", "--out", whole.toString())).exit());
        Path ck = dir.resolve("ck");
        Path part = dir.resolve("part.json");
        assertEquals(0, run(concat(common, "--epochs", "2", "--checkpoint-dir", ck.toString(), "--out", part.toString())).exit());
        Path resumed = dir.resolve("resumed.json");
        Run r = run("train", "preset:xo", "--data", XO, "--resume", ck.resolve("checkpoint-epoch-002.json").toString(),
                "--epochs", "3", "--out", resumed.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("resuming from"), r.out());
        assertEquals(1, r.lines("epoch "), r.out());
        assertEquals(3, r.lastJson().get("epochs").asInt());
        assertEquals(Files.readString(whole), Files.readString(resumed)); // base64 weights: equal text is equal bits
        assertTrue(!Files.readString(whole).equals(Files.readString(part)));
    }

    @Test
    void csvSignalsWithATestFileAndAModelResizedToTheClasses(@TempDir Path dir) throws IOException {
        Path train = csv(dir, "train.csv", 40, 1);
        Path test = csv(dir, "test.csv", 20, 2);
        Run r = run("train", "preset:mnist1d", "--data", "csv:" + train, "--test", "csv:" + test, "--epochs", "8",
                "--batch", "8", "--optimizer", "adam", "--lr", "0.01", "--schedule", "cosine", "--val-split", "0",
                "--out", dir.resolve("m.json").toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("fc1 is replaced by a new dense layer of 2 units (it had 10)"), r.out());
        JsonNode j = r.lastJson();
        assertTrue(j.get("test_accuracy").asDouble() >= 0.9, r.out());
        assertTrue(r.out().contains("test accuracy"), r.out());
    }

    @Test
    void aHugeLearningRateStopsWithAHintAndExitCode2(@TempDir Path dir) {
        Run r = run("train", "preset:xo", "--data", XO, "--epochs", "2", "--lr", "1e30", "--freeze", "none",
                "--val-split", "0", "--out", dir.resolve("nan.json").toString());
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains("is probably too high: try"), r.err());
        assertTrue(Files.exists(dir.resolve("nan.json")), "the last good weights are saved");
    }

    @Test
    void badInputExitsWith2AndAMessage(@TempDir Path dir) {
        String out = dir.resolve("o.json").toString();
        String[][] cases = {
                {"train", "preset:xo", "--data", dir.resolve("nowhere").toString(), "--out", out},
                {"train", "preset:xo", "--data", XO, "--lr", "-1", "--out", out},
                {"train", "preset:xo", "--data", XO, "--schedule", "linear", "--out", out},
                {"train", "preset:xo", "--data", XO, "--augment", "zoom:2", "--out", out},
                {"train", "preset:xo", "--data", XO, "--optimizer", "rmsprop", "--out", out},
                {"train", "preset:xo", "--data", XO, "--normalize", "pretty", "--out", out},
                {"train", "preset:xo", "--data", XO, "--freeze", "conv9", "--out", out},
                {"train", "preset:xo", "--data", XO, "--resume", dir.resolve("none.json").toString(), "--out", out},
                {"train", "preset:nosuch", "--data", XO, "--out", out},
        };
        for (String[] c : cases) {
            Run r = run(c);
            assertEquals(2, r.exit(), String.join(" ", c) + "\n" + r.err());
            assertTrue(r.err().startsWith("error: ") && r.err().strip().lines().count() == 1,
                    String.join(" ", c) + "\n" + r.err());
        }
        assertTrue(!Files.exists(dir.resolve("o.json")));
    }

    @Test
    void defaultOutputNames() {
        assertEquals("lenet5-trained.json", TrainCommand.defaultName("preset:lenet5"));
        assertEquals("my-trained.json", TrainCommand.defaultName("nets/my.json"));
    }

    static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
