package org.convlab.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import org.convlab.nn.layers.Layer;
import org.convlab.ui.Theme;
import org.convlab.ui.maps.ValueGrid;

/**
 * What the pooling and ReLU backward views share: a layer and channel choice over one kind of
 * layer, and three maps side by side (the forward input, the gradient arriving from above, the
 * gradient passed on below), all of one channel.
 */
abstract class BackwardMaps extends BackwardPart {
    protected final List<Integer> layers = new ArrayList<>();
    protected final ComboBox<String> layerChoice = new ComboBox<>();
    protected final ComboBox<Integer> channelChoice = new ComboBox<>();
    protected final ValueGrid forward;
    protected final ValueGrid upstream;
    protected final ValueGrid passed;
    protected final Label forwardTitle = new Label();
    protected final Label upstreamTitle = new Label();
    protected final Label passedTitle = new Label();
    protected final Label rule;
    protected final Label detail;
    private final FlowPane grids;
    protected int layer = -1;
    private boolean updating;

    BackwardMaps(StepperSession session, String prefix, java.util.function.Predicate<Layer> kind, String what) {
        super(session);
        List<Layer> all = session.network().layers();
        for (int i = 0; i < all.size(); i++) {
            if (kind.test(all.get(i))) {
                layers.add(i);
                layerChoice.getItems().add(i + ": " + all.get(i).name());
            }
        }
        layerChoice.setId(prefix + "Layer");
        channelChoice.setId(prefix + "Channel");
        Tips.set(layerChoice, "The " + what + " layer shown");
        Tips.set(channelChoice, "The channel (feature map) shown");
        forward = Grids.grid(prefix + "Forward", 2.4);
        upstream = Grids.grid(prefix + "Upstream", 2.4);
        passed = Grids.grid(prefix + "Passed", 2.4);
        rule = math(prefix + "Rule");
        detail = math(prefix + "Detail");
        layerChoice.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                select(layers.get(layerChoice.getItems().indexOf(b)), 0);
            }
        });
        channelChoice.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                redraw();
            }
        });
        FlowPane bar = new FlowPane(12, 6, Grids.pair("Layer", layerChoice), Grids.pair("Channel", channelChoice));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.visibleProperty().bind(Theme.presentingProperty().not());
        bar.managedProperty().bind(bar.visibleProperty());
        grids = new FlowPane(Theme.px(1.2), Theme.px(0.8), Grids.titled(forwardTitle, forward), Grids.sign("\u2190"),
                Grids.titled(upstreamTitle, upstream), Grids.sign("\u2192"), Grids.titled(passedTitle, passed));
        grids.setAlignment(Pos.TOP_LEFT);
        getChildren().addAll(bar, rule, grids, detail);
        if (!layers.isEmpty()) {
            select(layers.get(0), 0);
        }
    }

    /** Shows channel {@code channel} of layer {@code layerIndex}. */
    void select(int layerIndex, int channel) {
        Layer l = session.network().layers().get(layerIndex);
        updating = true;
        layer = layerIndex;
        layerChoice.setValue(layerIndex + ": " + l.name());
        channelChoice.setItems(FXCollections.observableArrayList(Grids.range(l.inputShape().channels())));
        channelChoice.setValue(Math.min(channel, l.inputShape().channels() - 1));
        channelChoice.setDisable(l.inputShape().channels() == 1);
        updating = false;
        redraw();
    }

    int channel() {
        return channelChoice.getValue() == null ? 0 : channelChoice.getValue();
    }

    /** Sizes a grid's cells so that the three maps share the width: {@code cols} columns. */
    double cellFor(int cols) {
        return Grids.clampCell(Math.floor((room() - Theme.px(8)) / 3 / Math.max(1, cols)) - Grids.GAP, 2.8);
    }

    /** Draws one map of the three. */
    static void fill(ValueGrid g, float[] values, int rows, int cols, double cell, boolean[] marked) {
        fill(g, values, rows, cols, cell, marked, BackwardPart::cell);
    }

    /** Draws one map of the three, its cells written by {@code format} (the forward map: {@link #exactCell}). */
    static void fill(ValueGrid g, float[] values, int rows, int cols, double cell, boolean[] marked,
            java.util.function.Function<Float, String> format) {
        g.setCellSize(cell);
        g.setData(values, rows, cols);
        g.setStyle(Grids.styleFor(values));
        g.setLimit(Double.NaN);
        g.setFormatter(format);
        g.setMarked(marked);
        g.draw();
    }

    void afterDraw() {
        grids.setPrefWrapLength(Math.max(200, room() - Theme.px(1)));
        Grids.relayout(forward, upstream, passed);
    }
}
