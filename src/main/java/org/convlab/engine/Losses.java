package org.convlab.engine;

import org.convlab.engine.simd.LossesSimd;

/**
 * The losses, fast path: rows (cross-entropy) or chunks (MSE) are split over tasks chosen from
 * the sizes; each task sums its own part of the loss in double and the parts are added in task
 * order, so the mean is the same whatever the thread count. Same contract as {@link LossesReference}.
 */
public final class Losses {
    private Losses() {}

    // probs [N,K]  dLogits [N,K] (written)  logits [N,K]  labels [N]; returns the mean loss
    public static float softmaxCrossEntropy(float[] probs, float[] dLogits, float[] logits, int[] labels,
                                            int batch, int classes) {
        checkLabels(labels, batch, classes);
        int tasks = Softmax.tasks(batch, classes);
        double[] partial = new double[tasks];
        Parallel.shared().forEach(tasks, t -> {
            double sum = 0;
            for (int n = Softmax.first(t, tasks, batch), end = Softmax.first(t + 1, tasks, batch); n < end; n++) {
                int row = n * classes;
                double logSumExp = Softmax.row(probs, logits, row, classes);
                sum += logSumExp - logits[row + labels[n]];
                for (int k = row; k < row + classes; k++) {
                    dLogits[k] = probs[k] / batch;
                }
                dLogits[row + labels[n]] = (probs[row + labels[n]] - 1f) / batch;
            }
            partial[t] = sum;
        });
        double total = 0;
        for (double p : partial) {
            total += p;
        }
        return (float) (total / batch);
    }

    // dPred [n] (written)  pred [n]  target [n]; returns mean (pred - target)^2
    public static float meanSquaredError(float[] dPred, float[] pred, float[] target, int n) {
        float scale = 2f / n;
        int chunk = Activations.CHUNK;
        int tasks = Math.max(1, (n + chunk - 1) / chunk);
        double[] partial = new double[tasks];
        Parallel.shared().forEach(tasks, t -> {
            int from = t * chunk;
            int to = Math.min(n, from + chunk);
            if (Simd.AVAILABLE) {
                partial[t] = LossesSimd.squaredError(dPred, pred, target, from, to, scale);
            } else {
                double sum = 0;
                for (int i = from; i < to; i++) {
                    float d = pred[i] - target[i];
                    dPred[i] = scale * d;
                    sum += d * d;
                }
                partial[t] = sum;
            }
        });
        double total = 0;
        for (double p : partial) {
            total += p;
        }
        return (float) (total / n);
    }

    /** A label outside [0, classes) is a bug in the caller (the data loader checks the user's labels). */
    static void checkLabels(int[] labels, int batch, int classes) {
        for (int n = 0; n < batch; n++) {
            if (labels[n] < 0 || labels[n] >= classes) {
                throw new IllegalArgumentException("label " + labels[n] + " of sample " + n
                        + " is not one of the " + classes + " classes (0 to " + (classes - 1) + ")");
            }
        }
    }
}
