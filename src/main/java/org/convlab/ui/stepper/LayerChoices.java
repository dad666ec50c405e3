package org.convlab.ui.stepper;

import java.util.List;
import javafx.scene.control.ComboBox;
import org.convlab.nn.layers.Layer;

/** Fills a view's layer choice with the network's layers of one type ("3: conv2"), keeping their indices. */
final class LayerChoices {
    private LayerChoices() {}

    static void fill(List<Layer> layers, Class<? extends Layer> type, List<Integer> indices, ComboBox<String> choice) {
        for (int i = 0; i < layers.size(); i++) {
            if (type.isInstance(layers.get(i))) {
                indices.add(i);
                choice.getItems().add(i + ": " + layers.get(i).name());
            }
        }
    }
}
