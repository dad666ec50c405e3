package org.convlab.data;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.SplittableRandom;

/**
 * One epoch of batches, built on a background thread: while the engine trains on one batch,
 * the next is copied (and augmented) into the other of two reused buffers. The order is a
 * permutation drawn from (seed, epoch) alone, and the augmentation of a sample from (seed,
 * epoch, sample index), so a resumed run sees exactly the batches an uninterrupted one would.
 *
 * <p>Use one stream per epoch, from one thread: {@code try (var s = new BatchStream(...)) {
 * for (Batch b; (b = s.next()) != null; ) ... }}. A batch is valid until the next call to next().
 */
public final class BatchStream implements AutoCloseable {
    private static final Object END = new Object();

    private final int batchSize;
    private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(2);
    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(2);
    private final Thread worker;
    private Batch handedOut;
    private boolean finished;

    public BatchStream(Dataset data, int batchSize, long seed, int epoch, boolean shuffle, Augmentation aug) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1: " + batchSize);
        }
        this.batchSize = batchSize;
        int sampleSize = data.shape().size();
        for (int i = 0; i < 2; i++) {
            free.add(new Batch(new float[batchSize * sampleSize], new int[batchSize], 0));
        }
        int[] order = order(data.size(), seed, epoch, shuffle);
        Augmentation augmentation = aug == null ? Augmentation.NONE : aug;
        worker = new Thread(() -> produce(data, order, seed, epoch, augmentation), "convlab-batches");
        worker.setDaemon(true);
        worker.start();
    }

    /** The order in which an epoch visits the samples: 0..n-1, or a permutation drawn from (seed, epoch). */
    public static int[] order(int n, long seed, int epoch, boolean shuffle) {
        if (!shuffle) {
            return identity(n);
        }
        return Seeds.permutation(n, Seeds.random(seed, Seeds.SHUFFLE, epoch, 0));
    }

    /** Number of batches in an epoch of {@code n} samples (the last may be short). */
    public static int batchCount(int n, int batchSize) {
        return (n + batchSize - 1) / batchSize;
    }

    /** The next batch, or null when the epoch is over. Rethrows a failure of the background thread. */
    public Batch next() {
        if (finished) {
            return null;
        }
        if (handedOut != null) {
            free.add(handedOut);
            handedOut = null;
        }
        Object item;
        try {
            item = ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batch", e);
        }
        if (item == END) {
            finished = true;
            return null;
        }
        if (item instanceof RuntimeException failure) {
            finished = true;
            throw failure;
        }
        if (item instanceof Error error) {
            finished = true;
            throw error;
        }
        handedOut = (Batch) item;
        return handedOut;
    }

    /** Stops the background thread (safe to call early, and more than once). */
    @Override
    public void close() {
        finished = true;
        worker.interrupt();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void produce(Dataset data, int[] order, long seed, int epoch, Augmentation aug) {
        try {
            int sampleSize = data.shape().size();
            Augmenter augmenter = aug.isNone() ? null : new Augmenter(aug, data.shape());
            for (int start = 0; start < order.length; start += batchSize) {
                Batch buffer = free.take();
                int count = Math.min(batchSize, order.length - start);
                for (int k = 0; k < count; k++) {
                    int index = order[start + k];
                    int offset = k * sampleSize;
                    data.copySample(index, buffer.x(), offset);
                    buffer.labels()[k] = data.label(index);
                    if (augmenter != null) {
                        augmenter.apply(buffer.x(), offset, augmenter.draw(Seeds.random(seed, Seeds.AUGMENT, epoch, index)));
                    }
                }
                ready.put(new Batch(buffer.x(), buffer.labels(), count));
            }
            ready.put(END);
        } catch (InterruptedException e) {
            // closed early: nobody is waiting
        } catch (RuntimeException | Error e) {
            ready.clear();
            ready.offer(e);
        }
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
