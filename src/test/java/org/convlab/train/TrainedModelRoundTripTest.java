package org.convlab.train;

import static org.convlab.train.TrainerTest.assertSameWeights;
import static org.convlab.train.TrainerTest.weights;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convlab.engine.Shape;
import org.convlab.model.ActivationSpec;
import org.convlab.model.BatchNormSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.FlattenSpec;
import org.convlab.model.ModelReader;
import org.convlab.model.ModelWriter;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Padding;
import org.convlab.model.ResidualSpec;
import org.convlab.nn.Network;
import org.convlab.nn.SpecExport;
import org.junit.jupiter.api.Test;

class TrainedModelRoundTripTest {
    @Test
    void aTrainedNetworkWrittenAndReadBackHasTheSameBits() {
        NetworkSpec spec = new NetworkSpec(TinyData.SHAPE, TinyData.CLASSES, List.of(
                ConvSpec.of(4, 3, 1, Padding.SAME), BatchNormSpec.standard(), ActivationSpec.relu(),
                new ResidualSpec(null, List.of(ConvSpec.of(4, 3, 1, Padding.SAME), ActivationSpec.relu()), false),
                new FlattenSpec(null), DenseSpec.of(3)));
        Network net = Network.build(spec, 3);
        new Trainer(net, TinyData.bars(30, 1), null, null, TrainerTest.tiny().epochs(2).build()).run(TrainingListener.NONE);
        Network fresh = Network.build(spec, 3);
        String text = ModelWriter.write(SpecExport.withWeights(net));
        Network back = Network.build(ModelReader.read(text, "trained"), 99);
        assertTrue(back.initialisedWeights().isEmpty(), "every weight is stored: " + back.initialisedWeights());
        assertSameWeights(weights(net), weights(back)); // parameters and batch-norm running statistics
        assertTrue(!java.util.Arrays.equals(weights(fresh).get(0), weights(back).get(0)), "trained, not initial");
    }

    /** ResNet's downsampling blocks: the 1x1 projection and its batch norm are trained weights too. */
    @Test
    void aProjectedResidualKeepsItsProjectionWeights() {
        NetworkSpec spec = new NetworkSpec(TinyData.SHAPE, TinyData.CLASSES, List.of(
                ConvSpec.of(4, 3, 1, Padding.SAME), ActivationSpec.relu(),
                new ResidualSpec("down", List.of(ConvSpec.of(6, 3, 2, Padding.of(1)), BatchNormSpec.standard(),
                        ActivationSpec.relu()), true),
                new FlattenSpec(null), DenseSpec.of(3)));
        Network net = Network.build(spec, 3);
        new Trainer(net, TinyData.bars(30, 1), null, null, TrainerTest.tiny().epochs(2).build()).run(TrainingListener.NONE);
        String text = ModelWriter.write(SpecExport.withWeights(net));
        Network back = Network.build(ModelReader.read(text, "trained"), 99);
        assertTrue(back.initialisedWeights().isEmpty(), "every weight is stored: " + back.initialisedWeights());
        assertSameWeights(weights(net), weights(back));
        // and the reopened model computes the same outputs, bit for bit
        float[] x = new float[4 * TinyData.SHAPE.size()];
        var probe = TinyData.bars(4, 5);
        for (int i = 0; i < 4; i++) {
            probe.copySample(i, x, i * TinyData.SHAPE.size());
        }
        int n = 4 * TinyData.CLASSES.size(); // the output buffers may be longer than this batch
        float[] before = java.util.Arrays.copyOf(net.forward(x, 4, false), n);
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, java.util.Arrays.copyOf(back.forward(x, 4, false), n));
    }
}
