package org.convlab.nn;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * Finite differences against a network's backward: central differences of the loss for a
 * sample of coordinates of every parameter and of the input, in float32 with a step large
 * enough to rise above rounding and a tolerance to match. ReLU and max pooling have kinks: when
 * a perturbation moves a value across one, the difference quotient at that step is meaningless,
 * so a coordinate passes when the quotient agrees at one of three step sizes (a wrong gradient
 * agrees at none).
 */
final class GradientCheck {
    private static final float[] STEPS = {1e-3f, 3e-4f, 1e-4f};

    private GradientCheck() {}

    /**
     * @param loss      runs forward + loss on the current parameter values (same dropout mask each time)
     * @param values    the array being perturbed
     * @param analytic  its gradient as backward computed it (copied before the check)
     */
    static void check(String what, float[] values, float[] analytic, DoubleSupplier loss, int samples, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = values.length;
        int count = Math.min(samples, n);
        for (int s = 0; s < count; s++) {
            int i = count == n ? s : rng.nextInt(n);
            StringBuilder seen = new StringBuilder();
            boolean agrees = false;
            for (float h : STEPS) {
                double numeric = difference(values, i, h, loss);
                double allowed = 2e-3 + 3e-2 * Math.max(Math.abs(numeric), Math.abs(analytic[i]));
                if (Math.abs(numeric - analytic[i]) <= allowed) {
                    agrees = true;
                    break;
                }
                seen.append(" ").append(numeric).append(" (step ").append(h).append(")");
            }
            if (!agrees) {
                fail(what + "[" + i + "]: backward " + analytic[i] + ", finite differences" + seen);
            }
        }
    }

    private static double difference(float[] values, int i, float h, DoubleSupplier loss) {
        float saved = values[i];
        values[i] = saved + h;
        double plus = loss.getAsDouble();
        values[i] = saved - h;
        double minus = loss.getAsDouble();
        values[i] = saved;
        return (plus - minus) / (2.0 * h);
    }
}
