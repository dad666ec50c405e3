package org.convlab.trace.backward;

import java.util.List;

/**
 * Where the backward pass starts: softmax cross-entropy for one image. {@code logitGradient[k] =
 * (p[k] - y[k]) / batch} with y the one-hot label; the batch is 1 here, so it is exactly p - y
 * (computed by {@code LossesReference.logitGradAt}, the same bits as the engine's loss).
 *
 * @param classes        class names (empty when the model names none)
 * @param label          the true class
 * @param probabilities  p, the engine's softmax output
 * @param logitGradient  dL/dlogit per class
 * @param loss           -ln p[label], as the engine computed it
 */
public record LossGradient(List<String> classes, int label, float[] probabilities, float[] logitGradient, float loss) {
    public LossGradient {
        classes = List.copyOf(classes);
        probabilities = probabilities.clone();
        logitGradient = logitGradient.clone();
    }

    /** y[k]: 1 for the label, else 0. */
    public int target(int k) {
        return k == label ? 1 : 0;
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public float[] logitGradient() {
        return logitGradient.clone();
    }
}
