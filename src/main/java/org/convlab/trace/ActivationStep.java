package org.convlab.trace;

import java.util.Arrays;
import org.convlab.engine.ActivationsReference;
import org.convlab.engine.Shape;
import org.convlab.model.ActivationSpec;

/**
 * An element-wise activation applied to a whole map, with the cells it changed marked (for ReLU:
 * every negative cell, now 0). Computed with {@link ActivationsReference}, the engine's reference.
 * Immutable: the getters return copies.
 */
public final class ActivationStep {
    private final Shape shape;
    private final ActivationSpec.Kind kind;
    private final float[] before;
    private final float[] after;
    private final boolean[] changed;

    private ActivationStep(Shape shape, ActivationSpec.Kind kind, float[] before, float[] after) {
        this.shape = shape;
        this.kind = kind;
        this.before = before;
        this.after = after;
        this.changed = new boolean[before.length];
        for (int i = 0; i < before.length; i++) {
            changed[i] = Float.compare(before[i], after[i]) != 0;
        }
    }

    /** Applies {@code kind} (leaky ReLU with {@code slope}) to one sample x of {@code shape}. */
    public static ActivationStep of(Shape shape, ActivationSpec.Kind kind, double slope, float[] x) {
        int n = shape.size();
        float[] before = Arrays.copyOf(x, n);
        float[] after = new float[n];
        switch (kind) {
            case RELU -> ActivationsReference.relu(after, before, n);
            case LEAKY_RELU -> ActivationsReference.leakyRelu(after, before, n, (float) slope);
            case SIGMOID -> ActivationsReference.sigmoid(after, before, n);
            case TANH -> ActivationsReference.tanh(after, before, n);
        }
        return new ActivationStep(shape, kind, before, after);
    }

    /** ReLU of one sample. */
    public static ActivationStep relu(Shape shape, float[] x) {
        return of(shape, ActivationSpec.Kind.RELU, 0, x);
    }

    public Shape shape() {
        return shape;
    }

    public ActivationSpec.Kind kind() {
        return kind;
    }

    public float[] before() {
        return before.clone();
    }

    public float[] after() {
        return after.clone();
    }

    public float before(int i) {
        return before[i];
    }

    public float after(int i) {
        return after[i];
    }

    public boolean changed(int i) {
        return changed[i];
    }

    /** Number of changed cells (for ReLU: the negatives zeroed). */
    public int changedCount() {
        int n = 0;
        for (boolean c : changed) {
            n += c ? 1 : 0;
        }
        return n;
    }

    /** Changed cells of channel c, [H*W]. */
    public boolean[] changedPlane(int c) {
        return Arrays.copyOfRange(changed, c * shape.plane(), (c + 1) * shape.plane());
    }
}
