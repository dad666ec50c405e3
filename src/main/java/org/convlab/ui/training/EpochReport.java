package org.convlab.ui.training;

import java.util.List;
import org.convlab.engine.Shape;
import org.convlab.train.Evaluation;

/**
 * The validation set after one epoch: the confusion matrix and a few of the images the model got
 * wrong with its top-3 guesses, for the dashboard's confusion view and gallery.
 *
 * @param epoch         1-based
 * @param evaluation    confusion matrix (row = true class) and mean loss
 * @param misclassified the first wrongly classified samples, in dataset order
 * @param onTrainingSet true when there is no validation split and the training set was used
 */
public record EpochReport(int epoch, Evaluation evaluation, List<Miss> misclassified, boolean onTrainingSet) {
    public EpochReport {
        misclassified = List.copyOf(misclassified);
    }

    /** A wrong prediction: the sample's pixels (model input), its class, and the top 3 guesses. */
    public record Miss(int index, Shape shape, float[] pixels, int trueClass, List<Guess> top3) {}

    public record Guess(int classIndex, float probability) {}
}
