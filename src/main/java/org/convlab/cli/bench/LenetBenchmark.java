package org.convlab.cli.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Presets;
import org.convlab.nn.Network;
import org.convlab.nn.optim.Sgd;

/**
 * LeNet-5 speed on random 28x28x1 inputs (speed does not depend on the values): training
 * images/s at batch 64 with SGD momentum 0.9 (forward, softmax cross-entropy, backward, update),
 * inference images/s at batch 256, and single-image forward time; plus the X/O toy net's
 * single-image forward. Each figure is the median of several timed runs after a warm-up.
 * The same recipe as src/bench/pytorch_lenet5.py, so the two can be run side by side.
 */
public final class LenetBenchmark {
    /** Figures of one run of {@link #measure}. */
    public record Result(double trainImagesPerSecond, double inferImagesPerSecond, double singleImageForwardMs,
                         double xoSingleImageForwardUs) {}

    private final int runs;
    private final double scale;

    /**
     * @param runs  timed runs per figure (the median is reported)
     * @param scale work per run relative to the default (about 0.2 s per run at full scale); tests use a tiny scale
     */
    public LenetBenchmark(int runs, double scale) {
        this.runs = Math.max(1, runs);
        this.scale = scale;
    }

    public Result measure() {
        return new Result(train(), infer(), single("lenet5") * 1e3, single("xo") * 1e6);
    }

    private static Network lenet(String preset) {
        NetworkSpec spec = Presets.get(preset).network();
        return Network.build(spec, 1);
    }

    private int steps(int full) {
        return Math.max(1, (int) Math.round(full * scale));
    }

    /** Training images/s at batch 64, SGD lr 0.01 momentum 0.9. */
    double train() {
        int batch = 64;
        Network net = lenet("lenet5");
        Sgd sgd = Sgd.momentum(0.01f, 0.9f);
        float[] x = randomInputs(batch * 784, 1);
        int[] labels = new int[batch];
        SplittableRandom rng = new SplittableRandom(2);
        for (int n = 0; n < batch; n++) {
            labels[n] = rng.nextInt(10);
        }
        int steps = steps(60);
        for (int i = 0; i < steps(30); i++) {
            net.trainStep(x, labels, batch, sgd);
        }
        double[] rates = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                net.trainStep(x, labels, batch, sgd);
            }
            rates[r] = (double) steps * batch / ((System.nanoTime() - t0) * 1e-9);
        }
        return median(rates);
    }

    /** Inference images/s at batch 256. */
    double infer() {
        int batch = 256;
        Network net = lenet("lenet5");
        float[] x = randomInputs(batch * 784, 3);
        float[] out = new float[batch * 10];
        int steps = steps(40);
        for (int i = 0; i < steps(15); i++) {
            net.predict(x, batch, out);
        }
        double[] rates = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                net.predict(x, batch, out);
            }
            rates[r] = (double) steps * batch / ((System.nanoTime() - t0) * 1e-9);
        }
        return median(rates);
    }

    /** Seconds for one forward of one image of {@code preset} (median). */
    double single(String preset) {
        Network net = lenet(preset);
        float[] x = randomInputs(net.inputShape().size(), 4);
        int steps = steps(preset.equals("xo") ? 20_000 : 1_500);
        for (int i = 0; i < steps; i++) {
            net.forward(x, 1, false);
        }
        double[] times = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                net.forward(x, 1, false);
            }
            times[r] = (System.nanoTime() - t0) * 1e-9 / steps;
        }
        return median(times);
    }

    private static float[] randomInputs(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rng.nextDouble();
        }
        return x;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
