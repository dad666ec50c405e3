package org.convlab.ui.training;

import java.util.ArrayList;
import java.util.List;
import org.convlab.data.Augmentation;
import org.convlab.data.BatchStream;
import org.convlab.data.Dataset;
import org.convlab.nn.Network;
import org.convlab.train.Evaluation;

/**
 * Runs the network over a dataset in inference mode, in dataset order, and counts the confusion
 * matrix as {@link org.convlab.train.Evaluator} does, keeping besides the first misclassified
 * samples with their top-3 guesses (which the train package's evaluation does not need).
 * Called on the training thread between epochs.
 */
final class ValidationReporter {
    private ValidationReporter() {}

    static EpochReport report(int epoch, Network net, Dataset data, int batchSize, int maxMisses, boolean onTraining) {
        int k = net.classes();
        long[][] confusion = new long[k][k];
        double lossSum = 0;
        List<EpochReport.Miss> misses = new ArrayList<>();
        int sampleSize = data.shape().size();
        int index = 0;
        int[] labelsAll = new int[data.size()];
        int[] topAll = new int[3 * data.size()];
        float[] probAll = new float[3 * data.size()];
        try (BatchStream stream = new BatchStream(data, batchSize, 0, 0, false, Augmentation.NONE)) {
            for (var batch = stream.next(); batch != null; batch = stream.next()) {
                int n = batch.count();
                int[] labels = batch.labels();
                net.forward(batch.x(), n, false);
                float[] probs = net.probabilities();
                for (int s = 0; s < n; s++, index++) {
                    int[] top = top3(probs, s * k, k);
                    labelsAll[index] = labels[s];
                    for (int t = 0; t < 3; t++) {
                        topAll[3 * index + t] = top[t];
                        probAll[3 * index + t] = top[t] < 0 ? 0f : probs[s * k + top[t]];
                    }
                    confusion[labels[s]][top[0]]++;
                    lossSum -= Math.log(Math.max(probs[s * k + labels[s]], Float.MIN_NORMAL));
                    if (top[0] != labels[s] && misses.size() < maxMisses) {
                        float[] pixels = new float[sampleSize];
                        System.arraycopy(batch.x(), s * sampleSize, pixels, 0, sampleSize);
                        misses.add(new EpochReport.Miss(index, data.shape(), pixels, labels[s], guesses(probs, s * k, top)));
                    }
                }
            }
        }
        double loss = data.size() == 0 ? Double.NaN : lossSum / data.size();
        return new EpochReport(epoch, new Evaluation(net.spec().classes(), confusion, loss), misses, onTraining,
                new EpochReport.Predictions(data, labelsAll, topAll, probAll));
    }

    /** The guesses {@code top} (indices from {@link #top3}) with their probabilities in {@code p} from {@code from}. */
    static List<EpochReport.Guess> guesses(float[] p, int from, int[] top) {
        List<EpochReport.Guess> guesses = new ArrayList<>();
        for (int t : top) {
            if (t >= 0) {
                guesses.add(new EpochReport.Guess(t, p[from + t]));
            }
        }
        return guesses;
    }

    /** Indices of the three largest values (first on ties); -1 where there are fewer than 3 classes. */
    static int[] top3(float[] p, int from, int k) {
        int[] top = {-1, -1, -1};
        for (int i = 0; i < k; i++) {
            float v = p[from + i];
            for (int slot = 0; slot < 3; slot++) {
                if (top[slot] < 0 || v > p[from + top[slot]]) {
                    for (int m = 2; m > slot; m--) {
                        top[m] = top[m - 1];
                    }
                    top[slot] = i;
                    break;
                }
            }
        }
        return top;
    }
}
