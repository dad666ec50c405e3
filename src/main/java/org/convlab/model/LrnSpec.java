package org.convlab.model;

/**
 * Local response normalization across channels (AlexNet's NORM layers), PyTorch's formula:
 * b_c = a_c / (k + alpha/size * sum over the size channels around c of a^2)^beta.
 * AlexNet: size 5, alpha 1e-4, beta 0.75, k 2.
 */
public record LrnSpec(String name, int size, double alpha, double beta, double k) implements LayerSpec {
    public LrnSpec {
        String l = Checks.label(name, "lrn");
        Checks.positive(l, "size", size);
        Checks.nonNegative(l, "alpha", alpha);
        Checks.nonNegative(l, "beta", beta);
        Checks.positive(l, "k", k);
    }

    public static LrnSpec alexNet() {
        return new LrnSpec(null, 5, 1e-4, 0.75, 2);
    }

    @Override
    public String type() {
        return "lrn";
    }

    @Override
    public String defaultPrefix() {
        return "norm";
    }

    @Override
    public LrnSpec withName(String n) {
        return new LrnSpec(n, size, alpha, beta, k);
    }
}
