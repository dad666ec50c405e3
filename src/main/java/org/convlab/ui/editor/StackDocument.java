package org.convlab.ui.editor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.convlab.engine.Shape;
import org.convlab.model.LayerSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Preprocessing;

/**
 * What the editor holds: an input shape, class names and a layer list that may not fit (the
 * model package's {@link NetworkSpec} would refuse nothing here, but {@code ShapeInference} may).
 * Immutable: every edit makes a new document, which is what makes undo a matter of keeping the
 * old one. Every layer carries a unique name, so cards keep their ids when layers move. A trained
 * model's preprocessing (how its images were prepared) rides along, and is dropped when the
 * input's channels change, since it no longer fits.
 */
public record StackDocument(Shape input, List<String> classes, List<LayerSpec> layers, Preprocessing preprocessing) {
    public StackDocument {
        classes = List.copyOf(classes);
        layers = List.copyOf(layers);
    }

    /** The network as loaded: names already assigned by {@link NetworkSpec}. */
    public static StackDocument of(NetworkSpec net) {
        return new StackDocument(net.input(), net.classes(), net.layers(), net.preprocessing());
    }

    /** An empty stack on an input of this size. */
    public static StackDocument empty(Shape input) {
        return new StackDocument(input, List.of(), List.of(), null);
    }

    /** The model package's network, for saving and inference; throws when there are no layers. */
    public NetworkSpec toNetwork() {
        return new NetworkSpec(input, classes, layers, preprocessing);
    }

    public int size() {
        return layers.size();
    }

    public StackDocument withInput(Shape in) {
        boolean fits = preprocessing == null || in.channels() == input.channels();
        return new StackDocument(in, classes, layers, fits ? preprocessing : null);
    }

    public StackDocument withLayers(List<LayerSpec> l) {
        return new StackDocument(input, classes, l, preprocessing);
    }

    /** {@code layer} inserted at {@code index}, named with the next free name of its kind. */
    public StackDocument insert(int index, LayerSpec layer) {
        List<LayerSpec> l = new ArrayList<>(layers);
        l.add(index, layer.withName(freeName(layer)));
        return withLayers(l);
    }

    public StackDocument remove(int index) {
        List<LayerSpec> l = new ArrayList<>(layers);
        l.remove(index);
        return withLayers(l);
    }

    public StackDocument replace(int index, LayerSpec layer) {
        List<LayerSpec> l = new ArrayList<>(layers);
        l.set(index, layer);
        return withLayers(l);
    }

    /** The layer at {@code from} moved so that it ends up at {@code to}. */
    public StackDocument move(int from, int to) {
        List<LayerSpec> l = new ArrayList<>(layers);
        LayerSpec moved = l.remove(from);
        l.add(to, moved);
        return withLayers(l);
    }

    /** conv7 when conv1..conv6 are taken (by any layer, whatever its position). */
    String freeName(LayerSpec layer) {
        Set<String> used = new HashSet<>();
        for (LayerSpec l : layers) {
            used.add(l.name());
        }
        for (int n = 1; ; n++) {
            String name = layer.defaultPrefix() + n;
            if (!used.contains(name)) {
                return name;
            }
        }
    }

    /** Whether {@code name} is free for the layer at {@code index} (its own name counts as free). */
    boolean nameFree(int index, String name) {
        for (int i = 0; i < layers.size(); i++) {
            if (i != index && layers.get(i).name().equals(name)) {
                return false;
            }
        }
        return true;
    }
}
