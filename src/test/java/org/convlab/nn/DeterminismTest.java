package org.convlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.convlab.engine.Parallel;
import org.convlab.engine.Shape;
import org.convlab.model.ActivationSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.DropoutSpec;
import org.convlab.model.FlattenSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Padding;
import org.convlab.model.PoolSpec;
import org.convlab.nn.optim.Sgd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Same seed, same weights: with 1 or 2 threads, and on a repeated run, bit for bit. */
class DeterminismTest {
    private final int threadsBefore = Parallel.shared().threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(threadsBefore);
    }

    /**
     * A LeNet-like net (smaller input) with dropout, 20 SGD-momentum steps; batch 24 runs as one
     * network, batch 70 split across the batch on replicas (uneven slices).
     */
    static List<float[]> train(int threads) {
        return train(threads, 24);
    }

    static List<float[]> train(int threads, int batch) {
        Parallel.setThreads(threads);
        List<LayerSpec> layers = List.of(
                ConvSpec.of(6, 5, 1, Padding.of(2)), ActivationSpec.relu(), PoolSpec.max(2, 2),
                ConvSpec.of(16, 5, 1, Padding.VALID), ActivationSpec.relu(), PoolSpec.max(2, 2),
                new FlattenSpec(null), DenseSpec.of(40), ActivationSpec.relu(), DropoutSpec.of(0.25),
                DenseSpec.of(10));
        Network net = Network.build(new NetworkSpec(Shape.of(1, 20, 20), List.of(), layers), 5);
        Sgd sgd = Sgd.momentum(0.05f, 0.9f);
        SplittableRandom rng = new SplittableRandom(3);
        float[] x = new float[batch * 400];
        int[] labels = new int[batch];
        for (int step = 0; step < 20; step++) {
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rng.nextDouble();
            }
            for (int n = 0; n < batch; n++) {
                labels[n] = rng.nextInt(10);
            }
            net.trainStep(x, labels, batch, sgd);
        }
        List<float[]> weights = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            weights.add(p.value().clone());
        }
        return weights;
    }

    @Test
    void oneAndTwoThreadsGiveBitIdenticalWeightsAfterTwentySteps() {
        List<float[]> one = train(1);
        List<float[]> two = train(2);
        List<float[]> again = train(2);
        assertEquals(one.size(), two.size());
        for (int i = 0; i < one.size(); i++) {
            assertArrayEquals(one.get(i), two.get(i), "parameter " + i + ", 1 vs 2 threads");
            assertArrayEquals(two.get(i), again.get(i), "parameter " + i + ", repeated run");
        }
    }

    @Test
    void batchSplitTrainingIsAlsoBitIdenticalAcrossThreads() {
        List<float[]> one = train(1, 70);
        List<float[]> two = train(2, 70);
        for (int i = 0; i < one.size(); i++) {
            assertArrayEquals(one.get(i), two.get(i), "parameter " + i + ", 1 vs 2 threads, batch 70");
        }
    }

    @Test
    void trainingActuallyMovesTheWeights() {
        // guards the test above against comparing untouched initial weights
        Parallel.setThreads(1);
        Network fresh = Network.build(new NetworkSpec(Shape.of(1, 20, 20), List.of(), List.of(
                ConvSpec.of(6, 5, 1, Padding.of(2)), ActivationSpec.relu(), PoolSpec.max(2, 2),
                ConvSpec.of(16, 5, 1, Padding.VALID), ActivationSpec.relu(), PoolSpec.max(2, 2),
                new FlattenSpec(null), DenseSpec.of(40), ActivationSpec.relu(), DropoutSpec.of(0.25),
                DenseSpec.of(10))), 5);
        List<float[]> trained = train(1);
        assertNotEquals(java.util.Arrays.hashCode(fresh.parameters().get(0).value()),
                java.util.Arrays.hashCode(trained.get(0)));
    }
}
