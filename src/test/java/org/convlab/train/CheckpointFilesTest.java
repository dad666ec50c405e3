package org.convlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;
import org.convlab.model.ActivationSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.TestWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints of large models read back bit for bit; every field outside its range is one line naming it. */
class CheckpointFilesTest {
    @TempDir
    Path dir;

    private static Checkpoint checkpoint(int units) {
        NetworkSpec net = TestWeights.withWeights(new NetworkSpec(Shape.of(1, 64, 64), List.of("a", "b"), List.of(
                DenseSpec.of(units), new ActivationSpec(null, ActivationSpec.Kind.RELU, 0), DenseSpec.of(2))));
        TrainingConfig config = TrainingConfig.builder().epochs(5).batchSize(8).learningRate(0.05).momentum(0.9).seed(7).build();
        EpochStats one = new EpochStats(1, 5, 0.7, 0.5, Double.NaN, Double.NaN, 12.5, 0.05, 3, 12);
        return new Checkpoint(net, config, 1, Map.of("fc1.weight.momentum", TestWeights.values(99, units * 4096)), 4,
                -123456789L, List.of(one), Map.of("source", "images/"));
    }

    @Test
    void aCheckpointOfA4MillionWeightLayerRoundTripsBitForBit() throws IOException {
        Checkpoint cp = checkpoint(1024);
        Path file = Checkpoint.file(dir, 1);
        cp.write(file);
        Checkpoint back = Checkpoint.read(file);
        TestWeights.check(back.model());
        assertEquals(cp.model(), back.model());
        assertArrayEquals(cp.optimizerState().get("fc1.weight.momentum"), back.optimizerState().get("fc1.weight.momentum"));
        assertEquals(List.of("fc1.weight.momentum"), List.copyOf(back.optimizerState().keySet()));
        assertEquals(cp.config(), back.config());
        assertEquals(cp.history(), back.history());
        assertEquals(List.of(1, 4L, -123456789L, cp.data()), List.of(back.epoch(), back.optimizerSteps(), back.dropoutSeed(), back.data()));
    }

    private String edited(String from, String to) throws IOException {
        Path file = dir.resolve("cp.json");
        if (!Files.exists(file)) {
            checkpoint(2).write(file);
        }
        String text = Files.readString(file);
        assertFalse(text.indexOf(from) < 0, from);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        String m = assertThrows(UserInputException.class, () -> Checkpoint.read(bad)).getMessage();
        assertEquals(1, m.lines().count(), m);
        assertFalse(m.contains("--"), "a checkpoint field is not a command-line flag: " + m);
        return m;
    }

    @Test
    void fieldsOutsideTheirRangeNameTheFieldAndTheRange() throws IOException {
        String bad = dir.resolve("bad.json").toString();
        assertEquals(bad + ": the checkpoint's \"epoch\" must be a whole number from 1 to 5 (the run's \"config.epochs\"), got 2147483648",
                edited("\"epoch\" : 1,", "\"epoch\" : 2147483648,"));
        assertEquals(bad + ": the checkpoint's \"epoch\" must be a whole number from 1 to 5 (the run's \"config.epochs\"), got -5",
                edited("\"epoch\" : 1,", "\"epoch\" : -5,"));
        assertEquals(bad + ": the checkpoint's \"version\" is 99, but this ConvLab reads checkpoint version 1 only",
                edited("\"version\" : 1,", "\"version\" : 99,"));
        assertEquals(bad + ": the checkpoint's \"config.lr\" must be a number above 0, got -0.5",
                edited("\"lr\" : 0.05,", "\"lr\" : -0.5,"));
        assertEquals(bad + ": the checkpoint's \"config.lr\" must be a number above 0 that a float can hold (at least 1.4e-45), got 1.0E-320",
                edited("\"lr\" : 0.05,", "\"lr\" : 1e-320,"));
        assertEquals(bad + ": the checkpoint's \"config.batch\" must be a whole number from 1 to 2147483647, got 0",
                edited("\"batch\" : 8,", "\"batch\" : 0,"));
        assertEquals(bad + ": the checkpoint's \"config.momentum\" must be a number from 0 and below 1, got 1.5",
                edited("\"momentum\" : 0.9,", "\"momentum\" : 1.5,"));
        assertEquals(bad + ": the checkpoint's \"config.threads\" must be a whole number from 0 to 1024 (0 keeps the machine's default), got -1",
                edited("\"threads\" : 0,", "\"threads\" : -1,"));
        assertEquals(bad + ": the checkpoint's \"optimizer.steps\" must be a whole number 0 or more, got -4",
                edited("\"steps\" : 4,", "\"steps\" : -4,"));
        assertEquals(bad + ": the checkpoint's \"config.schedule\" must be constant, cosine or step:N with N from 1 to 2147483647, got \"step:0\"",
                edited("\"schedule\" : \"constant\"", "\"schedule\" : \"step:0\""));
        assertEquals(bad + ": the checkpoint's \"history[0].epoch\" must be a whole number from 1 to 1 (the epochs done so far), got 3",
                edited("\"epoch\" : 1,\n    \"epochs\"", "\"epoch\" : 3,\n    \"epochs\""));
        assertEquals(bad + ": the checkpoint's \"rng.dropout_seed\" must be a whole number from -9223372036854775808 to 9223372036854775807, got 18446744073709551617",
                edited("\"dropout_seed\" : -123456789", "\"dropout_seed\" : 18446744073709551617"));
        assertEquals(bad + ": there is more after the end of the JSON checkpoint (line 1, column 3): a checkpoint file holds one JSON object and nothing after it",
                edited("{\n", "{}{\n"));
    }
}
