package org.convlab.ui.maps;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convlab.engine.Shape;
import org.convlab.model.LayerInfo;
import org.convlab.trace.ActivationSnapshot;
import org.convlab.trace.LayerOutput;
import org.convlab.trace.ReceptiveField;
import org.convlab.trace.Region;

/**
 * Every layer's activations for the current input as small multiples, one tile per channel, in
 * the diverging colour map (one scale per layer, legend beside it; hover a cell for its value).
 * Click a cell to enlarge its map with the numbers and to see the unit's receptive field outlined
 * on the input. Flat layers (dense outputs) are drawn as one row. Ids: {@code #mapsGallery},
 * {@code #mapsDetail}, {@code #mapsField}; tiles are {@code #map-L-C}.
 */
public final class FeatureMapGallery extends FlowPane {
    private static final int MAX_TILES = 16;

    private final ObservableValue<ActivationSnapshot> snapshot;
    private final List<LayerInfo> infos;
    private final boolean inkInput;
    private final Function<Float, String> text;
    private final VBox rows = new VBox(12);
    private final ValueGrid detail = new ValueGrid(30);
    private final ValueGrid field = new ValueGrid(20);
    private final Label detailTitle = new Label("Click a map to enlarge it");
    private final Label fieldTitle = new Label();
    private int selectedLayer = 0;
    private int selectedChannel;

    /**
     * @param snapshot the activations to show (the gallery redraws when it changes)
     * @param infos    the network's top-level layer infos (for receptive fields)
     * @param inkInput draw the input as +1/-1 ink pixels (X/O)
     * @param text     cell text of the enlarged map
     */
    public FeatureMapGallery(ObservableValue<ActivationSnapshot> snapshot, List<LayerInfo> infos, boolean inkInput,
                             Function<Float, String> text) {
        this.snapshot = snapshot;
        this.infos = List.copyOf(infos);
        this.inkInput = inkInput;
        this.text = text;
        getStyleClass().add("maps-gallery");
        setMinWidth(0);
        rows.setId("mapsGallery");
        detail.setId("mapsDetail");
        field.setId("mapsField");
        detailTitle.getStyleClass().add("section-title");
        fieldTitle.getStyleClass().add("caption");
        fieldTitle.setWrapText(true);
        fieldTitle.setMaxWidth(320);
        VBox side = new VBox(8, detailTitle, detail, new Label("Receptive field on the input"), field, fieldTitle);
        side.setMinWidth(330);
        // the enlarged map sits beside the gallery when there is room, below it otherwise
        getChildren().addAll(rows, side);
        setHgap(24);
        setVgap(16);
        setAlignment(Pos.TOP_LEFT);
        setColumnHalignment(javafx.geometry.HPos.LEFT);
        widthProperty().addListener((o, a, b) -> {
            double w = b.doubleValue();
            setPrefWrapLength(w);
            rows.setMaxWidth(w > 1100 ? w - 370 : w - 30);
            for (javafx.scene.Node row : rows.getChildren()) {
                if (row instanceof VBox v && v.getChildren().get(1) instanceof FlowPane tiles) {
                    tiles.setPrefWrapLength(rows.getMaxWidth());
                }
            }
        });
        setPadding(new Insets(12));
        snapshot.addListener((o, a, b) -> redraw());
        redraw();
    }

