package org.convlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.convlab.data.ResizeMode;
import org.convlab.model.ModelSource;
import org.convlab.model.NetworkSpec;
import org.convlab.train.TrainingConfig;
import org.convlab.ui.training.TrainingSnapshot.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two dashboard runs with the same seed and settings give the same losses bit for bit; another seed does not. */
class TrainingSessionReproduceTest {
    private static final Path SHAPES = Path.of(System.getProperty("convlab.repo", "."), "sample-images", "shapes");

    @Test
    void sameSeedSameLossesBitForBit(@TempDir Path dir) throws Exception {
        NetworkSpec lenet = ModelSource.load("preset:lenet5");
        PreparedData d = DataPreparation.prepare(SHAPES.toString(), lenet, ResizeMode.FIT_PAD, 0.1, 3);
        float[] a = run(d, 3, dir.resolve("a"));
        float[] b = run(d, 3, dir.resolve("b"));
        float[] c = run(d, 4, dir.resolve("c"));
        assertEquals(2 * 29, a.length, "900 training images in batches of 32, two epochs");
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c), "another seed gives other losses");
    }

    private static float[] run(PreparedData d, long seed, Path folder) throws Exception {
        TrainingConfig config = TrainingConfig.builder().epochs(2).batchSize(32).learningRate(0.01).momentum(0.9)
                .seed(seed).validationSplit(0.1).frozen(Set.of()).build();
        TrainingSession s = new TrainingSession(() -> d, config, java.nio.file.Files.createDirectories(folder), null);
        s.start();
        s.join(60_000);
        assertEquals(State.FINISHED, s.current().state(), String.valueOf(s.current().message()));
        assertEquals(java.util.List.of(1, 2), RunFolder.epochs(folder), "a checkpoint per epoch");
        return s.batchLosses();
    }
}
