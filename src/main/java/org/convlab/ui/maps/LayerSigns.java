package org.convlab.ui.maps;

import java.util.List;
import org.convlab.model.ActivationSpec;
import org.convlab.model.DropoutSpec;
import org.convlab.model.FlattenSpec;
import org.convlab.model.GlobalAvgPoolSpec;
import org.convlab.model.InceptionSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.LrnSpec;
import org.convlab.model.PoolSpec;
import org.convlab.model.ResidualSpec;
import org.convlab.model.SoftmaxSpec;

/**
 * Which layers' outputs cannot be negative, decided from the layers themselves rather than from one
 * input's numbers, so a layer keeps its colour map whatever image is shown: ReLU, sigmoid and
 * softmax outputs cannot be negative; pooling, upsampling (copies or convex blends), flatten,
 * dropout and local response normalisation keep the sign of what they read (a max-pool of ReLU outputs is non-negative, of conv outputs is
 * not); conv, transposed conv, dense, batchnorm, leaky ReLU and tanh can give any sign. A block is non-negative
 * when every path through it is. Non-negative maps take the sequential colour map, the others the
 * diverging one.
 */
public final class LayerSigns {
    private LayerSigns() {}

    /** For each layer in order: can its output not be negative, given whether the input can be. */
    public static boolean[] nonNegative(List<LayerSpec> layers, boolean inputNonNegative) {
        boolean[] out = new boolean[layers.size()];
        boolean sign = inputNonNegative;
        for (int i = 0; i < layers.size(); i++) {
            sign = after(layers.get(i), sign);
            out[i] = sign;
        }
        return out;
    }

    /** Whether {@code layer}'s output cannot be negative, when its input cannot be ({@code in}) or can. */
    static boolean after(LayerSpec layer, boolean in) {
        if (layer instanceof ActivationSpec a) {
            return a.kind() == ActivationSpec.Kind.RELU || a.kind() == ActivationSpec.Kind.SIGMOID
                    || a.kind() == ActivationSpec.Kind.LEAKY_RELU && in;
        }
        if (layer instanceof SoftmaxSpec) {
            return true;
        }
        if (layer instanceof PoolSpec || layer instanceof GlobalAvgPoolSpec || layer instanceof FlattenSpec
                || layer instanceof DropoutSpec || layer instanceof LrnSpec || layer instanceof org.convlab.model.UpsampleSpec) {
            return in;
        }
        if (layer instanceof InceptionSpec inc) {
            return inc.branches().stream().allMatch(b -> through(b, in));
        }
        if (layer instanceof ResidualSpec r) {
            // the skip is the identity (the input's sign) or a 1x1 conv (any sign)
            return through(r.branch(), in) && in && !r.projection();
        }
        return false; // conv, convtranspose, dense, batchnorm, tanh: any sign
    }

    private static boolean through(List<LayerSpec> path, boolean in) {
        boolean sign = in;
        for (LayerSpec l : path) {
            sign = after(l, sign);
        }
        return sign;
    }
}
