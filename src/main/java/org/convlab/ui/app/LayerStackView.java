package org.convlab.ui.app;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import org.convlab.ui.lesson.XoLessonLayers.Layer;

/**
 * The layer stack on the left: one card per layer, input at the top, with its output size.
 * Read-only for now (the stack editor issue makes the cards draggable). Cards are toggle buttons
 * so they take keyboard focus and exactly one is selected; the selection feeds the properties.
 */
public final class LayerStackView extends ScrollPane {
    private final ToggleGroup group = new ToggleGroup();

    public LayerStackView(List<Layer> layers, Consumer<Layer> onSelect) {
        setId("layerStack");
        getStyleClass().add("layer-stack");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);

        Label heading = new Label("Layers");
        heading.getStyleClass().add("panel-title");
        VBox cards = new VBox(6, heading);
        cards.getStyleClass().add("layer-cards");
        for (int i = 0; i < layers.size(); i++) {
            if (i > 0) {
                Label arrow = new Label("\u2193");
                arrow.getStyleClass().add("layer-arrow");
                arrow.setMaxWidth(Double.MAX_VALUE);
                cards.getChildren().add(arrow);
            }
            cards.getChildren().add(card(layers.get(i), onSelect));
        }
        setContent(cards);
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true); // clicking the selected card keeps it selected
            }
        });
    }

    private ToggleButton card(Layer layer, Consumer<Layer> onSelect) {
        Label type = new Label(layer.type());
        type.getStyleClass().add("card-type");
        Label summary = new Label(layer.summary());
        summary.getStyleClass().add("card-summary");
        Label output = new Label("out  " + layer.output());
        output.getStyleClass().add("card-output");
        VBox body = new VBox(2, type, summary, output);

        ToggleButton card = new ToggleButton();
        card.setId("layer-" + layer.name());
        card.getStyleClass().add("layer-card");
        card.setGraphic(body);
        card.setMaxWidth(Double.MAX_VALUE);
        card.setToggleGroup(group);
        card.selectedProperty().addListener((obs, was, is) -> {
            if (is) {
                onSelect.accept(layer);
            }
        });
        return card;
    }

    /** Selects the card of the layer at {@code index} (0 is the input). */
    public void select(int index) {
        group.getToggles().get(index).setSelected(true);
    }
}
