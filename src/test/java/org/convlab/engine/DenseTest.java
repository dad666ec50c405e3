package org.convlab.engine;

import static org.convlab.engine.ConvTestData.assertClose;
import static org.convlab.engine.ConvTestData.random;

import java.util.List;
import java.util.stream.Stream;
import org.convlab.engine.gemm.GemmKernel;
import org.convlab.engine.gemm.GemmKernels;
import org.convlab.engine.simd.VectorGemm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The fast dense layer (every micro-kernel) against the scalar reference loops. */
class DenseTest {
    // batch, in, out: remainders of every block size, a single sample, LeNet's layers
    static final int[][] SIZES = {{3, 5, 7}, {1, 37, 10}, {64, 400, 120}, {7, 84, 10}, {2, 1, 1}, {5, 33, 17},
        {13, 120, 84}, {4, 250, 3}};

    static Stream<Arguments> cases() {
        List<GemmKernel> kernels = Simd.AVAILABLE
                ? List.of(GemmKernels.scalar(), VectorGemm.create(6), VectorGemm.create(8))
                : List.of(GemmKernels.scalar());
        return kernels.stream().flatMap(k -> Stream.of(SIZES).map(s -> Arguments.of(k, s[0], s[1], s[2])));
    }

    @ParameterizedTest(name = "{index}: batch {1}, in {2}, out {3}")
    @MethodSource("cases")
    void forwardMatchesReference(GemmKernel kernel, int batch, int in, int out) {
        float[] x = random(batch * in, 1), w = random(out * in, 2), b = random(out, 3);
        float[] expected = new float[batch * out], actual = new float[batch * out];
        DenseReference.forward(expected, x, w, b, batch, in, out);
        new DenseEngine(kernel).forward(actual, x, w, b, batch, in, out);
        assertClose("y", expected, actual);
        DenseReference.forward(expected, x, w, null, batch, in, out);
        new DenseEngine(kernel).forward(actual, x, w, null, batch, in, out);
        assertClose("y without bias", expected, actual);
    }

    @ParameterizedTest(name = "{index}: batch {1}, in {2}, out {3}")
    @MethodSource("cases")
    void backwardMatchesReferenceAndAccumulates(GemmKernel kernel, int batch, int in, int out) {
        float[] x = random(batch * in, 4), w = random(out * in, 5), dY = random(batch * out, 6);
        float[] dXe = random(batch * in, 7), dWe = random(out * in, 8), dBe = random(out, 9);
        float[] dXa = dXe.clone(), dWa = dWe.clone(), dBa = dBe.clone();
        DenseReference.backward(dXe, dWe, dBe, dY, x, w, batch, in, out);
        new DenseEngine(kernel).backward(dXa, dWa, dBa, dY, x, w, batch, in, out);
        assertClose("dX", dXe, dXa);
        assertClose("dW", dWe, dWa);
        assertClose("dB", dBe, dBa);

        float[] dWe2 = new float[out * in], dWa2 = new float[out * in];
        DenseReference.backward(null, dWe2, null, dY, x, w, batch, in, out);
        new DenseEngine(kernel).backward(null, dWa2, null, dY, x, w, batch, in, out);
        assertClose("dW without dX and dB", dWe2, dWa2);
    }

    @ParameterizedTest(name = "{index}: batch {0}, in {1}, out {2}")
    @MethodSource("sizes")
    void publicEntryPointsMatchReference(int batch, int in, int out) {
        float[] x = random(batch * in, 11), w = random(out * in, 12), b = random(out, 13), dY = random(batch * out, 14);
        float[] expected = new float[batch * out], fast = new float[batch * out], scalar = new float[batch * out];
        DenseReference.forward(expected, x, w, b, batch, in, out);
        Dense.forward(fast, x, w, b, batch, in, out);
        Dense.forwardScalar(scalar, x, w, b, batch, in, out);
        assertClose("Dense.forward", expected, fast);
        assertClose("Dense.forwardScalar", expected, scalar);
        float[] dXe = new float[batch * in], dWe = new float[out * in], dBe = new float[out];
        float[] dXf = new float[batch * in], dWf = new float[out * in], dBf = new float[out];
        float[] dXs = new float[batch * in], dWs = new float[out * in], dBs = new float[out];
        DenseReference.backward(dXe, dWe, dBe, dY, x, w, batch, in, out);
        Dense.backward(dXf, dWf, dBf, dY, x, w, batch, in, out);
        Dense.backwardScalar(dXs, dWs, dBs, dY, x, w, batch, in, out);
        assertClose("Dense.backward dX", dXe, dXf);
        assertClose("Dense.backward dW", dWe, dWf);
        assertClose("Dense.backward dB", dBe, dBf);
        assertClose("Dense.backwardScalar dX", dXe, dXs);
        assertClose("Dense.backwardScalar dW", dWe, dWs);
        assertClose("Dense.backwardScalar dB", dBe, dBs);
    }

    static Stream<Arguments> sizes() {
        return Stream.of(SIZES).map(s -> Arguments.of(s[0], s[1], s[2]));
    }
}
