package org.convlab.nn;

import java.util.List;
import org.convlab.engine.Parallel;

/**
 * Training step split across the batch: the batch is cut into slices (their number chosen from
 * the batch size only, never from the thread count), each slice runs forward and backward on its
 * own replica of the network (same weight arrays, own activations and gradients) as one task of
 * the pool, and the slice gradients are summed into the network's, weighted by slice size, in
 * slice order. So a step costs one hand-off to the pool instead of one per layer, every kernel
 * runs single-threaded on its slice, and the result is bit-identical with 1 or N threads.
 *
 * <p>Training does not use it with batch norm in the net (each slice would normalise with its own
 * statistics); inference ({@link #predict}) does.
 */
final class DataParallel {
    /** Samples per slice at least; LeNet at batch 64 runs as 2 slices of 32. */
    static final int MIN_SLICE = 32;
    /**
     * Slices at most: each is a replica with its own activations and gradients, so a huge batch
     * must not make millions of them (more than the pool's threads gives no speed anyway).
     */
    static final int MAX_SLICES = 64;

    private final Network master;
    private final Network[] replicas;
    private final float[][] inputs;
    private final int[][] labels;
    private final float[] losses;
    private final int sampleSize;

    private DataParallel(Network master, int slices, int capacity) {
        this.master = master;
        this.replicas = new Network[slices];
        this.inputs = new float[slices][];
        this.labels = new int[slices][];
        this.losses = new float[slices];
        this.sampleSize = master.inputShape().size();
        int sliceCapacity = (capacity + slices - 1) / slices;
        for (int k = 0; k < slices; k++) {
            Network r = Network.build(master.spec(), master.seed());
            List<Parameter> own = r.parameters();
            for (int i = 0; i < own.size(); i++) {
                own.get(i).shareValues(master.parameters().get(i));
            }
            List<Parameter> stats = r.buffers(); // batch norm running statistics: read-only in inference
            for (int i = 0; i < stats.size(); i++) {
                stats.get(i).shareValues(master.buffers().get(i));
            }
            r.reserve(sliceCapacity);
            replicas[k] = r;
            inputs[k] = org.convlab.MemoryGuard.floats((long) sliceCapacity * sampleSize,
                    "the input slice of " + sliceCapacity + " images", "use a smaller --batch");
            labels[k] = new int[sliceCapacity];
        }
    }

    /** Slices for a batch: one per {@link #MIN_SLICE} samples, at most {@link #MAX_SLICES}. */
    static int slices(int batch) {
        return Math.max(1, Math.min(MAX_SLICES, batch / MIN_SLICE));
    }

    /**
     * A splitter for batches of {@code batch} samples, or null when one slice would do. Training
     * must not use it on a net with batch norm (each slice would normalise with its own statistics).
     */
    static DataParallel forBatch(Network master, int batch) {
        int k = slices(batch);
        return k < 2 ? null : new DataParallel(master, k, batch);
    }

    /** Inference of {@code batch} samples in slices; writes the outputs [batch, output size] to {@code out}. */
    void predict(float[] x, int batch, float[] out) {
        int k = replicas.length;
        int outSize = master.outputShape().size();
        Parallel.shared().forEach(k, s -> {
            int from = (int) ((long) batch * s / k);
            int to = (int) ((long) batch * (s + 1) / k);
            int n = to - from;
            System.arraycopy(x, from * sampleSize, inputs[s], 0, n * sampleSize);
            replicas[s].setReference(master.isReference());
            float[] y = replicas[s].forward(inputs[s], n, false);
            System.arraycopy(y, 0, out, from * outSize, n * outSize);
        });
    }

    int slicesCount() {
        return replicas.length;
    }

    /**
     * Forward and backward of {@code batch} samples in slices; leaves the mean cross-entropy
     * gradient of the whole batch in the master's parameter gradients, the batch's outputs and
     * probabilities in the given arrays, and returns the mean loss.
     */
    float gradients(float[] x, int[] y, int batch, long dropoutSeed, float[] outputs, float[] probabilities) {
        int outSize = master.outputShape().size();
        int k = replicas.length;
        Parallel.shared().forEach(k, s -> {
            int from = (int) ((long) batch * s / k);
            int to = (int) ((long) batch * (s + 1) / k);
            int n = to - from;
            System.arraycopy(x, from * sampleSize, inputs[s], 0, n * sampleSize);
            System.arraycopy(y, from, labels[s], 0, n);
            Network r = replicas[s];
            r.setReference(master.isReference());
            r.setDropoutSeed(dropoutSeed * 31 + s); // each slice its own masks, fixed by the step and slice
            r.forward(inputs[s], n, true);
            losses[s] = r.backwardCrossEntropy(labels[s]);
            System.arraycopy(r.output(), 0, outputs, from * outSize, n * outSize);
            System.arraycopy(r.probabilities(), 0, probabilities, from * outSize, n * outSize);
        });
        List<Parameter> params = master.parameters();
        double loss = 0;
        for (int s = 0; s < k; s++) {
            loss += losses[s] * sliceWeight(s, batch);
        }
        // sum the slice gradients into the master's, in slice order, split over parameters
        int count = params.size();
        Parallel.shared().forEach(count, i -> {
            float[] g = params.get(i).grad();
            for (int s = 0; s < k; s++) {
                float w = sliceWeight(s, batch);
                float[] part = replicas[s].parameters().get(i).grad();
                if (s == 0) {
                    for (int j = 0; j < g.length; j++) {
                        g[j] = w * part[j];
                    }
                } else {
                    for (int j = 0; j < g.length; j++) {
                        g[j] += w * part[j];
                    }
                }
            }
        });
        return (float) loss;
    }

    private float sliceWeight(int s, int batch) {
        int k = replicas.length;
        int n = (int) ((long) batch * (s + 1) / k) - (int) ((long) batch * s / k);
        return (float) n / batch;
    }
}
