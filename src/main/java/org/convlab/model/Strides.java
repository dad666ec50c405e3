package org.convlab.model;

import java.util.List;

/** Total stride (the jump) of a layer sequence, known from the specs alone. */
public final class Strides {
    private Strides() {}

    /** Product of the strides of the layers; an inception block counts its first branch. */
    public static int total(List<LayerSpec> layers) {
        int s = 1;
        for (LayerSpec l : layers) {
            s = Math.multiplyExact(s, of(l));
        }
        return s;
    }

    /** Stride of one layer (1 for layers that keep the grid). */
    public static int of(LayerSpec l) {
        if (l instanceof ConvSpec c) {
            return c.stride();
        }
        if (l instanceof PoolSpec p) {
            return p.stride();
        }
        if (l instanceof InceptionSpec i) {
            return total(i.branches().get(0));
        }
        if (l instanceof ResidualSpec r) {
            return total(r.branch());
        }
        return 1;
    }
}
