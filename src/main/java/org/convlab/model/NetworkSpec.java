package org.convlab.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;

/**
 * A whole network: the shape of one input sample, the class names (may be empty when the
 * model is only for looking at shapes), and the layers in order. Every layer gets a default
 * name (conv1, pool1, fc1, ...) unless it has one; names must be unique at the top level.
 * Construction does not check that the layers fit the input: {@link ShapeInference} does.
 * {@code preprocessing} (nullable) says how a trained model's images were prepared.
 */
public record NetworkSpec(Shape input, List<String> classes, List<LayerSpec> layers, Preprocessing preprocessing) {
    public NetworkSpec {
        if (input == null) {
            throw new UserInputException("input: the model needs an input shape");
        }
        classes = classes == null ? List.of() : List.copyOf(classes);
        if (layers == null || layers.isEmpty()) {
            throw new UserInputException("layers: the model needs at least one layer");
        }
        layers = Naming.assign(layers, "");
        Set<String> seen = new HashSet<>();
        for (LayerSpec l : layers) {
            if (!seen.add(l.name())) {
                throw new UserInputException("layers: the name '" + l.name() + "' is used twice");
            }
        }
        Set<String> cls = new HashSet<>();
        for (String c : classes) {
            if (c == null || c.isBlank() || !cls.add(c)) {
                throw new UserInputException("classes: class names must be non-empty and unique, got " + classes);
            }
        }
        if (preprocessing != null) {
            preprocessing.checkChannels(input.channels());
        }
    }

    /** A network that says nothing about how its inputs were prepared (presets, drawn stacks). */
    public NetworkSpec(Shape input, List<String> classes, List<LayerSpec> layers) {
        this(input, classes, layers, null);
    }

    /** The same network with {@code p} as its preprocessing. */
    public NetworkSpec withPreprocessing(Preprocessing p) {
        return new NetworkSpec(input, classes, layers, p);
    }

    /** The layer with this name at the top level, or null. */
    public LayerSpec layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
    }
}
