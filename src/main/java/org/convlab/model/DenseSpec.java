package org.convlab.model;

/**
 * Fully connected layer to {@code units} outputs. On a C x H x W input it flattens implicitly
 * in C, H, W order (as if a flatten layer came first), so {@code weight} is {@code [units, C*H*W]};
 * {@code biasData} is {@code [units]}. Both nullable.
 */
public record DenseSpec(String name, int units, boolean bias, ParamData weight, ParamData biasData)
        implements LayerSpec {
    public DenseSpec {
        String l = Checks.label(name, "dense");
        Checks.positive(l, "units", units);
        if (weight != null && (weight.shape().length != 2 || weight.shape()[0] != units)) {
            throw new org.convlab.UserInputException(l + ".weight: shape must be [" + units + ", inputs], got "
                    + java.util.Arrays.toString(weight.shape()));
        }
        if (biasData != null && !bias) {
            throw new org.convlab.UserInputException(l + ".bias: the layer has bias off but bias values were given");
        }
        Checks.paramShape(l, "bias", biasData, units);
    }

    public static DenseSpec of(int units) {
        return new DenseSpec(null, units, true, null, null);
    }

    @Override
    public String type() {
        return "dense";
    }

    @Override
    public String defaultPrefix() {
        return "fc";
    }

    @Override
    public DenseSpec withName(String n) {
        return new DenseSpec(n, units, bias, weight, biasData);
    }

    public DenseSpec withWeights(ParamData w, ParamData b) {
        return new DenseSpec(name, units, bias, w, b);
    }
}
