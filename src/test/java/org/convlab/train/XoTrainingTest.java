package org.convlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.convlab.data.DataOptions;
import org.convlab.data.DataSources;
import org.convlab.data.Dataset;
import org.convlab.data.LoadedData;
import org.convlab.data.Normalization;
import org.convlab.model.ConvSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Presets;
import org.convlab.nn.Network;
import org.junit.jupiter.api.Test;

/**
 * The X/O preset trained from scratch on sample-images/xo classifies every one of its 27 images.
 * The three 3x3 features are the slides' and stay fixed (the lesson explains exactly those
 * maps); only the fully connected votes are learnt, as the preset's description says.
 */
class XoTrainingTest {
    @Test
    void everySampleImageIsClassifiedRight() {
        NetworkSpec xo = Presets.get("xo").network();
        LoadedData loaded = DataSources.open("sample-images/xo", xo.input(),
                DataOptions.defaults().withNormalization(Normalization.SYMMETRIC).withValidationSplit(0));
        assertEquals(27, loaded.train().size());
        assertEquals(List.of(), loaded.skipped());
        ModelAdapter.Adapted adapted = ModelAdapter.adapt(xo, loaded.train().classes());
        Dataset ink = RelabelledDataset.of(InkDataset.of(loaded.train()), adapted.labelMap(), xo.classes());

        TrainingConfig config = TrainingConfig.builder().epochs(30).batchSize(4).learningRate(0.1).momentum(0.9)
                .seed(1).frozen(Set.of("conv1")).build();
        Network net = Network.build(adapted.spec(), config.seed());
        TrainingResult r = new Trainer(net, ink, null, null, config).run(TrainingListener.NONE);
        assertEquals(30, r.epochsDone());

        Evaluation e = Evaluator.evaluate(net, ink, 27);
        assertArrayEquals(new long[] {14, 0}, e.confusion()[0], "X row"); // 14 X images, all called X
        assertArrayEquals(new long[] {0, 13}, e.confusion()[1], "O row"); // 13 O images, all called O
        assertArrayEquals(((ConvSpec) xo.layer("conv1")).weight().data(), net.parameter("conv1.weight").value(),
                "the slides' features are unchanged");
    }
}
