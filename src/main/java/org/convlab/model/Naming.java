package org.convlab.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Default layer names: the type's prefix and its 1-based count among layers with that prefix
 * (conv1, relu1, pool1, conv2, ..., fc1). Layers already named keep their name but still count.
 */
final class Naming {
    private Naming() {}

    static List<LayerSpec> assign(List<LayerSpec> layers, String prefix) {
        Map<String, Integer> counts = new HashMap<>();
        List<LayerSpec> out = new ArrayList<>(layers.size());
        for (LayerSpec l : layers) {
            if (l == null) {
                throw new IllegalArgumentException("null layer");
            }
            int n = counts.merge(l.defaultPrefix(), 1, Integer::sum);
            out.add(l.name() != null ? l : l.withName(prefix + l.defaultPrefix() + n));
        }
        return List.copyOf(out);
    }
}
