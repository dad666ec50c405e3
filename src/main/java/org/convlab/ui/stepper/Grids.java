package org.convlab.ui.stepper;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.convlab.ui.maps.ValueGrid;

/** Small layout helpers shared by the step-through views. */
final class Grids {
    private Grids() {}

    /** A cell size that fits {@code cells} cells into about {@code room} pixels, between 8 and {@code max}. */
    static double cellSize(int cells, double room, double max) {
        return Math.max(8, Math.min(max, Math.floor(room / Math.max(1, cells)) - 2));
    }

    /** A titled column: title above, node below. */
    static VBox titled(Label title, Node node) {
        title.getStyleClass().add("section-title");
        VBox box = new VBox(6, title, node);
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    /** A big operator sign between grids ("x", "=", "->"). */
    static Label sign(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("stepper-sign");
        return l;
    }

    static ValueGrid grid(String id, double cell) {
        ValueGrid g = new ValueGrid(cell);
        g.setId(id);
        return g;
    }

    /** Whole numbers over a divisor written as the format says; {@code null} when the values are not such. */
    static String ratioText(float v, int divisor, org.convlab.trace.ValueFormat f) {
        double numerator = (double) v * divisor;
        long k = Math.round(numerator);
        if (divisor > 1 && Math.abs(numerator - k) < 1e-3) {
            return f.ratio(k, divisor, v);
        }
        return f.decimal(v);
    }

    /** "Reset filters": puts back the weights the session started with; enabled once a weight was typed. */
    static javafx.scene.control.Button resetButton(StepperSession session) {
        javafx.scene.control.Button reset = new javafx.scene.control.Button("Reset filters");
        reset.setId("resetFilters");
        reset.setTooltip(new javafx.scene.control.Tooltip("Put back the filter weights the step-through started with"));
        reset.disableProperty().bind(session.editedProperty().not());
        reset.setOnAction(e -> session.resetWeights());
        return reset;
    }
}
