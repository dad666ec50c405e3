package org.convlab.model;

/** C x H x W -> (C*H*W) x 1 x 1, in C, H, W order (PyTorch's flatten); a no-op on a flat input. */
public record FlattenSpec(String name) implements LayerSpec {
    @Override
    public String type() {
        return "flatten";
    }

    @Override
    public FlattenSpec withName(String n) {
        return new FlattenSpec(n);
    }
}
