package org.convlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/** Shared helpers of the layer kernel tests: random data, finite differences, comparisons. */
final class LayerChecks {
    private LayerChecks() {}

    static float[] random(SplittableRandom rng, int n, double lo, double hi) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (lo + (hi - lo) * rng.nextDouble());
        }
        return a;
    }

    /** sum(y * r) in double: the scalar loss whose gradient with respect to y is r. */
    static double dot(float[] y, float[] r) {
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            s += (double) y[i] * r[i];
        }
        return s;
    }

    /**
     * Compares {@code analytic[i]} with the central difference (L(x+h) - L(x-h)) / (x+h - (x-h))
     * of {@code loss} for every i, where the denominator is the float step actually taken.
     * Passes when |numeric - analytic| <= atol + rtol * |numeric|.
     */
    static void gradCheck(String what, float[] x, DoubleSupplier loss, float[] analytic, double h,
                          double atol, double rtol) {
        for (int i = 0; i < x.length; i++) {
            float saved = x[i];
            float plus = (float) (saved + h);
            float minus = (float) (saved - h);
            x[i] = plus;
            double lossPlus = loss.getAsDouble();
            x[i] = minus;
            double lossMinus = loss.getAsDouble();
            x[i] = saved;
            double numeric = (lossPlus - lossMinus) / ((double) plus - minus);
            if (Math.abs(numeric - analytic[i]) > atol + rtol * Math.abs(numeric)) {
                fail(what + ": gradient at " + i + " is " + analytic[i] + " but finite differences give " + numeric);
            }
        }
    }

    static void assertClose(String what, float[] expected, float[] actual, double atol, double rtol) {
        assertEquals(expected.length, actual.length, what + ": lengths");
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(expected[i] - actual[i]) <= atol + rtol * Math.abs(expected[i]))) {
                fail(what + ": at " + i + " expected " + expected[i] + " but got " + actual[i]);
            }
        }
    }

    /** Runs {@code work} with 1 thread and with 2, returning both results for a bit-exact comparison. */
    static void assertSameWithOneAndTwoThreads(String what, java.util.function.Supplier<float[]> work) {
        int before = Parallel.shared().threads();
        try {
            Parallel.setThreads(1);
            float[] one = work.get();
            Parallel.setThreads(2);
            float[] two = work.get();
            assertArrayEquals(one, two, what + ": 1 thread and 2 threads differ");
        } finally {
            Parallel.setThreads(before);
        }
    }

    /** The PyTorch values of src/test/resources/layers/torch-layers.json (made by make_torch_layers.py). */
    static com.fasterxml.jackson.databind.JsonNode torchLayers() {
        try (java.io.InputStream in = LayerChecks.class.getResourceAsStream("/layers/torch-layers.json")) {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static float[] floats(com.fasterxml.jackson.databind.JsonNode array) {
        float[] a = new float[array.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = array.get(i).floatValue();
        }
        return a;
    }

    static float[] concat(float[]... parts) {
        int n = 0;
        for (float[] p : parts) {
            n += p.length;
        }
        float[] all = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
