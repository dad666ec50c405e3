package org.convlab.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convlab.engine.Shape;
import org.convlab.model.ActivationSpec;
import org.convlab.nn.layers.Layer;
import org.convlab.trace.ActivationStep;
import org.convlab.trace.ValueFormat;
import org.convlab.ui.maps.ValueGrid;

/**
 * ReLU (or another activation) on one channel: the map before, the map after, and the cells it
 * changed marked with a dashed frame (for ReLU: every negative cell, now 0). Ids:
 * {@code #reluBefore}, {@code #reluAfter}, {@code #reluSummary}.
 */
public final class ReluView extends VBox {
    private final StepperSession session;
    private final List<Integer> layers = new ArrayList<>();
    private final ComboBox<String> layerChoice = new ComboBox<>();
    private final ComboBox<Integer> channelChoice = new ComboBox<>();
    private final ValueGrid before = Grids.grid("reluBefore", 2.4);
    private final ValueGrid after = Grids.grid("reluAfter", 2.4);
    private final Label summary = new Label();
    private final HBox grids;
    private int layer = -1;
    private boolean updating;

    public ReluView(StepperSession session) {
        this.session = session;
        setMinWidth(0); // take the width the region offers; the grids size themselves to it
        getStyleClass().add("stepper-view");
        List<Layer> all = session.network().layers();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).spec() instanceof ActivationSpec) {
                layers.add(i);
                layerChoice.getItems().add(i + ": " + all.get(i).name());
            }
        }
        layerChoice.setId("reluLayer");
        channelChoice.setId("reluChannel");
        Tips.set(layerChoice, "The activation layer shown");
        Tips.set(channelChoice, "The channel (feature map) shown");
        layerChoice.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                configure(layers.get(layerChoice.getItems().indexOf(b)), 0);
            }
        });
        channelChoice.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                redraw();
            }
        });
        HBox bar = new HBox(8, new Label("Layer"), layerChoice, new Label("Channel"), channelChoice);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.visibleProperty().bind(org.convlab.ui.Theme.presentingProperty().not());
        bar.managedProperty().bind(bar.visibleProperty());
        grids = new HBox(org.convlab.ui.Theme.px(1.6), Grids.titled(new Label("Before"), before), Grids.sign("\u2192"),
                Grids.titled(new Label("After"), after));
        summary.setId("reluSummary");
        summary.getStyleClass().add("stepper-math");
        summary.setWrapText(true);
        session.snapshotProperty().addListener((o, a, b) -> redraw());
        widthProperty().addListener((o, a, b) -> Grids.whenWidthChanges(this, this::redraw));
        Grids.follow(this, () -> {
            grids.setSpacing(org.convlab.ui.Theme.px(1.6));
            redraw();
        });
        session.fractionsProperty().addListener((o, a, b) -> redraw());
        getChildren().addAll(bar, grids, summary);
        setSpacing(10);
        setPadding(new Insets(12));
        if (!layers.isEmpty()) {
            configure(layers.get(0), 0);
        }
    }

    public void configure(int layerIndex, int channel) {
        Layer l = session.network().layers().get(layerIndex);
        updating = true;
        layer = layerIndex;
        layerChoice.setValue(layerIndex + ": " + l.name());
        List<Integer> channels = new ArrayList<>();
        for (int c = 0; c < l.inputShape().channels(); c++) {
            channels.add(c);
        }
        channelChoice.setItems(FXCollections.observableArrayList(channels));
        channelChoice.setValue(channel);
        updating = false;
        redraw();
    }

    private void redraw() {
        if (layer < 0) {
            return;
        }
        ActivationStep step = session.tracer().activation(session.snapshot(), layer);
        Shape s = step.shape();
        int c = channelChoice.getValue() == null ? 0 : channelChoice.getValue();
        ValueFormat f = session.format();
        int divisor = session.fractionDivisor();
        float[] in = java.util.Arrays.copyOfRange(step.before(), c * s.plane(), (c + 1) * s.plane());
        float[] out = java.util.Arrays.copyOfRange(step.after(), c * s.plane(), (c + 1) * s.plane());
        double limit = org.convlab.ui.maps.ColorMap.limit(in);
        double previous = Grids.cellOf(before);
        double room = ((getWidth() > 0 ? getWidth() : org.convlab.ui.Theme.px(60)) - org.convlab.ui.Theme.px(7.5)) / 2;
        double cell = Grids.clampCell(Math.min(Math.floor(room / s.width()) - Grids.GAP,
                Grids.cellToFitHeight(this, before, s.height(), grids)), 3.4);
        for (ValueGrid g : List.of(before, after)) {
            g.setCellSize(cell);
            g.setStyle(Grids.styleFor(g == before ? in : out));
            g.setLimit(limit);
            g.setFormatter(v -> Grids.ratioText(v, divisor, f));
            g.setMarked(step.changedPlane(c));
        }
        before.setData(in, s.height(), s.width());
        after.setData(out, s.height(), s.width());
        before.draw();
        after.draw();
        int changed = 0;
        for (boolean b : step.changedPlane(c)) {
            changed += b ? 1 : 0;
        }
        summary.setText(step.kind() == ActivationSpec.Kind.RELU
                ? changed + " of " + s.plane() + " cells were negative and are now 0 (marked); the rest pass unchanged."
                : changed + " of " + s.plane() + " cells changed (marked).");
        Grids.relayout(before, after);
        Grids.settle(this, this::redraw, previous != cell);
    }

    public ValueGrid afterGrid() {
        return after;
    }
}
