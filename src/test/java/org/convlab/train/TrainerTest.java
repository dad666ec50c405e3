package org.convlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.convlab.nn.Network;
import org.convlab.nn.Parameter;
import org.junit.jupiter.api.Test;

class TrainerTest {
    static List<float[]> weights(Network net) {
        List<float[]> all = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            all.add(p.value().clone());
        }
        for (Parameter p : net.buffers()) {
            all.add(p.value().clone());
        }
        return all;
    }

    static void assertSameWeights(List<float[]> expected, List<float[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "tensor " + i); // exact, bit for bit
        }
    }

    static TrainingConfig.Builder tiny() {
        return TrainingConfig.builder().epochs(6).batchSize(8).learningRate(0.05).momentum(0.9).seed(7);
    }

    static Network trainTiny(TrainingConfig config) {
        Network net = Network.build(TinyData.net(), config.seed());
        new Trainer(net, TinyData.bars(60, 1), null, null, config).run(TrainingListener.NONE);
        return net;
    }

    @Test
    void lossGoesDownAndTheProblemIsLearnt() {
        TrainingConfig config = tiny().build();
        Network net = Network.build(TinyData.net(), 7);
        ArrayDataset data = TinyData.bars(60, 1);
        ArrayDataset held = TinyData.bars(30, 2);
        Evaluation before = Evaluator.evaluate(net, held, 8);
        TrainingResult r = new Trainer(net, data, held, null, config).run(TrainingListener.NONE);
        assertTrue(r.completed());
        assertEquals(6, r.history().size());
        double first = r.history().get(0).trainLoss();
        double last = r.last().trainLoss();
        assertTrue(last < first / 2, "train loss " + first + " -> " + last);
        assertTrue(r.last().validationLoss() < before.loss() / 2,
                "validation loss " + before.loss() + " -> " + r.last().validationLoss());
        assertTrue(r.last().validationAccuracy() >= 0.9, "validation accuracy " + r.last().validationAccuracy());
    }

    @Test
    void sameSeedSameBitsWhateverTheThreadCount() {
        List<float[]> one = weights(trainTiny(tiny().epochs(2).threads(1).build()));
        List<float[]> two = weights(trainTiny(tiny().epochs(2).threads(2).build()));
        assertSameWeights(one, two);
    }

    @Test
    void largeBatchesSplitAcrossReplicasAreDeterministicToo() {
        // batches of 64 run as two 32-sample slices on replicas; the last batch (2 samples) does not split
        TrainingConfig config = tiny().epochs(2).batchSize(64).build();
        List<float[]> runs = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            Network net = Network.build(TinyData.net(), 7);
            org.convlab.engine.Parallel.setThreads(threads);
            new Trainer(net, TinyData.bars(130, 1), null, null, config).run(TrainingListener.NONE);
            runs.addAll(weights(net));
        }
        int half = runs.size() / 2;
        assertSameWeights(runs.subList(0, half), runs.subList(half, runs.size()));
    }

    @Test
    void aHugeLearningRateStopsWithAHintAndKeepsTheLastGoodWeights() {
        TrainingConfig config = tiny().learningRate(1e30).momentum(0).build();
        Network net = Network.build(TinyData.net(), 7);
        List<float[]> initial = weights(net);
        List<TrainingListener.Stop> stops = new ArrayList<>();
        TrainingResult r = new Trainer(net, TinyData.bars(60, 1), null, null, config).run(new TrainingListener() {
            @Override
            public void stopped(Stop stop) {
                stops.add(stop);
            }
        });
        assertNotNull(r.stop());
        assertEquals(List.of(r.stop()), stops);
        assertEquals(TrainingListener.Reason.NON_FINITE_LOSS, r.stop().reason());
        assertEquals(1, r.stop().epoch());
        assertTrue(r.stop().message().contains("learning rate 1E+30 is probably too high: try 1E+29"), r.stop().message());
        assertTrue(r.history().isEmpty());
        assertNull(r.test());
        // stopped in the first epoch: the last good weights are the ones it started from
        assertSameWeights(initial, weights(net));
    }

    @Test
    void aStopInALaterEpochKeepsThatEpochsStartingWeights() {
        // epoch 1 at a sane rate, then a rate that blows up: step schedule cannot raise it, so use
        // a checkpoint-free two-stage run: train one epoch, remember, then continue at a huge rate
        TrainingConfig sane = tiny().epochs(1).build();
        Network net = Network.build(TinyData.net(), 7);
        ArrayDataset data = TinyData.bars(60, 1);
        new Trainer(net, data, null, null, sane).run(TrainingListener.NONE);
        List<float[]> afterOne = weights(net);
        TrainingResult r = new Trainer(net, data, null, null, tiny().learningRate(1e30).momentum(0).build())
                .run(TrainingListener.NONE);
        assertEquals(TrainingListener.Reason.NON_FINITE_LOSS, r.stop().reason());
        assertSameWeights(afterOne, weights(net));
    }

    @Test
    void listenersHearEveryBatchAndEpochInOrder() {
        TrainingConfig config = tiny().epochs(2).build();
        Network net = Network.build(TinyData.net(), 7);
        List<String> events = new ArrayList<>();
        new Trainer(net, TinyData.bars(20, 1), TinyData.bars(9, 3), TinyData.bars(9, 4), config).run(new TrainingListener() {
            @Override
            public void begin(Start s) {
                events.add("begin " + s.firstEpoch() + "/" + s.epochs() + " " + s.trainSamples() + " " + s.batchesPerEpoch());
            }

            @Override
            public void batchEnd(BatchEnd b) {
                events.add("batch " + b.epoch() + "." + b.batch() + "/" + b.batches());
            }

            @Override
            public void epochEnd(EpochStats e) {
                events.add("epoch " + e.epoch() + " val " + e.hasValidation());
            }

            @Override
            public void end(TrainingResult r) {
                events.add("end " + r.epochsDone() + " test " + r.test().total());
            }
        });
        assertEquals(List.of("begin 1/2 20 3", "batch 1.1/3", "batch 1.2/3", "batch 1.3/3", "epoch 1 val true",
                "batch 2.1/3", "batch 2.2/3", "batch 2.3/3", "epoch 2 val true", "end 2 test 9"), events);
    }

    @Test
    void frozenLayersKeepTheirValues() {
        TrainingConfig config = tiny().epochs(1).frozen(java.util.Set.of("conv1")).build();
        Network net = Network.build(TinyData.net(), 7);
        float[] conv = net.parameter("conv1.weight").value().clone();
        float[] fc = net.parameter("fc1.weight").value().clone();
        new Trainer(net, TinyData.bars(20, 1), null, null, config).run(TrainingListener.NONE);
        assertArrayEquals(conv, net.parameter("conv1.weight").value());
        assertTrue(!java.util.Arrays.equals(fc, net.parameter("fc1.weight").value()), "fc1 trains");
    }
}
