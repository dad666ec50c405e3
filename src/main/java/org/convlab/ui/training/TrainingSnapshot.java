package org.convlab.ui.training;

import java.util.List;
import org.convlab.train.EpochStats;

/**
 * What the dashboard shows of a run at one moment, made on the training thread and handed to the
 * FX thread whole: every field is immutable (lists copied, arrays never written after publishing).
 *
 * @param state     where the run is
 * @param epoch     1-based epoch of the last finished batch (0 before the first)
 * @param batch     1-based batch within that epoch
 * @param imagesPerSecond training throughput of the recent batches
 * @param etaSeconds estimated time to the end of the run
 * @param history   finished epochs
 * @param filters   the first conv layer's weights at the moment, or null without a conv layer
 * @param report    validation results of the last finished epoch, or null
 * @param message   a line for the user (why it stopped, what failed), or null
 * @param model     the newest copy of the weights with the chosen sample's activations, or null
 */
public record TrainingSnapshot(State state, int epoch, int epochs, int batch, int batches, double imagesPerSecond,
                               double etaSeconds, List<EpochStats> history, FilterWeights filters,
                               EpochReport report, String message, ModelState model) {
    public enum State { PREPARING, RUNNING, PAUSED, FINISHED, STOPPED, FAILED }

    public TrainingSnapshot {
        history = List.copyOf(history);
    }

    public boolean isActive() {
        return state == State.PREPARING || state == State.RUNNING || state == State.PAUSED;
    }

    /** A copy of a conv weight [out, in, kh, kw] (PyTorch layout). */
    public record FilterWeights(String layer, int[] shape, float[] values) {}

    /** One point of the smoothed training loss: x in epochs (2.5 = half way through epoch 3). */
    public record LossPoint(double epochs, double smoothedLoss) {}
}
