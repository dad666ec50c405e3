package org.convlab.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Presets;
import org.junit.jupiter.api.Test;

/**
 * The same network on the fast kernels and on the scalar reference kernels (what the
 * step-through shows): every layer output and every gradient agree within float rounding.
 */
class FastVsReferenceNetworkTest {
    @Test
    void testNetsAndPresetsAgree() {
        List<NetworkSpec> specs = List.of(NetworkGradientTest.plainNet(), NetworkGradientTest.blockNet(),
                NetworkGradientTest.wholeInputConvNet(), NetworkGradientTest.normNet(), Presets.get("lenet5").network(), Presets.get("xo").network(),
                Presets.get("mnist1d").network());
        for (NetworkSpec spec : specs) {
            Network fast = Network.build(spec, 8);
            Network ref = Network.build(spec, 8);
            ref.setReference(true);
            int batch = 5;
            SplittableRandom rng = new SplittableRandom(4);
            float[] x = new float[batch * spec.input().size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rng.nextGaussian();
            }
            int[] labels = new int[batch];
            for (int n = 0; n < batch; n++) {
                labels[n] = rng.nextInt(fast.classes());
            }
            for (Network net : List.of(fast, ref)) {
                net.setInputGradient(true);
                net.setDropoutSeed(3);
                net.forward(x, batch, true);
                net.backwardCrossEntropy(labels);
            }
            for (int l = 0; l < fast.layers().size(); l++) {
                int n = batch * fast.layers().get(l).outputShape().size();
                close(spec.layers().get(l).name() + " output", ref.layers().get(l).output(), fast.layers().get(l).output(), n);
            }
            for (int p = 0; p < fast.parameters().size(); p++) {
                Parameter a = ref.parameters().get(p);
                close(a.name() + " grad", a.grad(), fast.parameters().get(p).grad(), a.size());
            }
            close("input grad", ref.inputGradient(), fast.inputGradient(), x.length);
        }
    }

    private static void close(String what, float[] want, float[] got, int n) {
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(want[i]));
        }
        for (int i = 0; i < n; i++) {
            double tol = 1e-4 * Math.abs(want[i]) + 1e-5 * scale + 1e-7;
            assertTrue(Math.abs(want[i] - got[i]) <= tol, what + "[" + i + "]: reference " + want[i] + ", fast " + got[i]);
        }
    }
}
