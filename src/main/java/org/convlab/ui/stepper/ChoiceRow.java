package org.convlab.ui.stepper;

import javafx.scene.control.ComboBox;
import javafx.scene.layout.HBox;
import org.convlab.ui.Theme;

/** The Backward conv view's top row of choices, shared by its dL/dw and dL/dx halves. */
final class ChoiceRow {
    private ChoiceRow() {}

    /**
     * A labelled choice for the conv view's top row: hidden while presenting (the keys step) and
     * when {@code useful} says there is nothing to choose (re-asked whenever its items change).
     */
    static javafx.scene.Node choice(String label, ComboBox<?> box, java.util.function.BooleanSupplier useful) {
        HBox pair = Grids.pair(label, box);
        Runnable update = () -> pair.setVisible(!Theme.presenting() && useful.getAsBoolean());
        pair.managedProperty().bind(pair.visibleProperty());
        Theme.presentingProperty().addListener((o, a, b) -> update.run());
        box.itemsProperty().addListener((o, a, b) -> update.run());
        box.getItems().addListener((javafx.collections.ListChangeListener<Object>) c -> update.run());
        update.run();
        return pair;
    }
}
