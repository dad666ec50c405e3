package org.convlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Presets;
import org.junit.jupiter.api.Test;

/** A batch split across replicas gives the same loss and gradients as the whole batch in one network. */
class DataParallelTest {
    @Test
    void splitPredictEqualsWholeBatchForward() {
        // with batch norm (inference uses the running statistics, so slices are allowed)
        NetworkSpec spec = NetworkGradientTest.normNet();
        Network net = Network.build(spec, 2);
        int batch = 75;
        SplittableRandom rng = new SplittableRandom(8);
        float[] x = new float[batch * spec.input().size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        float[] out = new float[batch * net.classes()];
        net.predict(x, batch, out);
        float[] whole = net.forward(x, batch, false);
        for (int i = 0; i < out.length; i++) {
            assertEquals(whole[i], out[i], 1e-5 * Math.abs(whole[i]) + 1e-6, "output " + i);
        }
    }

    @Test
    void splitBatchGradientEqualsWholeBatchGradient() {
        NetworkSpec spec = Presets.get("lenet5").network();
        Network split = Network.build(spec, 4);
        Network whole = Network.build(spec, 4);
        int batch = 97; // three uneven slices
        assertEquals(3, DataParallel.slices(batch));
        SplittableRandom rng = new SplittableRandom(6);
        float[] x = new float[batch * 784];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble();
        }
        int[] labels = new int[batch];
        for (int n = 0; n < batch; n++) {
            labels[n] = rng.nextInt(10);
        }
        float splitLoss = split.gradientStep(x, labels, batch);
        whole.forward(x, batch, true);
        float wholeLoss = whole.backwardCrossEntropy(labels);
        assertEquals(wholeLoss, splitLoss, 1e-5 * wholeLoss);
        float[] wantProbs = whole.probabilities();
        float[] gotProbs = split.probabilities(); // gathered from the slices
        for (int i = 0; i < batch * 10; i++) {
            assertEquals(wantProbs[i], gotProbs[i], 1e-5, "probability " + i);
        }
        for (int p = 0; p < whole.parameters().size(); p++) {
            float[] want = whole.parameters().get(p).grad();
            float[] got = split.parameters().get(p).grad();
            double scale = 0;
            for (float v : want) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < want.length; i++) {
                assertTrue(Math.abs(want[i] - got[i]) <= 1e-4 * Math.abs(want[i]) + 1e-5 * scale,
                        whole.parameters().get(p).name() + "[" + i + "]: whole " + want[i] + ", split " + got[i]);
            }
        }
    }
}
