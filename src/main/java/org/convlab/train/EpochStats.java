package org.convlab.train;

/**
 * One finished epoch. Validation figures are NaN when there is no validation set.
 *
 * @param epoch            1-based
 * @param trainLoss        mean loss over the epoch's batches (weighted by batch size), as measured during training
 * @param trainAccuracy    fraction of training samples classified right by the forward pass of their own step
 * @param imagesPerSecond  training samples per second of this epoch's steps
 * @param elapsedSeconds   since the run (or the resumed part) began, paused time excluded
 * @param etaSeconds       estimated time to the last epoch, from the mean epoch time so far
 */
public record EpochStats(int epoch, int epochs, double trainLoss, double trainAccuracy, double validationLoss,
                         double validationAccuracy, double imagesPerSecond, double learningRate,
                         double elapsedSeconds, double etaSeconds) {
    public boolean hasValidation() {
        return !Double.isNaN(validationAccuracy);
    }
}
