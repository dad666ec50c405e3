package org.convlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.convlab.engine.Shape;
import org.convlab.model.ActivationSpec;
import org.convlab.model.BatchNormSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.ModelFiles;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Padding;
import org.convlab.model.ResidualSpec;
import org.convlab.nn.optim.Sgd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trained network saved through its spec and a model file builds again with identical weights. */
class SpecExportTest {
    @TempDir
    Path dir;

    @Test
    void trainedWeightsSurviveAModelFile() throws Exception {
        NetworkSpec spec = new NetworkSpec(Shape.of(2, 6, 6), List.of("a", "b", "c"), List.of(
                ConvSpec.of(4, 3, 1, Padding.of(1)), BatchNormSpec.standard(), ActivationSpec.relu(),
                NetworkGradientTest.blockNet().layers().get(0), // inception
                new ResidualSpec("res", List.of(ConvSpec.of(7, 3, 1, Padding.of(1))), false),
                DenseSpec.of(3)));
        Network net = Network.build(spec, 3);
        SplittableRandom rng = new SplittableRandom(1);
        float[] x = new float[4 * 72];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        Sgd sgd = Sgd.momentum(0.1f, 0.9f);
        for (int s = 0; s < 3; s++) {
            net.trainStep(x, new int[] {0, 1, 2, 1}, 4, sgd);
        }
        Path file = dir.resolve("trained.json");
        ModelFiles.write(file, SpecExport.withWeights(net));
        Network again = Network.build(ModelFiles.read(file), 999); // another seed: nothing may come from it
        assertEquals(net.parameters().size(), again.parameters().size());
        for (int i = 0; i < net.parameters().size(); i++) {
            assertArrayEquals(net.parameters().get(i).value(), again.parameters().get(i).value(),
                    net.parameters().get(i).name());
        }
        for (int i = 0; i < net.buffers().size(); i++) {
            assertArrayEquals(net.buffers().get(i).value(), again.buffers().get(i).value(), net.buffers().get(i).name());
        }
        assertEquals(List.of(), again.initialisedWeights());
    }
}
