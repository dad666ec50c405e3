package org.convlab.model;

import java.util.List;
import org.convlab.engine.Shape;

/**
 * What shape inference knows about one layer in its place in the network.
 *
 * @param spec          the (named) layer spec
 * @param input         shape coming in (one sample, C x H x W)
 * @param output        shape going out
 * @param padding       concrete [ph, pw] for conv and pool layers, null for the others
 * @param formula       the size arithmetic with the numbers filled in, e.g. {@code (227 - 11 + 2*0)/4 + 1 = 55}
 * @param receptiveHeight rows of the network input that one output value depends on
 * @param receptiveWidth  columns of the network input that one output value depends on
 * @param jump          distance, in input pixels, between neighbouring outputs (product of strides so far)
 * @param weights       weight count (batchnorm: gamma)
 * @param biases        bias count (batchnorm: beta)
 * @param activations   values in the output of one sample
 * @param multiplyAdds  multiply-adds for one sample (conv and dense only; others count 0)
 * @param inPlace       a layer that can overwrite or reuse its input (activation functions,
 *                      dropout, flatten): its output is not counted again in the activation-memory total
 * @param weightShape   PyTorch shape of the weight ({@code [F, C, KH, KW]}, {@code [out, in]}, {@code [C]}), or null
 * @param branches      inner layers of a composite block: an inception's branches, or a residual's
 *                      [branch, skip] (skip empty for the identity); empty for plain layers
 */
public record LayerInfo(LayerSpec spec, Shape input, Shape output, int[] padding, String formula,
                        int receptiveHeight, int receptiveWidth, int jump,
                        long weights, long biases, long activations, long multiplyAdds, boolean inPlace,
                        int[] weightShape, List<List<LayerInfo>> branches) {
    public LayerInfo {
        branches = branches == null ? List.of() : branches.stream().map(List::copyOf).toList();
        padding = padding == null ? null : padding.clone();
        weightShape = weightShape == null ? null : weightShape.clone();
    }

    public String name() {
        return spec.name();
    }

    public String type() {
        return spec.type();
    }

    public long params() {
        return weights + biases;
    }

    @Override
    public int[] padding() {
        return padding == null ? null : padding.clone();
    }

    @Override
    public int[] weightShape() {
        return weightShape == null ? null : weightShape.clone();
    }

    /**
     * Values this layer adds to the memory of one forward pass: its output (0 for in-place
     * layers) plus, for a composite block, what its inner layers store.
     */
    public long activationMemory() {
        long m = inPlace ? 0 : activations;
        for (List<LayerInfo> b : branches) {
            for (LayerInfo i : b) {
                m += i.activationMemory();
            }
        }
        return m;
    }
}
