package org.convlab.ui.training;

import org.convlab.model.NetworkSpec;
import org.convlab.nn.Network;
import org.convlab.trace.ActivationSnapshot;

/**
 * Takes {@link ModelState}s of a training network on the training thread, within a time budget:
 * a copy of the weights and one forward of the chosen sample on a network of its own (so the
 * training network's buffers are not touched). For LeNet-5 that is about 60,000 floats and one
 * image, a fraction of a millisecond; for a large model the budget makes it rarer: a capture is
 * skipped while the captures so far took more than {@link #BUDGET} of the run's time.
 */
final class ModelProbe {
    /** Share of the training time the captures may take (the issue allows 5%; we stay well below). */
    static final double BUDGET = 0.01;
    /** No more often than this: each capture is drawn, and drawing costs the CPU that trains. */
    static final long MIN_INTERVAL_NANOS = 1_000_000_000L;

    private final NetworkSpec spec;
    private final Network own;
    private final long started = System.nanoTime();
    private volatile long spentNanos;
    private volatile long totalNanos;
    private volatile int duringTraining;
    private long lastNanos;
    private volatile int captures;

    ModelProbe(NetworkSpec spec, long seed) {
        this.spec = spec;
        this.own = Network.build(spec, seed);
    }

    /**
     * A capture between two batches when the interval has passed and the budget allows it, else
     * null. Only these count against the budget: they are the ones that take time from training.
     */
    ModelState maybe(Network training, float[] input, int epoch, int batch, long now) {
        if (now - lastNanos < MIN_INTERVAL_NANOS || spentNanos > BUDGET * (now - started)) {
            return null;
        }
        long t0 = System.nanoTime();
        ModelState state = capture(training, input, epoch, batch);
        spentNanos += lastNanos - t0;
        duringTraining++;
        return state;
    }

    /**
     * A capture now, outside the budget: before the first batch (the first one is slow, nothing is
     * compiled yet), at an epoch's end (beside the validation pass) and at the end of the run.
     */
    ModelState capture(Network source, float[] input, int epoch, int batch) {
        long t0 = System.nanoTime();
        float[][] weights = ModelState.copyWeights(source);
        ModelState state = of(weights, input, epoch, batch);
        lastNanos = System.nanoTime();
        totalNanos += lastNanos - t0;
        captures++;
        return state;
    }

    /** The state of given weights with {@code input}'s activations (weights are kept, not copied). */
    ModelState of(float[][] weights, float[] input, int epoch, int batch) {
        ActivationSnapshot activations = null;
        if (input != null) {
            ModelState.load(weights, own);
            activations = ActivationSnapshot.capture(own, input);
        }
        return new ModelState(spec, weights, epoch, batch, input, activations);
    }

    /** Share of the run's time spent capturing so far (the figure the budget holds below {@link #BUDGET}). */
    double share(long now) {
        return spentNanos / (double) Math.max(1, now - started);
    }

    int captures() {
        return captures;
    }

    /** Captures made between batches (counted against the budget). */
    int capturesDuringTraining() {
        return duringTraining;
    }

    /** Time the captures between batches took, in milliseconds (what the budget holds down). */
    double spentMillis() {
        return spentNanos / 1e6;
    }

    /** Time all captures took, in milliseconds. */
    double totalMillis() {
        return totalNanos / 1e6;
    }
}
