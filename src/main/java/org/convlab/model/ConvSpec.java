package org.convlab.model;

/**
 * 2D convolution with {@code filters} filters of {@code kernelHeight x kernelWidth} over all
 * input channels. A 1D convolution is this layer on an input of height 1 with kernel
 * {@code [1, k]}. {@code normalize} divides each output by the number of weights in a filter
 * (C*KH*KW), the slides' X/O "filter matching" average; default off.
 * Inline tensors (nullable): {@code weight [F, C, KH, KW]}, {@code biasData [F]}.
 * {@code floor}: accept a size formula that is not a whole number by dropping the last input
 * rows/columns, as PyTorch does (default off: such a layer is refused with the arithmetic, as
 * the slides ask, unless only padding zeros would be dropped).
 */
public record ConvSpec(String name, int filters, int kernelHeight, int kernelWidth, int stride,
                       Padding padding, int dilation, boolean bias, boolean normalize,
                       ParamData weight, ParamData biasData, boolean floor) implements LayerSpec {
    public ConvSpec {
        String l = Checks.label(name, "conv");
        Checks.positive(l, "filters", filters);
        Checks.positive(l, "kernel", kernelHeight);
        Checks.positive(l, "kernel", kernelWidth);
        Checks.positive(l, "stride", stride);
        Checks.positive(l, "dilation", dilation);
        if (padding == null) {
            padding = Padding.VALID;
        }
        padding.resolve(kernelHeight, kernelWidth, dilation, l); // refuses 'same' on even kernels early
        if (weight != null && (weight.shape().length != 4 || weight.shape()[0] != filters
                || weight.shape()[2] != kernelHeight || weight.shape()[3] != kernelWidth)) {
            throw new org.convlab.UserInputException(l + ".weight: shape must be [" + filters + ", C, "
                    + kernelHeight + ", " + kernelWidth + "], got " + java.util.Arrays.toString(weight.shape()));
        }
        if (biasData != null && !bias) {
            throw new org.convlab.UserInputException(l + ".bias: the layer has bias off but bias values were given");
        }
        Checks.paramShape(l, "bias", biasData, filters);
    }

    /** Without the floor option (off). */
    public ConvSpec(String name, int filters, int kernelHeight, int kernelWidth, int stride, Padding padding,
                    int dilation, boolean bias, boolean normalize, ParamData weight, ParamData biasData) {
        this(name, filters, kernelHeight, kernelWidth, stride, padding, dilation, bias, normalize, weight, biasData, false);
    }

    /** Square kernel, bias on, no dilation, no normalize, no inline weights. */
    public static ConvSpec of(int filters, int kernel, int stride, Padding padding) {
        return new ConvSpec(null, filters, kernel, kernel, stride, padding, 1, true, false, null, null);
    }

    @Override
    public String type() {
        return "conv";
    }

    @Override
    public ConvSpec withName(String n) {
        return new ConvSpec(n, filters, kernelHeight, kernelWidth, stride, padding, dilation, bias, normalize, weight, biasData, floor);
    }

    public ConvSpec withWeights(ParamData w, ParamData b) {
        return new ConvSpec(name, filters, kernelHeight, kernelWidth, stride, padding, dilation, bias, normalize, w, b, floor);
    }

    public ConvSpec withFloor(boolean f) {
        return new ConvSpec(name, filters, kernelHeight, kernelWidth, stride, padding, dilation, bias, normalize, weight, biasData, f);
    }

    /** Concrete [ph, pw]. */
    public int[] resolvedPadding() {
        return padding.resolve(kernelHeight, kernelWidth, dilation, label());
    }
}
