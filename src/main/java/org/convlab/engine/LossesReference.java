package org.convlab.engine;

/**
 * The two losses written for reading. Both return the MEAN loss over the batch and WRITE (not add)
 * the gradient of that mean with respect to their input, since a loss starts the backward pass.
 */
public final class LossesReference {
    private LossesReference() {}

    // probs [N,K]  dLogits [N,K] (written)  logits [N,K]  labels [N]
    // Fused softmax + cross-entropy: loss_n = -ln p_label = logsumexp(logits_n) - logits_n[label],
    // computed from the shifted sum so it stays finite when p_label underflows to 0;
    // the gradient of the mean is (p - onehot(label)) / N.
    public static float softmaxCrossEntropy(float[] probs, float[] dLogits, float[] logits, int[] labels,
                                            int batch, int classes) {
        Losses.checkLabels(labels, batch, classes);
        double total = 0;
        for (int n = 0; n < batch; n++) {
            int row = n * classes;
            float max = Float.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, logits[row + k]);
            }
            float sum = 0;
            for (int k = 0; k < classes; k++) {
                probs[row + k] = (float) Math.exp(logits[row + k] - max);
                sum += probs[row + k];
            }
            for (int k = 0; k < classes; k++) {
                probs[row + k] /= sum;
            }
            double logSumExp = max + Math.log(sum);
            total += logSumExp - logits[row + labels[n]];
            for (int k = 0; k < classes; k++) {
                dLogits[row + k] = logitGradAt(probs[row + k], k == labels[n], batch);
            }
        }
        return (float) (total / batch);
    }

    /**
     * dL/dlogit of one class: {@code (p - y) / batch} with y = 1 for the label and 0 otherwise; the
     * division is the batch mean (exact for a batch of one). The fast {@link Losses} writes the
     * same bits ({@code p / batch} for the other classes, since p - 0 = p).
     */
    public static float logitGradAt(float probability, boolean isLabel, int batch) {
        float target = isLabel ? 1f : 0f;
        return (probability - target) / batch;
    }

    // dPred [n] (written)  pred [n]  target [n]: loss = mean (pred - target)^2, dPred = 2 (pred - target) / n
    public static float meanSquaredError(float[] dPred, float[] pred, float[] target, int n) {
        float scale = 2f / n;
        double total = 0;
        for (int i = 0; i < n; i++) {
            float d = pred[i] - target[i];
            dPred[i] = scale * d;
            total += d * d;
        }
        return (float) (total / n);
    }
}
