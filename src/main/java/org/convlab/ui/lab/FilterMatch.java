package org.convlab.ui.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.convlab.model.ConvSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Presets;
import org.convlab.nn.Network;
import org.convlab.nn.SpecExport;
import org.convlab.nn.optim.Optimizer;
import org.convlab.train.TrainingConfig;
import org.convlab.trace.filtering.ImageKernel;

/**
 * "Learned vs hand-made": a LeNet-5 ({@code preset:lenet5}) trained here, briefly and seeded, on
 * synthetic 28x28 pictures of bars in four orientations (one class each, random position,
 * thickness, brightness and noise), whose 5x5 conv1 filters are each matched to the classic kernel
 * they resemble most: the cosine similarity of the weights, the 3x3 classics zero-padded to 5x5,
 * taken against the kernel and against its negative (a filter that is an upside-down Sobel is still
 * a Sobel). Nothing ships trained, so this is what the view can honestly show.
 */
public final class FilterMatch {
    /** How it was trained, for the caption. */
    public static final int IMAGES = 800;
    public static final int STEPS = 400;
    public static final int BATCH = 16;
    public static final long SEED = 1;
    public static final double RATE = 0.03;

    /** One learned filter and its nearest classic. */
    public record Pair(float[] learned, ImageKernel classic, boolean negated, double cosine) {}

    /** The trained net's conv1 filters, each with its best match, and the final training accuracy. */
    public record Outcome(List<Pair> pairs, double accuracy, String how, double untrainedCosine, double trainedCosine) {}

    private FilterMatch() {}

    /** Trains the LeNet (a few seconds) and matches its conv1 filters. */
    public static Outcome trainAndMatch() {
        return trainAndMatch(STEPS, RATE);
    }

    static Outcome trainAndMatch(int steps, double rate) {
        NetworkSpec spec = Presets.get("lenet5").network();
        Network net = Network.build(spec, SEED);
        Optimizer opt = TrainingConfig.builder().learningRate(rate).momentum(0.9).batchSize(BATCH).seed(SEED).build()
                .newOptimizer();
        double untrained = meanBest(conv1(net));
        Random rnd = new Random(SEED);
        float[][] images = new float[IMAGES][];
        int[] labels = new int[IMAGES];
        for (int i = 0; i < IMAGES; i++) {
            labels[i] = i % 4;
            images[i] = bar(labels[i], rnd);
        }
        float[] x = new float[BATCH * 28 * 28];
        int[] y = new int[BATCH];
        for (int step = 0; step < steps; step++) {
            for (int b = 0; b < BATCH; b++) {
                int i = rnd.nextInt(IMAGES);
                System.arraycopy(images[i], 0, x, b * 784, 784);
                y[b] = labels[i];
            }
            net.trainStep(x, y, BATCH, opt);
        }
        int right = 0;
        float[] out = new float[10];
        for (int i = 0; i < 200; i++) {
            int label = i % 4;
            net.predict(bar(label, rnd), 1, out);
            int best = 0;
            for (int c = 1; c < 10; c++) {
                best = out[c] > out[best] ? c : best;
            }
            right += best == label ? 1 : 0;
        }
        List<Pair> pairs = conv1(net);
        String how = "LeNet-5 (preset:lenet5) trained here for " + steps + " steps of " + BATCH + " on " + IMAGES
                + " synthetic 28x28 bars in 4 orientations (SGD, learning rate " + rate + ", momentum 0.9, seed " + SEED + ")";
        return new Outcome(pairs, right / 200.0, how, untrained, meanBest(pairs));
    }

    /** The net's conv1 filters, each matched. */
    private static List<Pair> conv1(Network net) {
        ConvSpec conv1 = (ConvSpec) SpecExport.withWeights(net).layers().get(0);
        float[] w = conv1.weight().data();
        List<Pair> pairs = new ArrayList<>();
        for (int f = 0; f < conv1.filters(); f++) {
            pairs.add(match(java.util.Arrays.copyOfRange(w, f * 25, f * 25 + 25)));
        }
        return pairs;
    }

    private static double meanBest(List<Pair> pairs) {
        return pairs.stream().mapToDouble(Pair::cosine).average().orElse(0);
    }

    /** The classic kernel (or its negative) nearest to a 5x5 {@code filter} by cosine similarity. */
    public static Pair match(float[] filter) {
        Pair best = null;
        for (ImageKernel k : ImageKernel.classics()) {
            float[] padded = toFive(k);
            double c = cosine(filter, padded);
            if (best == null || Math.abs(c) > Math.abs(best.cosine())) {
                best = new Pair(filter, k, c < 0, c);
            }
        }
        return new Pair(filter, best.classic(), best.negated(), Math.abs(best.cosine()));
    }

    /** A 3x3 kernel zero-padded to 5x5 (a 5x5 stays as it is). */
    static float[] toFive(ImageKernel k) {
        float[] out = new float[25];
        int off = (5 - k.rows()) / 2;
        for (int r = 0; r < k.rows(); r++) {
            for (int c = 0; c < k.cols(); c++) {
                out[(r + off) * 5 + c + off] = k.at(r, c);
            }
        }
        return out;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** A 28x28 picture of a bar: 0 horizontal, 1 vertical, 2 rising diagonal, 3 falling diagonal. */
    static float[] bar(int kind, Random rnd) {
        float[] img = new float[784];
        double cx = 10 + rnd.nextDouble() * 8;
        double cy = 10 + rnd.nextDouble() * 8;
        double half = 1 + rnd.nextDouble() * 1.5;
        float ink = 0.6f + 0.4f * rnd.nextFloat();
        double angle = switch (kind) {
            case 0 -> 0;
            case 1 -> Math.PI / 2;
            case 2 -> -Math.PI / 4;
            default -> Math.PI / 4;
        };
        double nx = -Math.sin(angle);
        double ny = Math.cos(angle);
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                double d = Math.abs((c - cx) * nx + (r - cy) * ny);
                double along = Math.abs((c - cx) * Math.cos(angle) + (r - cy) * Math.sin(angle));
                float v = d <= half && along <= 10 ? ink : 0;
                img[r * 28 + c] = Math.max(0, Math.min(1, v + 0.1f * (float) rnd.nextGaussian()));
            }
        }
        return img;
    }
}
