package org.convlab.train;

import java.util.List;

/**
 * Events of a training run, for the CLI's progress lines and the UI's dashboard. Every method is
 * called on the training thread between batches, never inside a kernel, so a listener must be
 * quick: copy what it needs and hand it on (the UI posts the immutable records to its own thread).
 * Epochs in events are 1-based. All methods do nothing by default.
 */
public interface TrainingListener {
    /** Before the first batch. */
    default void begin(Start start) {}

    /** After every optimizer step, with that batch's mean loss. */
    default void batchEnd(BatchEnd batch) {}

    /** After each epoch's validation and checkpoint. */
    default void epochEnd(EpochStats stats) {}

    /** The run stopped early (cancelled, or a loss that is not a number); {@link #end} follows. */
    default void stopped(Stop stop) {}

    /** Always last, also after a stop. */
    default void end(TrainingResult result) {}

    /** The run's sizes. {@code firstEpoch} is above 1 when resuming from a checkpoint. */
    record Start(int firstEpoch, int epochs, int trainSamples, int validationSamples, int batchesPerEpoch,
                 List<String> classes) {}

    /** One step: 1-based epoch and batch, the batch's mean loss, the rate it used. */
    record BatchEnd(int epoch, int batch, int batches, float loss, double learningRate) {}

    /** Why a run stopped early, with a message for the user. */
    record Stop(Reason reason, String message, int epoch, int batch) {}

    enum Reason {
        /** {@link Trainer#cancel()} from another thread. */
        CANCELLED,
        /** The loss became NaN or infinite; the last good weights were restored. */
        NON_FINITE_LOSS
    }

    /** No-op listener. */
    TrainingListener NONE = new TrainingListener() {};

    /** Calls each of {@code listeners} in order. */
    static TrainingListener all(List<TrainingListener> listeners) {
        List<TrainingListener> copy = List.copyOf(listeners);
        return new TrainingListener() {
            @Override
            public void begin(Start start) {
                copy.forEach(l -> l.begin(start));
            }

            @Override
            public void batchEnd(BatchEnd batch) {
                copy.forEach(l -> l.batchEnd(batch));
            }

            @Override
            public void epochEnd(EpochStats stats) {
                copy.forEach(l -> l.epochEnd(stats));
            }

            @Override
            public void stopped(Stop stop) {
                copy.forEach(l -> l.stopped(stop));
            }

            @Override
            public void end(TrainingResult result) {
                copy.forEach(l -> l.end(result));
            }
        };
    }
}
