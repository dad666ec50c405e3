package org.convlab.engine;

import static org.convlab.engine.LayerChecks.assertSameWithOneAndTwoThreads;
import static org.convlab.engine.LayerChecks.concat;
import static org.convlab.engine.LayerChecks.gradCheck;
import static org.convlab.engine.LayerChecks.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Upsampling: fast path against the scalar reference, 1 against 2 threads (bit for bit), the
 * reference's input gradient against central finite differences of a double-precision forward
 * written from PyTorch's definition, and hand-computed bilinear values.
 */
class UpsampleEngineTest {
    static List<UpsampleGeometry> geometries() {
        return List.of(new UpsampleGeometry(2, 3, 4, 5, 2, false), new UpsampleGeometry(2, 3, 4, 5, 2, true),
                new UpsampleGeometry(1, 2, 3, 7, 3, true), new UpsampleGeometry(3, 1, 1, 6, 3, false),
                new UpsampleGeometry(2, 2, 1, 1, 4, true), new UpsampleGeometry(2, 2, 5, 3, 1, true));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("geometries")
    void fastPathMatchesReference(UpsampleGeometry g) {
        SplittableRandom rng = new SplittableRandom(7);
        float[] x = random(rng, g.inputSize(), -1, 1), dY = random(rng, g.outputSize(), -1, 1);
        float[] y = new float[g.outputSize()], yr = new float[g.outputSize()];
        Upsample.forward(y, x, g);
        UpsampleReference.forward(yr, x, g);
        LayerChecks.assertClose("y", yr, y, 1e-6, 1e-6);
        float[] dX = random(rng, x.length, -1, 1), dXr = dX.clone(); // accumulates
        Upsample.backward(dX, dY, g);
        UpsampleReference.backward(dXr, dY, g);
        LayerChecks.assertClose("dX", dXr, dX, 1e-5, 1e-5);
        assertSameWithOneAndTwoThreads("upsample " + g, () -> {
            float[] a = new float[g.outputSize()], b = new float[x.length];
            Upsample.forward(a, x, g);
            Upsample.backward(b, dY, g);
            return concat(a, b);
        });
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("geometries")
    void referenceGradientMatchesFiniteDifferences(UpsampleGeometry g) {
        SplittableRandom rng = new SplittableRandom(8);
        float[] x = random(rng, g.inputSize(), -1, 1), r = random(rng, g.outputSize(), -1, 1);
        float[] dX = new float[x.length];
        UpsampleReference.backward(dX, r, g);
        gradCheck("dX " + g, x, () -> loss(x, r, g), dX, 1e-2, 1e-4, 1e-3);
    }

    /** A 1x2 row [0, 1] at scale 2, bilinear: sources -0.25 (clamped to 0), 0.25, 0.75, 1.25 -> 0, 0.25, 0.75, 1. */
    @Test
    void bilinearRowByHand() {
        UpsampleGeometry g = new UpsampleGeometry(1, 1, 1, 2, 2, true);
        float[] y = new float[g.outputSize()];
        UpsampleReference.forward(y, new float[] {0f, 1f}, g);
        assertArrayEquals(new float[] {0f, 0.25f, 0.75f, 1f, 0f, 0.25f, 0.75f, 1f}, y);
        assertEquals(2 * 4, g.outputSize());
    }

    /** sum(y * r), y in double: bilinear with source (o + 0.5)/s - 0.5 clamped at 0, the next index clamped at the edge. */
    private static double loss(float[] x, float[] r, UpsampleGeometry g) {
        double loss = 0;
        int oh = g.outHeight(), ow = g.outWidth(), s = g.scale();
        for (int m = 0; m < g.batch() * g.channels(); m++) {
            for (int p = 0; p < oh; p++) {
                for (int q = 0; q < ow; q++) {
                    double v;
                    if (!g.bilinear()) {
                        v = x[(m * g.height() + p / s) * g.width() + q / s];
                    } else {
                        double sh = Math.max(0, (p + 0.5) / s - 0.5), sw = Math.max(0, (q + 0.5) / s - 0.5);
                        int h0 = (int) sh, w0 = (int) sw;
                        int h1 = Math.min(h0 + 1, g.height() - 1), w1 = Math.min(w0 + 1, g.width() - 1);
                        double lh = sh - h0, lw = sw - w0;
                        int base = m * g.height() * g.width();
                        v = (1 - lh) * ((1 - lw) * x[base + h0 * g.width() + w0] + lw * x[base + h0 * g.width() + w1])
                                + lh * ((1 - lw) * x[base + h1 * g.width() + w0] + lw * x[base + h1 * g.width() + w1]);
                    }
                    loss += v * r[(m * oh + p) * ow + q];
                }
            }
        }
        return loss;
    }
}
