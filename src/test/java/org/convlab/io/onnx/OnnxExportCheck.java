package org.convlab.io.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.convlab.engine.Shape;
import org.convlab.io.ModelFormats;
import org.convlab.model.NetworkSpec;
import org.convlab.nn.Network;

/**
 * The comparison every ONNX export test makes: export a network, run the file in ONNX Runtime
 * and ConvLab's own {@code Network.forward} on the same random batch, and require
 * max |ort - convlab| <= 1e-4 * max |convlab| (the error relative to the largest output
 * magnitude of the batch: a measure that does not blow up on outputs near zero).
 */
final class OnnxExportCheck {
    static final double TOLERANCE = 1e-4;

    private OnnxExportCheck() {}

    /** Exports {@code spec} (missing weights from {@code seed}) to {@code file} and compares batches of each size. */
    static double exportAndCompare(NetworkSpec spec, long seed, Path file, int... batches) throws Exception {
        NetworkSpec full = ModelFormats.withAllWeights(spec, seed);
        OnnxExport.write(full, file);
        return compare(full, file, batches);
    }

    /** The worst relative error over batches of each size (asserting each is within the tolerance). */
    static double compare(NetworkSpec full, Path file, int... batches) throws Exception {
        Network net = Network.build(full, 0);
        Shape in = full.input();
        int[] sample = {in.channels(), in.height(), in.width()};
        double worst = 0;
        try (OrtRunner ort = new OrtRunner(file)) {
            for (int batch : batches) {
                float[] x = randomInput(batch * in.size(), 17 + batch);
                float[] mine = net.forward(x, batch, false);
                int k = net.outputShape().size();
                float[] expected = java.util.Arrays.copyOf(mine, batch * k);
                float[] theirs = ort.run(x, batch, sample);
                assertTrue(theirs.length == expected.length, "ORT gave " + theirs.length + " values, ConvLab " + expected.length);
                double err = relativeError(theirs, expected);
                assertTrue(err <= TOLERANCE, "batch " + batch + ": max |ort - convlab| / max |convlab| = " + err
                        + "\nconvlab " + java.util.Arrays.toString(expected) + "\nort     " + java.util.Arrays.toString(theirs));
                worst = Math.max(worst, err);
            }
        }
        return worst;
    }

    static double relativeError(float[] actual, float[] expected) {
        double maxDiff = 0;
        double maxRef = 0;
        for (int i = 0; i < expected.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs((double) actual[i] - expected[i]));
            maxRef = Math.max(maxRef, Math.abs(expected[i]));
            if (!Float.isFinite(actual[i]) || !Float.isFinite(expected[i])) {
                assertArrayEquals(expected, actual, "non-finite output");
            }
        }
        return maxRef == 0 ? maxDiff : maxDiff / maxRef;
    }

    /** Values in [-1, 1), reproducible. */
    static float[] randomInput(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return x;
    }
}
