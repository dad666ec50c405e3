package org.convlab.trace.backward;

import java.util.List;

/**
 * How one gradient value is built: every term in the engine's order, then one division.
 * {@code value == sum / divisor} computed in float, bit for bit what the engine's reference
 * backward writes (dL/dw: sum over positions of pixel x upstream, then / 9 in the X/O net).
 *
 * @param target  what this is the gradient of, as the command line names it:
 *                {@code conv1:w[0][0][1][1]}, {@code conv1:b[0]}, {@code fc1:w[0][5]}, {@code input[0][4][4]}
 * @param kind    weight, bias or input (of a layer, or of the network)
 * @param terms   the terms in order (possibly none: a value no output used has gradient 0)
 * @param sum     the running sum after the last term (0 when there are none)
 * @param divisor what the sum is divided by (conv normalize: C x KH x KW, else 1)
 * @param value   the gradient
 */
public record GradientTrace(String target, Kind kind, List<GradTerm> terms, float sum, int divisor, float value) {
    /** What a trace is the gradient of. */
    public enum Kind { WEIGHT, BIAS, INPUT }

    public GradientTrace {
        terms = List.copyOf(terms);
    }
}
