package org.convlab.model;

import java.util.List;

/**
 * A branch added to its own input: out = branch(x) + skip(x) (ResNet; apply relu after it as a
 * separate layer). Without {@code projection} the skip is the identity and the branch must keep
 * the shape. With {@code projection} the skip is {@link #projectionLayers(int)}: a 1x1 conv
 * without bias (floor on) whose stride is the branch's total stride ({@link Strides#total}), followed by a
 * batchnorm when the branch itself uses batchnorm (torchvision's ResNet downsample).
 * Inner layers are named {@code <block>.<default>} unless named in the file.
 */
public record ResidualSpec(String name, List<LayerSpec> branch, boolean projection) implements LayerSpec {
    public ResidualSpec {
        String l = Checks.label(name, "residual");
        if (branch == null || branch.isEmpty()) {
            throw new org.convlab.UserInputException(l + ".branch: needs at least one layer");
        }
        branch = name == null ? List.copyOf(branch) : Naming.assign(branch, name + ".");
    }

    @Override
    public String type() {
        return "residual";
    }

    @Override
    public String defaultPrefix() {
        return "res";
    }

    @Override
    public ResidualSpec withName(String n) {
        return new ResidualSpec(n, branch, projection);
    }

    /** Stride of the 1x1 projection conv: the product of the strides along the branch. */
    public int projectionStride() {
        return Strides.total(branch);
    }

    /** Whether the projection includes a batchnorm (it does when the branch has one). */
    public boolean projectionNormalized() {
        return branch.stream().anyMatch(s -> s instanceof BatchNormSpec);
    }

    /**
     * The skip path's layers when {@code projection} is on (empty otherwise), for a branch
     * output of {@code outChannels}: named {@code <block>.proj} and {@code <block>.proj_bn}.
     */
    public List<LayerSpec> projectionLayers(int outChannels) {
        if (!projection) {
            return List.of();
        }
        String base = name == null ? "residual" : name;
        // floor: the projection samples every s-th pixel even where the branch's padding differs (torchvision)
        ConvSpec conv = new ConvSpec(base + ".proj", outChannels, 1, 1, projectionStride(), Padding.VALID, 1,
                false, false, null, null, true);
        if (!projectionNormalized()) {
            return List.of(conv);
        }
        return List.of(conv, BatchNormSpec.standard().withName(base + ".proj_bn"));
    }
}
