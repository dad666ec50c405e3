package org.convlab.cli.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.convlab.engine.Conv2d;
import org.convlab.engine.ConvGeometry;

/**
 * Measures the fast convolution's speed in GFLOP/s (2 flops per multiply-add) on the standard
 * shapes of the {@code bench} command: warm-up, then the median of several timed runs, on
 * {@link org.convlab.engine.Parallel#shared()} with whatever thread count the caller set.
 *
 * <p>Forward+backward counts forward, dW and, when {@link ConvShape#inputGradient()}, dX: three (or two)
 * times the forward flops. The first layer of a net (one input channel) has no input gradient.
 */
public final class ConvBenchmark {
    /** (N, C, H, W, F, K, pad), stride 1, square kernel. */
    public record ConvShape(int batch, int channels, int height, int width, int filters, int kernel, int padding) {
        public ConvGeometry geometry() {
            return ConvGeometry.of(batch, channels, height, width, filters, kernel, 1, padding);
        }

        /** The first layer of a net (one input channel) does not need dX. */
        public boolean inputGradient() {
            return channels > 1;
        }

        /** "(64,1,28,28,6,5,2)" */
        @Override
        public String toString() {
            return "(" + batch + "," + channels + "," + height + "," + width + "," + filters + "," + kernel + ","
                    + padding + ")";
        }
    }

    public record Result(ConvShape shape, double forwardGflops, double forwardBackwardGflops) {}

    /** The shapes: LeNet conv1, LeNet conv2, a CIFAR first layer, a mid-size layer. */
    public static final List<ConvShape> STANDARD_SHAPES = List.of(
            new ConvShape(64, 1, 28, 28, 6, 5, 2),
            new ConvShape(64, 6, 14, 14, 16, 5, 0),
            new ConvShape(64, 3, 32, 32, 32, 3, 1),
            new ConvShape(64, 32, 16, 16, 64, 3, 1));

    private ConvBenchmark() {}

    /** Every standard shape. */
    public static List<Result> measureAll(int runs, double secondsPerRun) {
        List<Result> results = new ArrayList<>();
        for (ConvShape shape : STANDARD_SHAPES) {
            results.add(measure(shape, runs, secondsPerRun));
        }
        return results;
    }

    /** Median GFLOP/s over {@code runs} timed runs of about {@code secondsPerRun} each, after a warm-up run. */
    public static Result measure(ConvShape shape, int runs, double secondsPerRun) {
        ConvGeometry g = shape.geometry();
        SplittableRandom rng = new SplittableRandom(42);
        float[] x = fill(new float[g.inputSize()], rng), w = fill(new float[g.weightSize()], rng);
        float[] b = fill(new float[g.outChannels()], rng), y = new float[g.outputSize()];
        float[] dY = fill(new float[g.outputSize()], rng), dW = new float[g.weightSize()];
        float[] dB = new float[g.outChannels()], dX = shape.inputGradient() ? new float[g.inputSize()] : null;
        double flops = 2.0 * g.macs();
        Runnable forward = () -> Conv2d.forward(y, x, w, b, g);
        Runnable both = () -> {
            Conv2d.forward(y, x, w, b, g);
            Conv2d.backward(dX, dW, dB, dY, x, w, g);
        };
        double forwardGflops = flops / medianSeconds(forward, runs, secondsPerRun) / 1e9;
        double passes = shape.inputGradient() ? 3 : 2;
        double bothGflops = passes * flops / medianSeconds(both, runs, secondsPerRun) / 1e9;
        return new Result(shape, forwardGflops, bothGflops);
    }

    /** Median seconds per call: a warm-up run, then runs of as many calls as fit in secondsPerRun. */
    static double medianSeconds(Runnable call, int runs, double secondsPerRun) {
        long start = System.nanoTime();
        int calls = 0;
        while (System.nanoTime() - start < secondsPerRun * 1e9 || calls < 3) {
            call.run();
            calls++;
        }
        int perRun = Math.max(1, calls);
        double[] seconds = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < perRun; i++) {
                call.run();
            }
            seconds[r] = (System.nanoTime() - t0) / 1e9 / perRun;
        }
        Arrays.sort(seconds);
        return seconds[runs / 2];
    }

    private static float[] fill(float[] a, SplittableRandom rng) {
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return a;
    }
}
