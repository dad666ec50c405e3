package org.convlab.train;

import java.util.List;
import org.convlab.data.Augmentation;
import org.convlab.data.BatchStream;
import org.convlab.data.Dataset;
import org.convlab.model.SoftmaxSpec;
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
        boolean softmaxLast = net.spec().layers().get(net.spec().layers().size() - 1) instanceof SoftmaxSpec;
        // a batch larger than the data is the whole data: no buffer needs to be larger than that
        batchSize = Math.max(1, Math.min(batchSize, data.size()));
        net.requireInferenceMemory(batchSize);
        float[] out = org.convlab.MemoryGuard.floats((long) batchSize * k, "the outputs of " + batchSize + " images",
                "use a smaller --batch");
        double lossSum = 0;
        try (BatchStream stream = new BatchStream(data, batchSize, 0, 0, false, Augmentation.NONE)) {
            for (var batch = stream.next(); batch != null; batch = stream.next()) {
                int n = batch.count();
                int[] labels = batch.labels();
                // inference, split across the batch on replicas when it is large enough
                net.predict(batch.x(), n, out);
                for (int s = 0; s < n; s++) {
                    int predicted = argmax(out, s * k, k);
                    confusion[labels[s]][predicted]++;
                    lossSum += softmaxLast ? -Math.log(Math.max(out[s * k + labels[s]], Float.MIN_NORMAL))
                            : logSumExp(out, s * k, k) - out[s * k + labels[s]];
                }
            }
        }
        long total = data.size();
        List<String> classes = net.spec().classes().size() == k ? net.spec().classes() : data.classes();
        return new Evaluation(classes, confusion, total == 0 ? Double.NaN : lossSum / total);
    }

    private static double logSumExp(float[] v, int from, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, v[from + i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.exp(v[from + i] - max);
        }
        return max + Math.log(sum);
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
