package org.convlab.ui.training;

import java.util.HashSet;
import java.util.Set;
import org.convlab.model.ConvSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.NetworkSpec;

/** What the user is told about the model before training: fixed layers and how it was fitted to the data. */
final class AdaptationNotes {
    private AdaptationNotes() {}

    /**
     * For a preset, the conv layers whose weights it gives stay fixed (the X/O features), as in the
     * train command; given dense weights (preset:xo's votes) are where training starts.
     */
    static Set<String> frozenLayers(String modelName, NetworkSpec model) {
        Set<String> names = new HashSet<>();
        if (modelName != null && modelName.startsWith("preset:")) {
            for (LayerSpec l : model.layers()) {
                if (l instanceof ConvSpec c && c.weight() != null) {
                    names.add(l.name());
                }
            }
        }
        return names;
    }

    static String text(Set<String> frozen, PreparedData d) {
        StringBuilder text = new StringBuilder();
        if (!frozen.isEmpty()) {
            text.append("Fixed (not trained), as the preset gives their weights: ")
                    .append(String.join(", ", frozen.stream().sorted().toList())).append(".\n");
        }
        if (d != null) {
            if (d.adapted().notes().isEmpty()) {
                text.append("The model fits the data as it is: ").append(d.spec().classes().size()).append(" classes, input ")
                        .append(d.spec().input().toSlideString()).append('.');
            }
            for (String n : d.adapted().notes()) {
                text.append("Adapted: ").append(n).append(".\n");
            }
        }
        return text.toString().strip();
    }
}
