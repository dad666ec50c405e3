package org.convlab.train;

import java.util.List;
import org.convlab.data.Augmentation;
import org.convlab.data.BatchStream;
import org.convlab.data.Dataset;
import org.convlab.nn.Network;

/**
 * Runs a network over a whole dataset in inference mode (dropout off, batch-norm running
 * statistics), in batches in dataset order, and counts the confusion matrix and the mean loss.
 */
public final class Evaluator {
    private Evaluator() {}

    /** Evaluates {@code data} with batches of {@code batchSize}; labels must be the network's class indices. */
    public static Evaluation evaluate(Network net, Dataset data, int batchSize) {
        int k = net.classes();
        long[][] confusion = new long[k][k];
        double lossSum = 0;
        try (BatchStream stream = new BatchStream(data, batchSize, 0, 0, false, Augmentation.NONE)) {
            for (var batch = stream.next(); batch != null; batch = stream.next()) {
                int n = batch.count();
                int[] labels = batch.labels();
                net.forward(batch.x(), n, false);
                float[] probs = net.probabilities();
                for (int s = 0; s < n; s++) {
                    int predicted = argmax(probs, s * k, k);
                    confusion[labels[s]][predicted]++;
                    // clamp as PyTorch's nll on log_softmax never sees log(0) = -inf for a finite logit
                    lossSum -= Math.log(Math.max(probs[s * k + labels[s]], Float.MIN_NORMAL));
                }
            }
        }
        long total = data.size();
        List<String> classes = net.spec().classes().size() == k ? net.spec().classes() : data.classes();
        return new Evaluation(classes, confusion, total == 0 ? Double.NaN : lossSum / total);
    }

    /** Index of the largest of {@code values[from .. from + n)}; the first one on ties. */
    static int argmax(float[] values, int from, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (values[from + i] > values[from + best]) {
                best = i;
            }
        }
        return best;
    }
}
