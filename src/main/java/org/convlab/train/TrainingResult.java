package org.convlab.train;

import java.util.List;

/**
 * The outcome of {@link Trainer#run}: the history of finished epochs, the test evaluation (null
 * without a test set, or after a stop), the wall time of the run, and why it stopped early (null
 * when it ran to the end). The trained weights are in the trainer's network.
 */
public record TrainingResult(List<EpochStats> history, Evaluation test, double seconds,
                             TrainingListener.Stop stop) {
    public TrainingResult {
        history = List.copyOf(history);
    }

    /** Epochs finished (counting those before a resume). */
    public int epochsDone() {
        return history.isEmpty() ? 0 : history.get(history.size() - 1).epoch();
    }

    public EpochStats last() {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }

    public boolean completed() {
        return stop == null;
    }
}
