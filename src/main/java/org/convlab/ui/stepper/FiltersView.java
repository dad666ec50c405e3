package org.convlab.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convlab.engine.ConvGeometry;
import org.convlab.nn.layers.ConvLayer;
import org.convlab.trace.ValueFormat;
import org.convlab.ui.maps.ColorLegend;
import org.convlab.ui.maps.FilterBank;
import org.convlab.ui.maps.ValueGrid;

/**
 * The filters of one conv layer as images: one small tile per output filter and input channel in
 * the feature maps' diverging colour map, with its legend (hover a cell for the weight). Click a
 * tile to enlarge it with its numbers and the filter's bias; click a number there to type a new
 * weight (every view follows at once; "Reset filters" puts the session's first weights back).
 * Ids: {@code #filtersLayer}, {@code #filterBank}, {@code #filterDetail}, {@code #filterTitle},
 * {@code #filterBias}, {@code #filtersMore}, {@code #resetFilters}.
 */
public final class FiltersView extends VBox {
    private final StepperSession session;
    private final List<Integer> convLayers = new ArrayList<>();
    private final ComboBox<String> layerChoice = new ComboBox<>();
    private final FilterBank bank = new FilterBank();
    private final ColorLegend legend = new ColorLegend(org.convlab.ui.Theme.px(14.7));
    private final Label more = new Label();
    private final ValueGrid detail = Grids.grid("filterDetail", 2.7);
    private final WeightField editor = new WeightField(detail);
    private final Label detailTitle = new Label();
    private final Label bias = new Label();
    private int layer = -1;
    private int filter;
    private int channel;
    private boolean updating;

    public FiltersView(StepperSession session) {
        this.session = session;
        setMinWidth(0);
        getStyleClass().add("stepper-view");
        LayerChoices.fill(session.network().layers(), ConvLayer.class, convLayers, layerChoice);
        layerChoice.setId("filtersLayer");
        Tips.set(layerChoice, "The conv layer whose filters are shown");
        layerChoice.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                configure(convLayers.get(layerChoice.getItems().indexOf(b)), 0, 0);
            }
        });
        Button reset = Grids.resetButton(session);
        // a flow, so that in a narrow middle region the legend moves to a second line instead of squeezing "Reset filters"
        FlowPane bar = new FlowPane(10, 6, new Label("Layer"), layerChoice, reset, legend);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("stepper-bar");
        bank.setId("filterBank");
        bank.setOnTile((f, c) -> select(f, c));
        more.setId("filtersMore");
        more.getStyleClass().add("caption");
        more.setWrapText(true); // as wide as the tiles, so the enlarged filter fits beside them
        detailTitle.setId("filterTitle");
        bias.setId("filterBias");
        bias.getStyleClass().add("stepper-math");
        bias.setWrapText(true);
        editor.setOnCommit((r, c, v) -> session.setWeight(layer, filter, channel, r, c, v));
        Label hint = new Label("Click a number to type a new weight (Enter sets it, Escape cancels).");
        hint.getStyleClass().add("caption");
        hint.setWrapText(true);
        VBox side = new VBox(8, Grids.titled(detailTitle, editor), bias, hint);
        Runnable sideWidths = () -> {
            side.setMinWidth(org.convlab.ui.Theme.px(17.3));
            side.setPrefWidth(org.convlab.ui.Theme.px(21.3)); // not the hint's one-line width: beside the tiles
            side.setMaxWidth(org.convlab.ui.Theme.px(28));
        };
        sideWidths.run();
        VBox left = new VBox(6, bank, more);
        FlowPane body = new FlowPane(24, 16, left, side);
        body.setAlignment(Pos.TOP_LEFT);
        widthProperty().addListener((o, a, b) -> {
            body.setPrefWrapLength(b.doubleValue() - 30);
            redraw();
        });
        Grids.follow(this, () -> {
            sideWidths.run();
            redraw();
        });
        session.snapshotProperty().addListener((o, a, b) -> redraw());
        session.fractionsProperty().addListener((o, a, b) -> redraw());
        getChildren().addAll(bar, body);
        setSpacing(10);
        setPadding(new Insets(12));
        if (!convLayers.isEmpty()) {
            configure(convLayers.get(0), 0, 0);
        }
    }

    /** Shows conv layer {@code layerIndex} with filter {@code f}, channel {@code c} enlarged. */
    public void configure(int layerIndex, int f, int c) {
        ConvLayer conv = (ConvLayer) session.network().layers().get(layerIndex);
        updating = true;
        layer = layerIndex;
        layerChoice.setValue(layerIndex + ": " + conv.name());
        updating = false;
        select(f, c);
    }

    /** Filter {@code f}, input channel {@code c} enlarged. */
    public void select(int f, int c) {
        filter = f;
        channel = c;
        redraw();
    }

    private void redraw() {
        if (layer < 0) {
            return;
        }
        ConvLayer conv = (ConvLayer) session.network().layers().get(layer);
        ConvGeometry g = conv.geometry();
        float[] w = conv.weight().value();
        double width = getWidth() > 0 ? getWidth() : 1100;
        // tiles share the width left of the enlarged filter; never below 3 pixels a weight
        double room = Math.max(org.convlab.ui.Theme.px(13), width - org.convlab.ui.Theme.px(32));
        int cols = Math.min(g.inChannels(), FilterBank.MAX_CHANNELS);
        double cell = Math.max(3, Math.min(org.convlab.ui.Theme.px(1.6),
                Math.floor((room - org.convlab.ui.Theme.px(2)) / cols / g.kernelWidth()) - 1));
        bank.setWeights(w, g.outChannels(), g.inChannels(), g.kernelHeight(), g.kernelWidth(), cell);
        bank.setSelected(filter, channel);
        bank.draw();
        legend.setLimit(bank.limit());
        more.setMaxWidth(Math.max(bank.getWidth(), org.convlab.ui.Theme.px(14.7)));
        int hiddenF = g.outChannels() - bank.shownFilters();
        int hiddenC = g.inChannels() - bank.shownChannels();
        more.setText(g.outChannels() + " filters x " + g.inChannels() + " channels of " + g.kernelHeight() + " x "
                + g.kernelWidth() + (hiddenF > 0 ? "; \u2026 " + hiddenF + " more filters" : "")
                + (hiddenC > 0 ? "; \u2026 " + hiddenC + " more channels" : "") + " (rows: filters, columns: channels)");

        ValueFormat fmt = session.format();
        int base = (filter * g.inChannels() + channel) * g.kernelHeight() * g.kernelWidth();
        float[] kernel = java.util.Arrays.copyOfRange(w, base, base + g.kernelHeight() * g.kernelWidth());
        detail.setCellSize(Grids.cellSize(Math.max(g.kernelHeight(), g.kernelWidth()), org.convlab.ui.Theme.px(22.7), 3.7));
        detail.setData(kernel, g.kernelHeight(), g.kernelWidth());
        detail.setStyle(ValueGrid.Style.DIVERGING);
        detail.setLimit(bank.limit());
        detail.setFormatter(fmt::decimal);
        detail.draw();
        detailTitle.setText("Filter " + filter + (g.inChannels() > 1 ? ", channel " + channel : "") + " of "
                + conv.name() + " (" + g.kernelHeight() + " x " + g.kernelWidth() + ")");
        bias.setText(conv.bias() == null ? "no bias" + (g.divisor() > 1 ? "; the sum is divided by " + g.divisor() : "")
                : "bias " + fmt.decimal(conv.bias().value()[filter]));
    }

    public FilterBank bank() {
        return bank;
    }

    public ValueGrid detailGrid() {
        return detail;
    }
}
