package org.convlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.convlab.data.ResizeMode;
import org.convlab.engine.Shape;
import org.convlab.model.ActivationSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.GlobalAvgPoolSpec;
import org.convlab.model.MemoryEstimate;
import org.convlab.model.ModelSummary;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Padding;
import org.convlab.train.TrainingConfig;
import org.convlab.ui.training.TrainingSnapshot.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 3, in the app: training a model whose batch does not fit the heap ends the run
 * with the memory guard's message (shown by the dashboard), not with an OutOfMemoryError.
 */
class TrainingMemoryRefusalTest {
    private static final Path SHAPES = Path.of(System.getProperty("convlab.repo", "."), "sample-images", "shapes");

    @Test
    void aBatchThatDoesNotFitTheHeapFailsTheRunWithTheNumbers(@TempDir Path dir) throws Exception {
        // 2,000 filters on 28x28: 1.57 million values per image after the conv, one image fits, 900 do not
        NetworkSpec wide = new NetworkSpec(Shape.of(1, 28, 28), List.of("a", "b", "c", "d", "e"), List.of(
                ConvSpec.of(2000, 3, 1, Padding.SAME), ActivationSpec.relu(), new GlobalAvgPoolSpec(null), DenseSpec.of(5)));
        MemoryEstimate m = MemoryEstimate.of(ModelSummary.of(wide));
        assumeTrue(m.trainingBytes(900, 1) > Runtime.getRuntime().maxMemory(), "the heap of this JVM is too large to test");
        PreparedData d = DataPreparation.prepare(SHAPES.toString(), wide, ResizeMode.FIT_PAD, 0, 3);
        TrainingConfig config = TrainingConfig.builder().epochs(1).batchSize(100_000).learningRate(0.01).momentum(0.9)
                .seed(1).validationSplit(0).frozen(Set.of()).build();
        TrainingSession s = new TrainingSession(() -> d, config, Files.createDirectories(dir.resolve("run")), null);
        s.start();
        s.join(120_000);
        assertEquals(State.FAILED, s.current().state(), String.valueOf(s.current().message()));
        String message = s.current().message();
        assertTrue(message.contains("the whole training set of 1000 images") && message.contains("training at batch 1000 ("), message);
        assertTrue(message.contains("needs") && message.contains("-Xmx") && message.contains("use --batch"), message);
    }
}
