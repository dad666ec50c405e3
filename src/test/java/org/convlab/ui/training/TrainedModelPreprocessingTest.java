package org.convlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;
import org.convlab.data.ResizeMode;
import org.convlab.model.ModelSource;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Preprocessing;
import org.convlab.train.TrainingConfig;
import org.convlab.ui.training.TrainingSnapshot.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model trained in the dashboard records how its images were prepared, as `train` does. */
class TrainedModelPreprocessingTest {
    private static final Path XO = Path.of(System.getProperty("convlab.repo", "."), "sample-images", "xo");

    @Test
    void theXoLessonsInkConventionAndTheResizeAreSaved(@TempDir Path dir) throws Exception {
        NetworkSpec xo = ModelSource.load("preset:xo");
        PreparedData d = DataPreparation.prepare(XO.toString(), xo, ResizeMode.STRETCH, 0, 1);
        TrainingConfig config = TrainingConfig.builder().epochs(1).batchSize(4).learningRate(0.1).seed(1)
                .validationSplit(0).frozen(Set.of()).build();
        TrainingSession s = new TrainingSession(() -> d, config, dir, null);
        s.start();
        s.join(60_000);
        assertEquals(State.FINISHED, s.current().state(), String.valueOf(s.current().message()));
        // 9x9 grey: the slides' convention, dark ink +1 and white -1
        assertEquals(Preprocessing.of("ink", "stretch"), s.trainedSpec().preprocessing());
    }

    @Test
    void aModelThatStoresStandardizeIsPreparedWithItsOwnStatistics() {
        NetworkSpec lenet = ModelSource.load("preset:lenet5")
                .withPreprocessing(new Preprocessing("standardize", "fit", new float[] {0.25f}, new float[] {0.5f}));
        PreparedData d = DataPreparation.prepare(XO.getParent().resolve("shapes").toString(), lenet, ResizeMode.FIT_PAD, 0.1, 1);
        assertEquals("standardize", d.normalization());
        // the stored statistics, not the shapes' own
        assertEquals(0.25f, d.loaded().normalization().mean()[0]);
        assertEquals(0.5f, d.loaded().normalization().std()[0]);
    }
}
