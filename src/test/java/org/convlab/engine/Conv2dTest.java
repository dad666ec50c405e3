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

/** The fast convolution (every micro-kernel) against the scalar reference loops. */
class Conv2dTest {

    static List<ConvGeometry> geometries() {
        return List.of(
                // batch, C, H, W, F, KH, KW, stride, ph, pw, dilation, divisor
                new ConvGeometry(3, 1, 9, 9, 3, 3, 3, 1, 0, 0, 1, 9),     // the X/O layer, normalised
                new ConvGeometry(3, 3, 11, 13, 17, 3, 3, 1, 1, 1, 1, 1),   // channels and widths not multiples of 16
                new ConvGeometry(3, 5, 12, 11, 7, 3, 3, 2, 1, 1, 1, 1),    // stride 2 with padding
                new ConvGeometry(3, 4, 13, 12, 9, 3, 3, 1, 2, 2, 2, 1),    // dilation 2
                new ConvGeometry(3, 2, 10, 12, 5, 2, 5, 1, 1, 2, 1, 1),    // non-square kernel, separate padding
                new ConvGeometry(3, 6, 1, 37, 19, 1, 5, 1, 0, 2, 1, 1),    // 1D: height 1
                new ConvGeometry(3, 4, 1, 40, 5, 1, 3, 3, 0, 1, 2, 1),     // 1D, stride 3, dilation 2
                new ConvGeometry(2, 33, 7, 9, 40, 3, 3, 2, 0, 1, 1, 1),    // many channels, odd sizes
                new ConvGeometry(1, 3, 20, 23, 8, 5, 3, 1, 2, 1, 1, 1),    // batch 1 (split inside the image)
                new ConvGeometry(5, 6, 14, 14, 16, 5, 5, 1, 0, 0, 1, 1),   // LeNet conv2
                new ConvGeometry(3, 2, 6, 6, 3, 7, 7, 1, 3, 3, 1, 98),     // kernel larger than input, divisor
                new ConvGeometry(3, 1, 8, 8, 2, 3, 3, 5, 1, 1, 1, 1),      // stride larger than kernel
                new ConvGeometry(3, 2, 9, 10, 5, 3, 3, 1, 3, 3, 1, 1),     // padding past the kernel's reach
                new ConvGeometry(3, 2, 9, 10, 3, 3, 3, 1, 3, 2, 1, 1),     // same, fewer filters than any block
                new ConvGeometry(4, 16, 8, 8, 32, 3, 3, 1, 1, 1, 1, 1),    // full vector blocks everywhere
                new ConvGeometry(1, 16, 32, 30, 32, 3, 3, 1, 1, 1, 1, 1),  // one big image: split by positions
                new ConvGeometry(2, 32, 47, 48, 32, 3, 3, 2, 1, 1, 1, 1)); // same on the im2col path
    }

    static Stream<Arguments> cases() {
        List<GemmKernel> kernels = Simd.AVAILABLE
                ? List.of(GemmKernels.scalar(), VectorGemm.create(6), VectorGemm.create(8))
                : List.of(GemmKernels.scalar());
        return kernels.stream().flatMap(k -> geometries().stream().map(g -> Arguments.of(k, g)));
    }

    @ParameterizedTest(name = "{index}: {1}")
    @MethodSource("cases")
    void forwardMatchesReference(GemmKernel kernel, ConvGeometry g) {
        float[] x = random(g.inputSize(), 1), w = random(g.weightSize(), 2), b = random(g.outChannels(), 3);
        float[] expected = new float[g.outputSize()], actual = new float[g.outputSize()];
        Conv2dReference.forward(expected, x, w, b, g);
        new Conv2dEngine(kernel).forward(actual, x, w, b, g);
        assertClose("y", expected, actual);

        Conv2dReference.forward(expected, x, w, null, g);
        new Conv2dEngine(kernel).forward(actual, x, w, null, g);
        assertClose("y without bias", expected, actual);
    }

    @ParameterizedTest(name = "{index}: {1}")
    @MethodSource("cases")
    void backwardMatchesReferenceAndAccumulates(GemmKernel kernel, ConvGeometry g) {
        float[] x = random(g.inputSize(), 4), w = random(g.weightSize(), 5), dY = random(g.outputSize(), 6);
        // Start from non-zero gradients: both must add to them.
        float[] dXe = random(g.inputSize(), 7), dWe = random(g.weightSize(), 8), dBe = random(g.outChannels(), 9);
        float[] dXa = dXe.clone(), dWa = dWe.clone(), dBa = dBe.clone();
        Conv2dReference.backward(dXe, dWe, dBe, dY, x, w, g);
        new Conv2dEngine(kernel).backward(dXa, dWa, dBa, dY, x, w, g);
        assertClose("dX", dXe, dXa);
        assertClose("dW", dWe, dWa);
        assertClose("dB", dBe, dBa);

        float[] dWe2 = new float[g.weightSize()], dWa2 = new float[g.weightSize()];
        Conv2dReference.backward(null, dWe2, null, dY, x, w, g);
        new Conv2dEngine(kernel).backward(null, dWa2, null, dY, x, w, g);
        assertClose("dW without dX and dB", dWe2, dWa2);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("geometries")
    void publicEntryPointsMatchReference(ConvGeometry g) {
        float[] x = random(g.inputSize(), 11), w = random(g.weightSize(), 12), b = random(g.outChannels(), 13);
        float[] expected = new float[g.outputSize()], actual = new float[g.outputSize()];
        float[] scalar = new float[g.outputSize()];
        Conv2dReference.forward(expected, x, w, b, g);
        Conv2d.forward(actual, x, w, b, g);
        Conv2d.forwardScalar(scalar, x, w, b, g);
        assertClose("Conv2d.forward", expected, actual);
        assertClose("Conv2d.forwardScalar", expected, scalar);

        float[] dY = random(g.outputSize(), 14);
        float[] dXe = new float[g.inputSize()], dWe = new float[g.weightSize()], dBe = new float[g.outChannels()];
        float[] dXa = new float[g.inputSize()], dWa = new float[g.weightSize()], dBa = new float[g.outChannels()];
        float[] dXs = new float[g.inputSize()], dWs = new float[g.weightSize()], dBs = new float[g.outChannels()];
        Conv2dReference.backward(dXe, dWe, dBe, dY, x, w, g);
        Conv2d.backward(dXa, dWa, dBa, dY, x, w, g);
        Conv2d.backwardScalar(dXs, dWs, dBs, dY, x, w, g);
        assertClose("Conv2d.backward dX", dXe, dXa);
        assertClose("Conv2d.backward dW", dWe, dWa);
        assertClose("Conv2d.backward dB", dBe, dBa);
        assertClose("Conv2d.backwardScalar dX", dXe, dXs);
        assertClose("Conv2d.backwardScalar dW", dWe, dWs);
        assertClose("Conv2d.backwardScalar dB", dBe, dBs);
    }
}