    /** Enlarges channel {@code channel} of layer {@code layer} (-1: the input) and outlines the unit's field. */
    public void select(int layer, int channel, int row, int col) {
        selectedLayer = layer;
        selectedChannel = channel;
        ActivationSnapshot s = snapshot.getValue();
        LayerOutput out = layer < 0 ? s.input() : s.layer(layer);
        Shape shape = out.shape();
        boolean flat = shape.isFlat();
        float[] data = flat ? out.data() : out.plane(channel);
        int h = flat ? 1 : shape.height();
        int w = flat ? shape.channels() : shape.width();
        detail.setCellSize(Math.max(8, Math.min(40, Math.floor(320.0 / Math.max(h, w)) - 2)));
        detail.setData(data, h, w);
        detail.setStyle(layer < 0 && inkInput ? ValueGrid.Style.INK : ValueGrid.Style.DIVERGING);
        detail.setLimit(ColorMap.limit(out.data()));
        detail.setFormatter(text::apply);
        detail.setHighlight(row, col);
        detail.draw();
        detailTitle.setText(out.name() + (flat ? "" : ", channel " + channel) + " (" + h + " x " + w + ")");

        LayerOutput in = s.input();
        Shape is = in.shape();
        field.setCellSize(Math.max(6, Math.min(30, Math.floor(300.0 / Math.max(is.height(), is.width())) - 2)));
        field.setData(in.plane(0), is.height(), is.width());
        field.setStyle(inkInput ? ValueGrid.Style.INK : ValueGrid.Style.DIVERGING);
        field.setFormatter(null);
        List<int[]> cells = new ArrayList<>();
        if (layer >= 0) {
            int unitChannel = flat ? col : channel;
            Region r = ReceptiveField.of(infos, layer, unitChannel, flat ? 0 : row, flat ? 0 : col);
            for (int y = r.top(); y <= r.bottom(); y++) {
                for (int x = r.left(); x <= r.right(); x++) {
                    cells.add(new int[] {y, x});
                }
            }
            fieldTitle.setText("Unit (" + (flat ? "index " + col : "channel " + channel + ", row " + row + ", column " + col)
                    + ") of " + out.name() + " sees input rows " + r.top() + ".." + r.bottom() + ", columns "
                    + r.left() + ".." + r.right() + ".");
        } else {
            cells.add(new int[] {row, col});
            fieldTitle.setText("An input pixel sees itself.");
        }
        field.setWindow(cells);
        field.draw();
    }

    private void redraw() {
        ActivationSnapshot s = snapshot.getValue();
        rows.getChildren().clear();
        rows.getChildren().add(layerRow(s.input(), -1));
        for (LayerOutput out : s.layers()) {
            if (!"flatten".equals(out.type())) { // a flatten shows the same numbers as the map before it
                rows.getChildren().add(layerRow(out, out.index()));
            }
        }
        if (selectedLayer >= -1 && selectedLayer < s.layerCount()) {
            select(selectedLayer, selectedChannel, 0, 0);
        }
    }

    private VBox layerRow(LayerOutput out, int layer) {
        Shape shape = out.shape();
        double limit = ColorMap.limit(out.data());
        Label title = new Label(out.name() + (layer >= 0 ? " (" + out.type() + ")" : "") + "   " + shape.toSlideString());
        title.getStyleClass().add("section-title");
        ColorLegend legend = new ColorLegend(180);
        legend.setLimit(limit);
        HBox head = new HBox(16, title, legend);
        head.setAlignment(Pos.CENTER_LEFT);
        FlowPane tiles = new FlowPane(6, 6);
        tiles.setPrefWrapLength(rows.getMaxWidth() > 0 && rows.getMaxWidth() < 5000 ? rows.getMaxWidth() : 700);
        if (shape.isFlat()) {
            ValueGrid g = tile(out.data(), 1, shape.channels(), Math.max(8, Math.min(28, 700.0 / shape.channels())), limit);
            g.setId("map-" + layer + "-0");
            g.setOnCell((r, c) -> select(layer, 0, 0, c));
            g.draw();
            tiles.getChildren().add(g);
        } else {
            double cell = Math.max(3, Math.min(18, 150.0 / Math.max(shape.height(), shape.width())));
            int n = Math.min(MAX_TILES, shape.channels());
            for (int c = 0; c < n; c++) {
                final int channel = c;
                ValueGrid g = tile(out.plane(c), shape.height(), shape.width(), cell, limit);
                if (layer < 0 && inkInput) {
                    g.setStyle(ValueGrid.Style.INK);
                }
                g.setId("map-" + layer + "-" + c);
                g.setOnCell((r, col) -> select(layer, channel, r, col));
                g.draw();
                tiles.getChildren().add(g);
            }
            if (shape.channels() > n) {
                tiles.getChildren().add(new Label("+" + (shape.channels() - n) + " more"));
            }
        }
        return new VBox(4, head, tiles);
    }

    private static ValueGrid tile(float[] data, int h, int w, double cell, double limit) {
        ValueGrid g = new ValueGrid(cell);
        g.setData(data, h, w);
        g.setStyle(ValueGrid.Style.DIVERGING);
        g.setLimit(limit);
        g.setFormatter(null);
        return g;
    }
}
