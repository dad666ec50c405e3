package org.convlab.model;

/**
 * Element-wise activation, any input shape, no parameters. {@code slope} is used by
 * leakyrelu only (negative-side slope, PyTorch's default 0.01); it is 0 for the others.
 */
public record ActivationSpec(String name, Kind kind, double slope) implements LayerSpec {
    public static final double DEFAULT_LEAKY_SLOPE = 0.01;

    public enum Kind {
        RELU("relu"), LEAKY_RELU("leakyrelu"), SIGMOID("sigmoid"), TANH("tanh");

        public final String type;

        Kind(String type) {
            this.type = type;
        }
    }

    public ActivationSpec {
        if (kind == null) {
            throw new IllegalArgumentException("activation kind is required");
        }
        if (kind != Kind.LEAKY_RELU && slope != 0) {
            throw new org.convlab.UserInputException(Checks.label(name, kind.type) + ".slope: only leakyrelu has a slope");
        }
        if (Double.isNaN(slope) || Double.isInfinite(slope)) {
            throw new org.convlab.UserInputException(Checks.label(name, kind.type) + ".slope: must be a finite number, got " + slope);
        }
    }

    public static ActivationSpec relu() {
        return new ActivationSpec(null, Kind.RELU, 0);
    }

    public static ActivationSpec leakyRelu() {
        return new ActivationSpec(null, Kind.LEAKY_RELU, DEFAULT_LEAKY_SLOPE);
    }

    public static ActivationSpec sigmoid() {
        return new ActivationSpec(null, Kind.SIGMOID, 0);
    }

    public static ActivationSpec tanh() {
        return new ActivationSpec(null, Kind.TANH, 0);
    }

    @Override
    public String type() {
        return kind.type;
    }

    @Override
    public ActivationSpec withName(String n) {
        return new ActivationSpec(n, kind, slope);
    }
}
