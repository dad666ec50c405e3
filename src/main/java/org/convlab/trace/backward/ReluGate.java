package org.convlab.trace.backward;

import org.convlab.engine.Shape;

/**
 * The ReLU gate of one layer for one image, both maps side by side: the upstream gradient passes
 * where the forward input was positive and is 0 elsewhere, INCLUDING at exactly 0 (the engine
 * takes the left side's slope there, as PyTorch does). {@code passed[i] =
 * ActivationsReference.reluGradAt(upstream[i], input[i])}.
 *
 * @param shape    C x H x W of the layer (flat for a dense activation)
 * @param input    the forward input of the ReLU
 * @param upstream dL/d(ReLU output)
 * @param passed   dL/d(ReLU input): the gated gradient
 */
public record ReluGate(Shape shape, float[] input, float[] upstream, float[] passed) {
    /** Said in the view: the engine's rule at exactly 0. */
    public static final String RULE = "passes where the input was > 0; blocked where it was <= 0 (at exactly 0 too)";

    public ReluGate {
        input = input.clone();
        upstream = upstream.clone();
        passed = passed.clone();
    }

    /** Whether the gate was open at flat index i (input > 0). */
    public boolean open(int i) {
        return input[i] > 0;
    }

    @Override
    public float[] input() {
        return input.clone();
    }

    @Override
    public float[] upstream() {
        return upstream.clone();
    }

    @Override
    public float[] passed() {
        return passed.clone();
    }
}
