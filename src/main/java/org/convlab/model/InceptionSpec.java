package org.convlab.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Parallel branches on the same input, outputs concatenated along channels in branch order
 * (GoogLeNet). Every branch must produce the same height and width. Inner layers are named
 * {@code <block>.b<i>.<default>} (for example {@code inception3a.b2.conv1}) unless named in the file.
 */
public record InceptionSpec(String name, List<List<LayerSpec>> branches) implements LayerSpec {
    public InceptionSpec {
        String l = Checks.label(name, "inception");
        if (branches == null || branches.isEmpty()) {
            throw new org.convlab.UserInputException(l + ".branches: needs at least one branch");
        }
        List<List<LayerSpec>> copy = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            List<LayerSpec> b = branches.get(i);
            if (b == null || b.isEmpty()) {
                throw new org.convlab.UserInputException(l + ".branches[" + i + "]: a branch needs at least one layer");
            }
            copy.add(name == null ? List.copyOf(b) : Naming.assign(b, name + ".b" + (i + 1) + "."));
        }
        branches = List.copyOf(copy);
    }

    @Override
    public String type() {
        return "inception";
    }

    @Override
    public InceptionSpec withName(String n) {
        return new InceptionSpec(n, branches);
    }
}
