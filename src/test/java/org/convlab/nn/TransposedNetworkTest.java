package org.convlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.convlab.engine.Parallel;
import org.convlab.engine.Shape;
import org.convlab.model.ConvSpec;
import org.convlab.model.ConvTransposeSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.GlobalAvgPoolSpec;
import org.convlab.model.ActivationSpec;
import org.convlab.model.ModelReader;
import org.convlab.model.ModelWriter;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Padding;
import org.convlab.model.UpsampleSpec;
import org.convlab.nn.optim.Sgd;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A small encoder-decoder with transposed convolutions and both upsampling modes, as a whole
 * network: backward against finite differences (fast and reference kernels), one training step
 * bit-identical on 1 and 2 threads, and trained weights saved and read back.
 */
class TransposedNetworkTest {
    static NetworkSpec net() {
        return new NetworkSpec(new Shape(2, 6, 6), List.of(), List.of(
                new ConvSpec(null, 3, 3, 3, 2, Padding.of(1), 1, true, false, null, null),
                new ActivationSpec(null, ActivationSpec.Kind.TANH, 0),
                new ConvTransposeSpec(null, 9, 3, 3, 2, Padding.of(1), 1, 1, 1, true, null, null),
                new UpsampleSpec(null, 2, UpsampleSpec.Mode.BILINEAR),
                new ConvTransposeSpec(null, 2, 3, 2, 1, Padding.of(1, 0), 1, 0, 2, false, null, null),
                new UpsampleSpec(null, 3, UpsampleSpec.Mode.NEAREST),
                new GlobalAvgPoolSpec(null),
                new DenseSpec(null, 3, true, null, null)));
    }

    @ParameterizedTest(name = "reference {0}")
    @ValueSource(booleans = {false, true})
    void backwardMatchesFiniteDifferences(boolean reference) {
        NetworkGradientTest.checkAll(net(), reference, true, 41);
    }

    @ParameterizedTest(name = "reference {0}")
    @ValueSource(booleans = {false, true})
    void aTrainingStepIsBitIdenticalOnOneAndTwoThreadsAndItsWeightsReadBack(boolean reference) {
        int before = Parallel.shared().threads();
        try {
            Parallel.setThreads(1);
            Network one = step(reference);
            Parallel.setThreads(2);
            Network two = step(reference);
            for (int p = 0; p < one.parameters().size(); p++) {
                assertArrayEquals(one.parameters().get(p).value(), two.parameters().get(p).value(),
                        one.parameters().get(p).name());
            }
            NetworkSpec saved = SpecExport.withWeights(one);
            NetworkSpec back = ModelReader.read(ModelWriter.write(saved), "m.json");
            assertEquals(saved, back);
            Network again = Network.build(back, 999); // no weight left to the seed
            assertEquals(List.of(), again.initialisedWeights());
            for (int p = 0; p < one.parameters().size(); p++) {
                assertArrayEquals(one.parameters().get(p).value(), again.parameters().get(p).value());
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    private static Network step(boolean reference) {
        Network net = Network.build(net(), 5);
        net.setReference(reference);
        int batch = 4;
        SplittableRandom rng = new SplittableRandom(6);
        float[] x = new float[batch * net.inputShape().size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        net.trainStep(x, new int[] {0, 1, 2, 1}, batch, new Sgd(0.1f, 0.9f, false, 0f));
        return net;
    }
}
