package org.convlab.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.convlab.engine.DenseReference;
import org.convlab.engine.Shape;
import org.convlab.engine.SoftmaxReference;

/**
 * A fully connected layer as a vote (the slides: "every value gets a vote"): for each class,
 * every input value times its weight, sorted by size, the running total, the bias, the logit
 * from {@link DenseReference#unitAt} (the engine's loop) and the softmax probabilities from
 * {@link SoftmaxReference}. The running total adds the votes in the ledger's order (largest
 * first), the engine in input order, so the total plus the bias can differ from the logit in the
 * last bits of a float; the logit shown is always the engine's.
 */
public final class VoteLedger {
    private final List<ClassVotes> classes;
    private final float[] logits;
    private final float[] probabilities;

    private VoteLedger(List<ClassVotes> classes, float[] logits, float[] probabilities) {
        this.classes = List.copyOf(classes);
        this.logits = logits;
        this.probabilities = probabilities;
    }

    /**
     * @param inputShape the shape of the layer's input before flattening (a flat shape for vectors)
     * @param x          one sample's input, [in]
     * @param w          weights [out, in]
     * @param b          bias [out] or null
     * @param labels     class names (may be shorter than out; missing ones are numbered)
     */
    public static VoteLedger of(Shape inputShape, float[] x, float[] w, float[] b, int out, List<String> labels) {
        int in = inputShape.size();
        float[] logits = new float[out];
        for (int o = 0; o < out; o++) {
            logits[o] = DenseReference.unitAt(x, w, b, in, 0, o);
        }
        float[] probs = new float[out];
        SoftmaxReference.forward(probs, logits, 1, out);
        List<ClassVotes> classes = new ArrayList<>(out);
        Integer[] order = new Integer[in];
        for (int o = 0; o < out; o++) {
            final int row = o * in;
            for (int i = 0; i < in; i++) {
                order[i] = i;
            }
            // largest vote (by magnitude) first; ties in input order so the ledger is stable
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -Math.abs(x[i] * w[row + i]))
                    .thenComparingInt(i -> i));
            List<Vote> votes = new ArrayList<>(in);
            float running = 0f;
            for (int i : order) {
                float product = x[i] * w[row + i];
                running += product;
                votes.add(new Vote(i, i / inputShape.plane(), (i % inputShape.plane()) / inputShape.width(),
                        i % inputShape.width(), x[i], w[row + i], product, running));
            }
            String label = o < labels.size() ? labels.get(o) : "class " + o;
            classes.add(new ClassVotes(o, label, votes, running, b != null, b == null ? 0f : b[o], logits[o],
                    probs[o]));
        }
        return new VoteLedger(classes, logits, probs);
    }

    public List<ClassVotes> classes() {
        return classes;
    }

    public ClassVotes forClass(int k) {
        return classes.get(k);
    }

    public float[] logits() {
        return logits.clone();
    }

    public float[] probabilities() {
        return probabilities.clone();
    }

    /** The class with the highest probability (first on ties). */
    public int winner() {
        int best = 0;
        for (int k = 1; k < probabilities.length; k++) {
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        return best;
    }
}
