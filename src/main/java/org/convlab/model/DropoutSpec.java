package org.convlab.model;

/** Zeroes each value with probability {@code rate} in training (inverted dropout); identity in inference. */
public record DropoutSpec(String name, double rate) implements LayerSpec {
    public DropoutSpec {
        if (!(rate >= 0 && rate < 1)) {
            throw new org.convlab.UserInputException(Checks.label(name, "dropout") + ".rate: must be in [0, 1), got " + rate);
        }
    }

    public static DropoutSpec of(double rate) {
        return new DropoutSpec(null, rate);
    }

    @Override
    public String type() {
        return "dropout";
    }

    @Override
    public DropoutSpec withName(String n) {
        return new DropoutSpec(n, rate);
    }
}
