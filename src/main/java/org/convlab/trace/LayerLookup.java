package org.convlab.trace;

import java.util.List;
import org.convlab.UserInputException;
import org.convlab.nn.layers.Layer;

/**
 * A top-level layer by index, of the kind a view or trace needs, for the forward and the backward
 * tracers alike: a wrong index or kind is one line naming what the model has.
 */
public final class LayerLookup {
    private LayerLookup() {}

    /** Layer {@code index} of {@code layers}, or a message with the valid range. */
    public static Layer layer(List<Layer> layers, int index) {
        if (index < 0 || index >= layers.size()) {
            throw new UserInputException("layer " + index + " does not exist: the model has " + layers.size()
                    + " layers (0.." + (layers.size() - 1) + ")");
        }
        return layers.get(index);
    }

    /** Layer {@code index} as a {@code kind}, or a message naming what it is ({@code what}: "conv", "pooling"...). */
    public static <T extends Layer> T layerOf(List<Layer> layers, int index, Class<T> kind, String what) {
        Layer l = layer(layers, index);
        if (!kind.isInstance(l)) {
            throw wrongType(index, l, what);
        }
        return kind.cast(l);
    }

    /** The refusal for layer {@code index} when it is not a {@code what} layer. */
    public static UserInputException wrongType(int index, Layer l, String what) {
        return new UserInputException("layer " + index + " (" + l.name() + ") is a " + l.type() + " layer, not a "
                + what + " layer");
    }
}
