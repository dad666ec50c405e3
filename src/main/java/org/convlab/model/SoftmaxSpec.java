package org.convlab.model;

/** Softmax over a flat input (C x 1 x 1): turns class scores into probabilities. */
public record SoftmaxSpec(String name) implements LayerSpec {
    @Override
    public String type() {
        return "softmax";
    }

    @Override
    public SoftmaxSpec withName(String n) {
        return new SoftmaxSpec(n);
    }
}
