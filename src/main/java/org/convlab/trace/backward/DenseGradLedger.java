package org.convlab.trace.backward;

import java.util.List;

/**
 * The gradients of a dense layer (the votes) for one image, as a ledger like the forward votes:
 * {@code weightGradient[o * in + j] = input[j] * upstream[o]}, {@code biasGradient[o] = upstream[o]},
 * {@code inputGradient[j] = sum over o of weight[o][j] * upstream[o]} (the term by term version is
 * {@link BackwardTracer#denseInput}). Every number is the engine's reference loop's.
 *
 * @param units          outputs (rows of the weight)
 * @param inputs         inputs (columns), the flattened C x H x W of the map before any flatten
 * @param unitNames      class names when the layer feeds the output, else empty
 * @param input          x, the forward input
 * @param weight         w [units, inputs]
 * @param upstream       dL/dy per unit
 * @param weightGradient dL/dw [units, inputs]
 * @param biasGradient   dL/db per unit (empty without a bias)
 * @param inputGradient  dL/dx per input
 */
public record DenseGradLedger(int units, int inputs, List<String> unitNames, float[] input, float[] weight,
                              float[] upstream, float[] weightGradient, float[] biasGradient, float[] inputGradient) {
    public DenseGradLedger {
        unitNames = List.copyOf(unitNames);
        input = input.clone();
        weight = weight.clone();
        upstream = upstream.clone();
        weightGradient = weightGradient.clone();
        biasGradient = biasGradient.clone();
        inputGradient = inputGradient.clone();
    }

    public float weightGradient(int unit, int in) {
        return weightGradient[unit * inputs + in];
    }

    @Override
    public float[] input() {
        return input.clone();
    }

    @Override
    public float[] weight() {
        return weight.clone();
    }

    @Override
    public float[] upstream() {
        return upstream.clone();
    }

    @Override
    public float[] weightGradient() {
        return weightGradient.clone();
    }

    @Override
    public float[] biasGradient() {
        return biasGradient.clone();
    }

    @Override
    public float[] inputGradient() {
        return inputGradient.clone();
    }
}
