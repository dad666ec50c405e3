package org.convlab.ui.training;

import java.util.List;
import org.convlab.data.Dataset;
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
public record EpochReport(int epoch, Evaluation evaluation, List<Miss> misclassified, boolean onTrainingSet,
                          Predictions predictions) {
    public EpochReport {
        misclassified = List.copyOf(misclassified);
    }

    /**
     * Every sample's label and top-3 guesses, to list the images of a confusion matrix cell; the
     * pixels are read from {@code data} when shown (the dataset is in memory and never changes).
     *
     * @param labels      true class per sample
     * @param top         3 guesses per sample, best first (-1 where there are fewer than 3 classes)
     * @param probability the guesses' probabilities, as {@code top}
     */
    public record Predictions(Dataset data, int[] labels, int[] top, float[] probability) {
        int size() {
            return labels.length;
        }

        int predicted(int sample) {
            return top[3 * sample];
        }

        /** The sample indices whose true class is {@code trueClass} and top guess {@code predicted}, in order. */
        List<Integer> inCell(int trueClass, int predicted) {
            List<Integer> out = new java.util.ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == trueClass && top[3 * i] == predicted) {
                    out.add(i);
                }
            }
            return out;
        }

        List<Guess> guesses(int sample) {
            List<Guess> out = new java.util.ArrayList<>(3);
            for (int t = 0; t < 3; t++) {
                if (top[3 * sample + t] >= 0) {
                    out.add(new Guess(top[3 * sample + t], probability[3 * sample + t]));
                }
            }
            return out;
        }

        float[] pixels(int sample) {
            float[] x = new float[data.shape().size()];
            data.copySample(sample, x, 0);
            return x;
        }
    }

    /** A wrong prediction: the sample's pixels (model input), its class, and the top 3 guesses. */
    public record Miss(int index, Shape shape, float[] pixels, int trueClass, List<Guess> top3) {}

    public record Guess(int classIndex, float probability) {}
}
