package org.convlab.engine;

/**
 * Listens to the terms of ONE gradient value in the order a reference backward loop adds them,
 * as {@link Conv2dReference.Terms} does for one forward output. The backward step-through records
 * these, so what the student sees is what the engine computes: the running sum after the last
 * term, divided by the divisor the loop names, is the value the loop writes.
 */
public interface GradTerms {
    /**
     * One product {@code forward * upstream} of the sum.
     *
     * @param output  flat index into the layer's output gradient dY where this value was used
     * @param partner flat index of the forward factor: into x for a weight's gradient, into w for
     *                an input's gradient (-1 for a bias, whose factor is 1)
     * @param forward the factor from the forward pass (input pixel, weight, or 1)
     * @param upstream the upstream gradient dY at {@code output}
     * @param product {@code upstream * forward}, as the loop computes it
     * @param sum     the running sum after this term
     */
    void term(int output, int partner, float forward, float upstream, float product, float sum);
}
