package org.convlab.trace.learning;

import java.util.Arrays;

/**
 * What the network says about one image for one label: the softmax cross-entropy loss
 * {@code -ln p[label]} as the engine computes it ({@code Network.backwardCrossEntropy}), the class
 * probabilities, and the answer (the class with the largest probability; the first on a tie, as
 * {@code eval} counts). Immutable: {@link #probabilities()} hands out a copy, {@link #probability}
 * reads one value.
 *
 * @param loss          the cross-entropy of this image against {@code label}
 * @param probabilities softmax of the logits, one per class in the model's class order
 * @param label         the class the loss is measured against (the "right" answer)
 * @param answer        index of the largest probability (first on ties)
 */
public record Prediction(float loss, float[] probabilities, int label, int answer) {
    public Prediction {
        probabilities = probabilities.clone();
    }

    /** Builds the prediction from the first {@code classes} probabilities of {@code p}. */
    static Prediction of(float loss, float[] p, int classes, int label) {
        float[] probs = Arrays.copyOf(p, classes);
        int best = 0;
        for (int k = 1; k < classes; k++) {
            if (probs[k] > probs[best]) {
                best = k;
            }
        }
        return new Prediction(loss, probs, label, best);
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    /** The probability of class {@code k}. */
    public float probability(int k) {
        return probabilities[k];
    }

    /** Number of classes. */
    public int classes() {
        return probabilities.length;
    }

    /**
     * Whether the label's probability is strictly larger than every other class's: a tie is not
     * right (stricter than {@link #answer()}, which takes the first of a tie).
     */
    public boolean right() {
        for (int k = 0; k < probabilities.length; k++) {
            if (k != label && !(probabilities[label] > probabilities[k])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prediction p && Float.floatToIntBits(loss) == Float.floatToIntBits(p.loss)
                && label == p.label && answer == p.answer && Arrays.equals(probabilities, p.probabilities);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Float.hashCode(loss) + Arrays.hashCode(probabilities)) + label;
    }

    @Override
    public String toString() {
        return "loss " + loss + ", probabilities " + Arrays.toString(probabilities) + ", answer " + answer
                + " (label " + label + ")";
    }
}
