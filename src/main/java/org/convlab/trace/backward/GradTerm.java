package org.convlab.trace.backward;

import java.util.Arrays;

/**
 * One term of a gradient sum, in the order the engine adds it: {@code product = upstream * forward},
 * {@code sum} the running sum after it.
 *
 * @param output   where the value was used: coordinates in the layer's output for one sample,
 *                 {@code [filter, row, col]} for a conv, {@code [unit]} for a dense layer,
 *                 {@code [channel, row, col]} for a pooling window
 * @param factorAt where the forward factor comes from: {@code [channel, row, col]} of the layer's
 *                 input for a weight's gradient, {@code [filter, channel, i, j]} of the conv weight
 *                 (or {@code [unit, input]} of the dense weight) for an input's gradient, empty for a bias
 * @param forward  the factor from the forward pass (input pixel, weight, 1 for a bias or a max, 1/divisor for an average)
 * @param upstream dL/d(output) at {@code output}
 * @param product  the term as the engine computes it
 * @param sum      the running sum after this term (before any divisor)
 */
public record GradTerm(int[] output, int[] factorAt, float forward, float upstream, float product, float sum) {
    public GradTerm {
        output = output.clone();
        factorAt = factorAt.clone();
    }

    @Override
    public int[] output() {
        return output.clone();
    }

    @Override
    public int[] factorAt() {
        return factorAt.clone();
    }

    @Override
    public String toString() {
        return "GradTerm" + Arrays.toString(output) + " " + forward + " x " + upstream + " = " + product + " (sum " + sum + ")";
    }
}
