package org.convlab.model;

import java.util.List;

/**
 * A branch added to its own input: out = branch(x) + skip(x) (ResNet; apply relu after it as a
 * separate layer). Without {@code projection} the skip is the identity and the branch must keep
 * the shape. With {@code projection} the skip is {@link #projectionLayers(int)}: a 1x1 conv
 * without bias (floor on) whose stride is the branch's total stride ({@link Strides#total}), followed by a
 * batchnorm when the branch itself uses batchnorm (torchvision's ResNet downsample).
 * Inner layers are named {@code <block>.<default>} unless named in the file.
 *
 * <p>{@code skip} holds the projection's layers when they carry trained weights (a model file's
 * {@code "skip"} list, written for trained models so that reopening one gives the same numbers);
 * null means "made from the rule above, weights initialised".
 */
public record ResidualSpec(String name, List<LayerSpec> branch, boolean projection, List<LayerSpec> skip)
        implements LayerSpec {
    public ResidualSpec {
        String l = Checks.label(name, "residual");
        if (branch == null || branch.isEmpty()) {
            throw new org.convlab.UserInputException(l + ".branch: needs at least one layer");
        }
        branch = name == null ? List.copyOf(branch) : Naming.assign(branch, name + ".");
        if (skip != null) {
            if (!projection) {
                throw new org.convlab.UserInputException(l + ".skip: only a block with \"projection\": true has skip layers");
            }
            skip = List.copyOf(skip);
        }
    }

    /** A block whose projection (if any) is made from the rule, with fresh weights. */
    public ResidualSpec(String name, List<LayerSpec> branch, boolean projection) {
        this(name, branch, projection, null);
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
        return new ResidualSpec(n, branch, projection, skip);
    }

    /** The same block with the projection's layers (and their weights) given. */
    public ResidualSpec withSkip(List<LayerSpec> layers) {
        return new ResidualSpec(name, branch, projection, layers);
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
     * output of {@code outChannels}: named {@code <block>.proj} and {@code <block>.proj_bn}, with
     * the weights of {@link #skip()} when given. Given layers must be exactly the rule's (only
     * their tensors differ), so a hand-edited file cannot turn the skip into something else.
     */
    public List<LayerSpec> projectionLayers(int outChannels) {
        if (!projection) {
            return List.of();
        }
        String base = name == null ? "residual" : name;
        // floor: the projection samples every s-th pixel even where the branch's padding differs (torchvision)
        ConvSpec conv = new ConvSpec(base + ".proj", outChannels, 1, 1, projectionStride(), Padding.VALID, 1,
                false, false, null, null, true);
        List<LayerSpec> rule = projectionNormalized()
                ? List.of(conv, BatchNormSpec.standard().withName(base + ".proj_bn")) : List.of(conv);
        return skip == null ? rule : checkedSkip(rule, base);
    }

    private List<LayerSpec> checkedSkip(List<LayerSpec> rule, String base) {
        String l = base + ".skip";
        if (skip.size() != rule.size()) {
            throw new org.convlab.UserInputException(l + ": the projection has " + rule.size() + " layer(s) ("
                    + describe(rule) + "), the file gives " + skip.size());
        }
        for (int i = 0; i < rule.size(); i++) {
            LayerSpec want = rule.get(i);
            LayerSpec got = skip.get(i).withName(want.name());
            boolean same = got instanceof ConvSpec c ? c.withWeights(null, null).equals(want)
                    : got instanceof BatchNormSpec b && b.withTensors(null, null, null, null).equals(want);
            if (!same) {
                throw new org.convlab.UserInputException(l + "[" + i + "]: must be " + describe(List.of(want))
                        + " (the rule for this block's projection); only its tensors may differ");
            }
        }
        List<LayerSpec> named = new java.util.ArrayList<>();
        for (int i = 0; i < rule.size(); i++) {
            named.add(skip.get(i).withName(rule.get(i).name()));
        }
        return named;
    }

    private static String describe(List<LayerSpec> layers) {
        return String.join(", ", layers.stream().map(s -> s instanceof ConvSpec c
                ? "a 1x1 conv with " + c.filters() + " filters, stride " + c.stride() + ", no bias"
                : "a batchnorm").toList());
    }
}
