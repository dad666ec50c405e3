package org.convlab.engine;

import static org.convlab.engine.ConvTestData.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** 1 thread and 2 threads give bit-identical conv and dense results, forward and backward. */
class ConvThreadDeterminismTest {
    private final int original = Parallel.shared().threads();

    @AfterEach
    void restore() {
        Parallel.setThreads(original);
    }

    static java.util.List<ConvGeometry> geometries() {
        return java.util.List.of(
                new ConvGeometry(3, 5, 12, 11, 7, 3, 3, 2, 1, 1, 1, 1),
                new ConvGeometry(17, 6, 14, 14, 16, 5, 5, 1, 0, 0, 1, 1),   // more images than gradient tasks
                new ConvGeometry(1, 3, 20, 23, 8, 5, 3, 1, 2, 1, 1, 1),     // one image split by positions
                new ConvGeometry(2, 4, 1, 40, 5, 1, 3, 3, 0, 1, 2, 3),
                new ConvGeometry(1, 16, 32, 30, 32, 3, 3, 1, 1, 1, 1, 1),   // one big image split by positions
                new ConvGeometry(2, 32, 47, 48, 32, 3, 3, 2, 1, 1, 1, 1));

    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("geometries")
    void convIsBitIdenticalOnOneAndTwoThreads(ConvGeometry g) {
        float[][] one = runConv(g, 1), two = runConv(g, 2);
        for (int i = 0; i < one.length; i++) {
            assertArrayEquals(one[i], two[i], "output " + i);
        }
    }

    @ParameterizedTest(name = "batch {0}, in {1}, out {2}")
    @org.junit.jupiter.params.provider.CsvSource({"64, 400, 120", "3, 37, 10", "1, 200, 33"})
    void denseIsBitIdenticalOnOneAndTwoThreads(int batch, int in, int out) {
        float[][] one = runDense(batch, in, out, 1), two = runDense(batch, in, out, 2);
        for (int i = 0; i < one.length; i++) {
            assertArrayEquals(one[i], two[i], "output " + i);
        }
    }

    private static float[][] runConv(ConvGeometry g, int threads) {
        Parallel.setThreads(threads);
        float[] x = random(g.inputSize(), 1), w = random(g.weightSize(), 2), b = random(g.outChannels(), 3);
        float[] dY = random(g.outputSize(), 4);
        float[] y = new float[g.outputSize()], dX = new float[x.length], dW = new float[w.length], dB = new float[b.length];
        Conv2d.forward(y, x, w, b, g);
        Conv2d.backward(dX, dW, dB, dY, x, w, g);
        float[] ys = new float[g.outputSize()], dXs = new float[x.length], dWs = new float[w.length], dBs = new float[b.length];
        Conv2d.forwardScalar(ys, x, w, b, g);
        Conv2d.backwardScalar(dXs, dWs, dBs, dY, x, w, g);
        return new float[][] {y, dX, dW, dB, ys, dXs, dWs, dBs};
    }

    private static float[][] runDense(int batch, int in, int out, int threads) {
        Parallel.setThreads(threads);
        float[] x = random(batch * in, 1), w = random(out * in, 2), b = random(out, 3), dY = random(batch * out, 4);
        float[] y = new float[batch * out], dX = new float[x.length], dW = new float[w.length], dB = new float[out];
        Dense.forward(y, x, w, b, batch, in, out);
        Dense.backward(dX, dW, dB, dY, x, w, batch, in, out);
        return new float[][] {y, dX, dW, dB};
    }
}
