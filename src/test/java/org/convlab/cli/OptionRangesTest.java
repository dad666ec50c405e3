package org.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convlab.UserInputException;
import org.convlab.cli.TrainCommandTest.Run;
import org.convlab.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every numeric option has a range: a value outside, NaN, Infinity or a number too large for its
 * type is exit 2 and one line on stderr naming the option and its range. The ranges are the rule's
 * (issue 13), not read back from the code: --lr above 0 and not 0 as a float, --momentum [0, 1),
 * --weight-decay 0 or more, --epochs 1..1,000,000, --batch 1..1,000,000, --threads 1..256,
 * --val-split [0, 1), --seed any long, --width 200..8000, indices 0 or more.
 */
class OptionRangesTest {
    /** Data that does not exist: a range check that fails to fire ends in another message, which the assertions catch. */
    private static final String NO_DATA = "no-such-folder-for-option-tests";
    private static final String X_IMAGE = TrainCommandTest.XO + "/x/x-01-canonical.png";

    private record Case(String option, String value, String range, String[] args) {}

    private static Case train(String option, String value, String range) {
        return new Case(option, value, range, new String[] {"train", "preset:xo", "--data", NO_DATA, option, value});
    }

    private static Case command(String command, String option, String value, String range, String... more) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of(more));
        args.add(option);
        args.add(value);
        return new Case(option, value, range, args.toArray(String[]::new));
    }

    @Test
    void everyValueOutsideItsRangeIsOneLineNamingTheOptionAndTheRange() {
        List<Case> cases = new ArrayList<>();
        for (String v : new String[] {"0", "-1", "1e-320", "NaN", "Infinity", "-Infinity", "1e39", "abc", "0x10"}) {
            cases.add(train("--lr", v, "above 0"));
        }
        for (String v : new String[] {"-0.1", "1", "1.5", "0.99999999999", "NaN", "Infinity"}) {
            cases.add(train("--momentum", v, "at least 0 and below 1"));
        }
        for (String v : new String[] {"-1e-9", "NaN", "Infinity", "1e39", "100.01"}) {
            cases.add(train("--weight-decay", v, "between 0 and 100"));
        }
        for (String v : new String[] {"garbage", "", "0", "NaN"}) {
            cases.add(command("forward", "--pixels", v, "auto, unit, signed or ink", "preset:xo", "--input", "x.png"));
            cases.add(command("grad", "--pixels", v, "auto, unit, signed or ink", "preset:xo", "--input", "x.png",
                    "--label", "0"));
        }
        for (String v : new String[] {"0", "-1", "1000001", "2147483648", "1.5", "NaN"}) {
            cases.add(train("--epochs", v, "between 1 and 1,000,000"));
        }
        for (String v : new String[] {"0", "-5", "1000001", "2147483647", "99999999999999999999"}) {
            cases.add(train("--batch", v, "between 1 and 1,000,000"));
            cases.add(command("eval", "--batch", v, "between 1 and 1,000,000", "preset:xo", "--data", NO_DATA));
        }
        for (String v : new String[] {"0", "-1", "257", "2147483647"}) {
            cases.add(train("--threads", v, "between 1 and 256"));
            cases.add(command("eval", "--threads", v, "between 1 and 256", "preset:xo", "--data", NO_DATA));
            cases.add(command("bench", "--threads", v, "between 1 and 256"));
        }
        for (String v : new String[] {"-0.1", "1", "2", "NaN", "-Infinity"}) {
            cases.add(train("--val-split", v, "at least 0 and below 1"));
        }
        for (String v : new String[] {"1.5", "9223372036854775808", "NaN", "seven"}) {
            cases.add(train("--seed", v, "whole number"));
            cases.add(command("forward", "--seed", v, "whole number", "preset:xo", "--input", "x.png"));
        }
        String[] render = {"preset:xo", "--input", "x.png", "--view", "conv", "--out", "x.png"};
        for (String v : new String[] {"199", "8001", "-1", "NaN"}) {
            cases.add(command("render", "--width", v, "between 200 and 8,000", render));
        }
        for (String option : new String[] {"--layer", "--channel", "--filter", "--step"}) {
            cases.add(command("render", option, "-1", "between 0 and", render));
            cases.add(command("render", option, "2147483648", "between 0 and 2,147,483,647", render));
        }
        for (String v : new String[] {"0", "1001", "-3"}) {
            cases.add(command("bench", "--runs", v, "between 1 and 1,000"));
        }
        for (String v : new String[] {"0", "NaN", "1e9"}) {
            cases.add(command("bench", "--scale", v, "above 0"));
        }
        for (Case c : cases) {
            Run r = TrainCommandTest.run(c.args());
            String what = String.join(" ", c.args()) + "\n" + r.err();
            assertEquals(2, r.exit(), what);
            List<String> lines = r.err().strip().lines().toList();
            assertEquals(1, lines.size(), what);
            String line = lines.get(0);
            assertTrue(line.startsWith("error: " + c.option() + " "), what);
            assertTrue(line.contains(c.range()), what);
            assertTrue(line.contains(c.value()), "the message repeats the value: " + what);
            assertEquals("", r.out(), what);
        }
    }

    /** A numeric option added later without a range would take NaN, -1 or 2^31-1 again: each must have a converter. */
    @Test
    void everyNumericOptionOfEveryCommandHasARangeConverter() {
        picocli.CommandLine root = new picocli.CommandLine(new ConvLabCommand());
        int numeric = 0;
        for (picocli.CommandLine sub : root.getSubcommands().values()) {
            for (picocli.CommandLine.Model.OptionSpec o : sub.getCommandSpec().options()) {
                Class<?> t = o.type();
                boolean isNumber = t.isPrimitive() && t != boolean.class || Number.class.isAssignableFrom(t);
                if (isNumber) {
                    numeric++;
                    assertTrue(o.converters().length > 0
                                    && o.converters()[0].getClass().getEnclosingClass() == OptionRanges.class,
                            sub.getCommandName() + " " + o.longestName() + " has no range");
                }
            }
        }
        assertTrue(numeric >= 22, "found " + numeric + " numeric options"); // 22 when this was written
    }

    @Test
    void augmentShiftAndRotationHaveRanges() {
        String[][] cases = {
                {"shift:2147483647", "between 0 and 1024"},
                {"shift:-1", "between 0 and 1024"},
                {"shift:1025", "between 0 and 1024"},
                {"shift:9", "shift:0..8"}, // preset:xo's input is 9x9: a shift of 9 moves it all out
                {"rotate:181", "between 0 and 180"},
                {"rotate:NaN", "between 0 and 180"},
                {"rotate:1e400", "between 0 and 180"},
                {"flip,shift:two", "between 0 and 1024"},
        };
        for (String[] c : cases) {
            Run r = TrainCommandTest.run("train", "preset:xo", "--data", NO_DATA, "--augment", c[0]);
            String what = c[0] + "\n" + r.err();
            assertEquals(2, r.exit(), what);
            assertEquals(1, r.err().strip().lines().count(), what);
            assertTrue(r.err().startsWith("error: --augment"), what);
            assertTrue(r.err().contains(c[1]), what);
        }
    }

    @Test
    void scheduleStepHasARange() {
        for (String s : new String[] {"step:0", "step:-2", "step:1000001", "step:99999999999", "step:x"}) {
            Run r = TrainCommandTest.run("train", "preset:xo", "--data", NO_DATA, "--schedule", s);
            assertEquals(2, r.exit(), s + "\n" + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("error: --schedule"), r.err());
        }
    }

    @Test
    void labelIsAClassIndexOrName() {
        // preset:xo has two classes, X and O: 0..1
        for (String k : new String[] {"2", "-1", "2147483648", "99999999999999999999", "Q"}) {
            Run r = TrainCommandTest.run("grad", "preset:xo", "--input", X_IMAGE, "--label", k);
            String what = k + "\n" + r.err();
            assertEquals(2, r.exit(), what);
            assertEquals(1, r.err().strip().lines().count(), what);
            assertTrue(r.err().startsWith("error: --label must be a class index from 0 to 1"), what);
        }
        assertEquals(0, TrainCommandTest.run("grad", "preset:xo", "--input", X_IMAGE, "--label", "1").exit());
        assertEquals(0, TrainCommandTest.run("grad", "preset:xo", "--input", X_IMAGE, "--label", "O").exit());
    }

    @Test
    void theEdgesOfEachRangeAreAccepted() {
        assertEquals(1_000_000, new OptionRanges.Epochs().convert("1000000"));
        assertEquals(1, new OptionRanges.Epochs().convert("1"));
        assertEquals(1_000_000, new OptionRanges.Batch().convert("1000000"));
        assertEquals(256, new OptionRanges.Threads().convert("256"));
        assertEquals(1, new OptionRanges.Threads().convert("+1"));
        assertEquals(0.0, new OptionRanges.Momentum().convert("0"));
        assertEquals(0.9999999, new OptionRanges.Momentum().convert("0.9999999")); // 0.9999999f < 1
        assertEquals(0.0, new OptionRanges.WeightDecay().convert("0"));
        assertEquals(0.0, new OptionRanges.ValidationSplit().convert("0"));
        assertEquals(0.999, new OptionRanges.ValidationSplit().convert("0.999"));
        assertEquals(1.4e-45, new OptionRanges.LearningRate().convert("1.4e-45")); // Float.MIN_VALUE
        assertEquals(3.4e38, new OptionRanges.LearningRate().convert("3.4e38")); // below Float.MAX_VALUE
        assertThrows(OptionRanges.OutOfRange.class, () -> new OptionRanges.LearningRate().convert("3.5e38"));
        assertEquals(100.0, new OptionRanges.WeightDecay().convert("100"));
        assertEquals("ink", new OptionRanges.Pixels().convert("ink"));
        assertEquals("auto", new OptionRanges.Pixels().convert("auto"));
        assertEquals(Long.MIN_VALUE, new OptionRanges.Seed().convert("-9223372036854775808"));
        assertEquals(Long.MAX_VALUE, new OptionRanges.Seed().convert("9223372036854775807"));
        assertEquals(200, new OptionRanges.Width().convert("200"));
        assertEquals(8000, new OptionRanges.Width().convert("8000"));
        assertEquals(0, new OptionRanges.Step().convert("0"));
    }

    /** Values that come from elsewhere (a checkpoint, the app) are named as fields, never as command-line flags. */
    @Test
    void trainingConfigNamesFieldsNotFlags() {
        List<java.util.function.Supplier<TrainingConfig>> bad = List.of(
                () -> TrainingConfig.builder().learningRate(1e-320).build(),
                () -> TrainingConfig.builder().learningRate(Double.NaN).build(),
                () -> TrainingConfig.builder().learningRate(Double.POSITIVE_INFINITY).build(),
                () -> TrainingConfig.builder().momentum(0.99999999999).build(),
                () -> TrainingConfig.builder().momentum(Double.NaN).build(),
                () -> TrainingConfig.builder().weightDecay(1e39).build(),
                () -> TrainingConfig.builder().epochs(0).build(),
                () -> TrainingConfig.builder().epochs(1_000_001).build(),
                () -> TrainingConfig.builder().batchSize(0).build(),
                () -> TrainingConfig.builder().batchSize(Integer.MAX_VALUE).build(),
                () -> TrainingConfig.builder().threads(-1).build(),
                () -> TrainingConfig.builder().threads(257).build(),
                () -> TrainingConfig.builder().validationSplit(1).build(),
                () -> TrainingConfig.builder().nesterov(true).momentum(0).build());
        for (var b : bad) {
            UserInputException e = assertThrows(UserInputException.class, b::get);
            assertFalse(e.getMessage().contains("--"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
        assertThrows(UserInputException.class, () -> new org.convlab.data.Augmentation(Integer.MAX_VALUE, false, 0));
        assertThrows(UserInputException.class, () -> new org.convlab.data.Augmentation(0, false, Double.NaN));
        UserInputException step = assertThrows(UserInputException.class, () -> org.convlab.train.Schedule.parse("step:0"));
        assertFalse(step.getMessage().contains("--"), step.getMessage());
        UserInputException opt = assertThrows(UserInputException.class, () -> org.convlab.train.OptimizerKind.parse("rmsprop"));
        assertFalse(opt.getMessage().contains("--"), opt.getMessage());
    }

    /** A bad value inside a checkpoint names the file and the field, never the flag it did not come from. */
    @Test
    void aCheckpointsBadValueIsNotReportedAsAFlag(@TempDir Path dir) throws IOException {
        Path cp = dir.resolve("cp.json");
        Files.writeString(cp, """
                {"format": "convlab-checkpoint", "version": 1, "epoch": 1,
                 "config": {"epochs": 5, "batch": 4, "lr": 1e-320, "momentum": 0.9, "nesterov": false,
                            "optimizer": "sgd", "weight_decay": 0, "schedule": "constant", "seed": 1},
                 "model": {"format": "convlab-model", "version": 1, "input": {"channels": 1, "height": 1, "width": 2},
                           "layers": [{"type": "dense", "name": "fc", "units": 2}]}}
                """);
        Run r = TrainCommandTest.run("train", "preset:xo", "--data", TrainCommandTest.XO, "--resume", cp.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(cp.toString()), r.err());
        assertFalse(r.err().contains("--lr"), r.err());
    }

    @Test
    void renderLayerPastTheModelNamesTheOptionAndTheModelsRange(@TempDir Path dir) {
        // preset:xo has 6 top-level layers: 0..5
        Run r = TrainCommandTest.run("render", "preset:xo", "--input", X_IMAGE, "--view", "maps", "--layer", "6",
                "--out", dir.resolve("m.csv").toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals("error: --layer must be between 0 and 5 (preset:xo has 6 layers), got 6", r.err().strip());
    }

    /** An epoch of 2^31 (read as -2^31) trained "from epoch -2147483648": a hang. Refused, naming the file. */
    @Test
    void aCheckpointEpochPastTheRangeIsRefused(@TempDir Path dir) throws IOException {
        for (String epoch : new String[] {"2147483648", "-5", "1000001"}) {
            Path cp = dir.resolve("cp" + epoch + ".json");
            Files.writeString(cp, """
                    {"format": "convlab-checkpoint", "version": 1, "epoch": EPOCH,
                     "config": {"epochs": 5, "batch": 4, "lr": 0.01, "momentum": 0.9, "nesterov": false,
                                "optimizer": "sgd", "weight_decay": 0, "schedule": "constant", "seed": 1},
                     "model": {"format": "convlab-model", "version": 1, "input": {"channels": 1, "height": 1, "width": 2},
                               "layers": [{"type": "dense", "name": "fc", "units": 2}]}}
                    """.replace("EPOCH", epoch));
            Run r = TrainCommandTest.run("train", "preset:xo", "--data", TrainCommandTest.XO, "--resume", cp.toString(),
                    "--out", dir.resolve("out.json").toString());
            assertEquals(2, r.exit(), epoch + "\n" + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(cp.toString()), r.err());
        }
    }

    @Test
    void freezeNamesLayersOfTheModel() {
        Run r = TrainCommandTest.run("train", "preset:xo", "--data", TrainCommandTest.XO, "--freeze", "conv1,nosuch",
                "--epochs", "1", "--out", "never-written.json");
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: --freeze: the model has no layer 'nosuch'"), r.err());
        assertFalse(r.out().contains("fixed"), r.out());
        assertFalse(Files.exists(Path.of("never-written.json")));
    }
}
