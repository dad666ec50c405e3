package org.convlab.model;

import java.util.List;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;

/**
 * What shape inference knows about one layer in its place in the network. Every size is a
 * {@code long}, so a model too large to build is still counted; {@link #input()} and
 * {@link #output()} give the engine's {@code int} shapes and refuse, naming the layer, when a
 * tensor could not be allocated.
 *
 * @param spec          the (named) layer spec
 * @param inputDims     shape coming in (one sample, C x H x W)
 * @param outputDims    shape going out
 * @param paddingDims   concrete [ph, pw] for conv and pool layers, null for the others
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
 * @param weightDims    PyTorch shape of the weight ({@code [F, C, KH, KW]}, {@code [out, in]}, {@code [C]}), or null
 * @param branches      inner layers of a composite block: an inception's branches, or a residual's
 *                      [branch, skip] (skip empty for the identity); empty for plain layers
 */
public record LayerInfo(LayerSpec spec, Dims inputDims, Dims outputDims, long[] paddingDims, String formula,
                        long receptiveHeight, long receptiveWidth, long jump,
                        long weights, long biases, long activations, long multiplyAdds, boolean inPlace,
                        long[] weightDims, List<List<LayerInfo>> branches) {
    public LayerInfo {
        branches = branches == null ? List.of() : branches.stream().map(List::copyOf).toList();
        paddingDims = paddingDims == null ? null : paddingDims.clone();
        weightDims = weightDims == null ? null : weightDims.clone();
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

    /** The engine's input shape, or a refusal naming the layer when it cannot be one tensor. */
    public Shape input() {
        return inputDims.toShape("layer " + spec.label(), "input");
    }

    /** The engine's output shape, or a refusal naming the layer when it cannot be one tensor. */
    public Shape output() {
        return outputDims.toShape("layer " + spec.label(), "output");
    }

    /** Concrete [ph, pw] as ints (for the engine), null for layers without padding. */
    public int[] padding() {
        if (paddingDims == null) {
            return null;
        }
        if (paddingDims[0] > Integer.MAX_VALUE || paddingDims[1] > Integer.MAX_VALUE) {
            throw new UserInputException("layer " + spec.label() + ": its padding " + paddingDims[0] + " x "
                    + paddingDims[1] + " is more than the engine can use (2^31 - 1)");
        }
        return new int[] {(int) paddingDims[0], (int) paddingDims[1]};
    }

    @Override
    public long[] paddingDims() {
        return paddingDims == null ? null : paddingDims.clone();
    }

    @Override
    public long[] weightDims() {
        return weightDims == null ? null : weightDims.clone();
    }

    /**
     * Values this layer adds to the memory of one forward pass: its output (0 for in-place
     * layers) plus, for a composite block, what its inner layers store.
     */
    public long activationMemory() {
        long m = inPlace ? 0 : activations;
        for (List<LayerInfo> b : branches) {
            for (LayerInfo i : b) {
                m = Math.addExact(m, i.activationMemory());
            }
        }
        return m;
    }

    /** Layers of this one and of its blocks, depth first (this one first). */
    public void forEachDeep(java.util.function.Consumer<LayerInfo> action) {
        action.accept(this);
        for (List<LayerInfo> b : branches) {
            for (LayerInfo i : b) {
                i.forEachDeep(action);
            }
        }
    }
}
