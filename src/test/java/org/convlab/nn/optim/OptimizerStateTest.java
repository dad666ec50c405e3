package org.convlab.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convlab.nn.Parameter;
import org.junit.jupiter.api.Test;

/** Saving and restoring the state continues exactly as an uninterrupted run (what checkpoints rely on). */
class OptimizerStateTest {
    @Test
    void restoredAdamAndMomentumContinueBitIdentically() {
        for (int kind = 0; kind < 2; kind++) {
            Optimizer a = kind == 0 ? new Sgd(0.1f, 0.9f, true, 0.01f) : Adam.standard(0.01f);
            Parameter pa = param();
            for (int s = 0; s < 3; s++) {
                grad(pa, s);
                a.step(List.of(pa));
            }
            Map<String, float[]> saved = new HashMap<>();
            a.state().forEach((k, v) -> saved.put(k, v.clone()));
            float[] savedValues = pa.value().clone();

            Optimizer b = kind == 0 ? new Sgd(0.1f, 0.9f, true, 0.01f) : Adam.standard(0.01f);
            b.restore(saved, a.steps());
            Parameter pb = param();
            System.arraycopy(savedValues, 0, pb.value(), 0, savedValues.length);
            for (int s = 3; s < 6; s++) {
                grad(pa, s);
                a.step(List.of(pa));
                grad(pb, s);
                b.step(List.of(pb));
            }
            assertArrayEquals(pa.value(), pb.value());
        }
    }

    private static Parameter param() {
        Parameter p = new Parameter("w", new int[] {2, 3});
        for (int i = 0; i < 6; i++) {
            p.value()[i] = 0.25f * i - 0.5f;
        }
        return p;
    }

    private static void grad(Parameter p, int step) {
        for (int i = 0; i < 6; i++) {
            p.grad()[i] = (float) Math.sin(step * 7 + i);
        }
    }
}
