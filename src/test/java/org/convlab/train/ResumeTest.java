package org.convlab.train;

import static org.convlab.train.TrainerTest.assertSameWeights;
import static org.convlab.train.TrainerTest.weights;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.convlab.UserInputException;
import org.convlab.data.Augmentation;
import org.convlab.nn.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run stopped after epoch 2 and resumed from its checkpoint ends with exactly the weights of an uninterrupted run. */
class ResumeTest {
    @TempDir
    Path dir;

    private void resumeEqualsUninterrupted(TrainingConfig config) throws IOException {
        resumeEqualsUninterrupted(config, 40);
    }

    private void resumeEqualsUninterrupted(TrainingConfig config, int samples) throws IOException {
        ArrayDataset data = TinyData.bars(samples, 1);
        ArrayDataset val = TinyData.bars(9, 2);

        Network straight = Network.build(TinyData.net(), config.seed());
        TrainingResult whole = new Trainer(straight, data, val, null, config).run(TrainingListener.NONE);

        Network first = Network.build(TinyData.net(), config.seed());
        Trainer part = new Trainer(first, data, val, null, config);
        part.setCheckpointDir(dir);
        part.run(new TrainingListener() {
            @Override
            public void epochEnd(EpochStats stats) {
                if (stats.epoch() == 2) {
                    part.cancel();
                }
            }
        });
        try (Stream<Path> files = Files.list(dir)) {
            // atomic writes leave no temporary files behind
            assertEquals(List.of("checkpoint-epoch-001.json", "checkpoint-epoch-002.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }

        Checkpoint cp = Checkpoint.read(Checkpoint.file(dir, 2));
        assertEquals(2, cp.epoch());
        assertEquals(config, cp.config());
        Network resumed = Network.build(cp.model(), 12345); // every weight is in the checkpoint: the seed does not matter
        Trainer rest = new Trainer(resumed, data, val, null, cp.config());
        rest.continueFrom(cp);
        TrainingResult end = rest.run(TrainingListener.NONE);

        assertSameWeights(weights(straight), weights(resumed));
        assertEquals(whole.history().size(), end.history().size());
        for (int i = 0; i < whole.history().size(); i++) {
            assertEquals(whole.history().get(i).trainLoss(), end.history().get(i).trainLoss(), 0.0);
            assertEquals(whole.history().get(i).validationAccuracy(), end.history().get(i).validationAccuracy(), 0.0);
        }
    }

    @Test
    void sgdWithMomentumStepScheduleAndDropout() throws IOException {
        resumeEqualsUninterrupted(TrainerTest.tiny().epochs(4).schedule(Schedule.step(2)).weightDecay(1e-3).build());
    }

    @Test
    void adamWithCosineScheduleAndAugmentation() throws IOException {
        resumeEqualsUninterrupted(TrainerTest.tiny().epochs(4).optimizer(OptimizerKind.ADAM).learningRate(0.01)
                .schedule(Schedule.COSINE).augmentation(new Augmentation(1, true, 0)).build());
    }

    @Test
    void nesterov() throws IOException {
        resumeEqualsUninterrupted(TrainerTest.tiny().epochs(3).nesterov(true).build());
    }

    @Test
    void largeBatchesSplitAcrossReplicas() throws IOException {
        resumeEqualsUninterrupted(TrainerTest.tiny().epochs(3).batchSize(64).build(), 130);
    }

    @Test
    void aDamagedCheckpointIsAUserError() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"convlab-model\"}");
        UserInputException e = assertThrows(UserInputException.class, () -> Checkpoint.read(bad));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("not a ConvLab checkpoint"), e.getMessage());
        Files.writeString(bad, "{\"format\": \"convlab-checkpoint\", \"epoch\": 1}");
        e = assertThrows(UserInputException.class, () -> Checkpoint.read(bad));
        assertTrue(e.getMessage().contains("incomplete or damaged"), e.getMessage());
        Files.writeString(bad, "not json");
        assertThrows(UserInputException.class, () -> Checkpoint.read(bad));
        assertThrows(UserInputException.class, () -> Checkpoint.read(dir.resolve("missing.json")));
    }
}
