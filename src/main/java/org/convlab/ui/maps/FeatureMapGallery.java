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
import org.convlab.ui.Theme;

/**
 * Every layer's activations for the current input as small multiples, one tile per channel, one
 * scale per layer with its legend beside it (hover a cell for its value). A layer whose values
 * cannot be negative (after ReLU, pooling of ReLU outputs, softmax: {@link LayerSigns}) takes the
 * sequential colour map from 0, a signed one the diverging map; X/O input pixels keep their ink.
 * Sizes are in ems: the gallery rebuilds itself when the scale changes.
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
    private final VBox rows = new VBox();
    private final ValueGrid detail = new ValueGrid(30);
    private final ValueGrid field = new ValueGrid(20);
    private final Label detailTitle = new Label("Click a map to enlarge it");
    private final Label fieldTitle = new Label();
    private final VBox side;
    /** Per layer (by index): true when its values cannot be negative. */
    private final boolean[] nonNegative;
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
        this.nonNegative = LayerSigns.nonNegative(this.infos.stream().map(LayerInfo::spec).toList(),
                !inkInput && ColorMap.nonNegative(snapshot.getValue().input().data()));
        getStyleClass().add("maps-gallery");
        setMinWidth(0);
        rows.setId("mapsGallery");
        detail.setId("mapsDetail");
        field.setId("mapsField");
        detailTitle.getStyleClass().add("section-title");
        fieldTitle.getStyleClass().add("caption");
        fieldTitle.setWrapText(true);
        Label fieldHeading = new Label("Receptive field on the input");
        fieldHeading.setWrapText(true);
        side = new VBox(detailTitle, detail, fieldHeading, field, fieldTitle);
        // the enlarged map sits beside the gallery when there is room, below it otherwise
        getChildren().addAll(rows, side);
        setAlignment(Pos.TOP_LEFT);
        setColumnHalignment(javafx.geometry.HPos.LEFT);
        widthProperty().addListener((o, a, b) -> fitWidth());
        snapshot.addListener((o, a, b) -> redraw());
        Theme.onChange(this, () -> {
            applyScale();
            redraw();
        });
        applyScale();
        redraw();
    }

    /** Gaps, padding and the side column in ems. */
    private void applyScale() {
        rows.setSpacing(Theme.px(0.8));
        side.setSpacing(Theme.px(0.5));
        side.setMinWidth(Theme.px(22));
        side.setMaxWidth(Theme.px(22));
        fieldTitle.setMaxWidth(Theme.px(21));
        setHgap(Theme.px(1.6));
        setVgap(Theme.px(1));
        setPadding(new Insets(Theme.px(0.8)));
        fitWidth();
    }

    private void fitWidth() {
        double w = getWidth();
        setPrefWrapLength(w);
        // beside: the side column (22 em), the gap (1.6 em) and the padding (2 x 0.8 em) take 25.2 em
        rows.setMaxWidth(w > Theme.px(60) ? w - Theme.px(25.6) : w - Theme.px(2));
        for (javafx.scene.Node row : rows.getChildren()) {
            if (row instanceof VBox v && v.getChildren().get(1) instanceof FlowPane tiles) {
                tiles.setPrefWrapLength(rows.getMaxWidth());
            }
        }
    }

    /** How layer {@code layer}'s maps are coloured (-1: the input). */
    ValueGrid.Style styleOf(int layer, float[] data) {
        if (layer < 0) {
            return inkInput ? ValueGrid.Style.INK
                    : ColorMap.nonNegative(data) ? ValueGrid.Style.SEQUENTIAL : ValueGrid.Style.DIVERGING;
        }
        return layer < nonNegative.length && nonNegative[layer] ? ValueGrid.Style.SEQUENTIAL : ValueGrid.Style.DIVERGING;
    }

    /** The top of the colour scale: the largest magnitude, or 1 for probabilities. */
    private static double limitOf(LayerOutput out) {
        return "softmax".equals(out.type()) ? 1 : ColorMap.limit(out.data());
    }

    /** Columns for a vector of {@code n} values in cells of {@code cell} px within {@code roomEms}: rows as even as can be. */
    private static int flatColumns(int n, double roomEms, double cell) {
        int most = Math.max(1, (int) (Theme.px(roomEms) / (cell + 2)));
        int lines = (n + most - 1) / most;
        return (n + lines - 1) / lines;
    }

    /** A cell size in px that fits {@code cells} cells into {@code roomEms}, between {@code minEms} and {@code maxEms}. */
    private static double cellFor(int cells, double roomEms, double minEms, double maxEms) {
        double fit = Theme.px(roomEms) / Math.max(1, cells) - 2; // each cell has a 2 px line beside it
        return Math.floor(Math.max(Theme.px(minEms), Math.min(Theme.px(maxEms), fit)));
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
        int n = shape.channels();
        double detailCell = flat ? cellFor(n, 21, 0.55, 2.8) : cellFor(Math.max(shape.height(), shape.width()), 21, 0.55, 2.8);
        int w = flat ? flatColumns(n, 21, detailCell) : shape.width();
        int h = flat ? (n + w - 1) / w : shape.height();
        detail.setCellSize(detailCell);
        detail.setData(java.util.Arrays.copyOf(data, h * w), h, w);
        detail.setVisibleCount(flat ? n : Integer.MAX_VALUE);
        detail.setStyle(styleOf(layer, out.data()));
        detail.setLimit(limitOf(out));
        detail.setFormatter(text::apply);
        detail.setHighlight(flat ? col / w : row, flat ? col % w : col);
        detail.draw();
        detailTitle.setText(out.name() + (flat ? " (" + n + " values)" : ", channel " + channel + " (" + h + " x " + w + ")"));

        LayerOutput in = s.input();
        Shape is = in.shape();
        field.setCellSize(cellFor(Math.max(is.height(), is.width()), 20, 0.4, 2));
        field.setData(in.plane(0), is.height(), is.width());
        field.setStyle(styleOf(-1, in.data()));
        field.setLimit(limitOf(in));
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
        float[] values = out.data();
        double limit = limitOf(out);
        ValueGrid.Style style = styleOf(layer, values);
        Label title = new Label(out.name() + (layer >= 0 ? " (" + out.type() + ")" : "") + "   " + shape.toSlideString());
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        javafx.scene.Node key;
        if (style == ValueGrid.Style.INK) {
            Label ink = new Label("black = +1, white = -1");
            ink.getStyleClass().add("caption");
            key = ink;
        } else {
            ColorLegend legend = new ColorLegend();
            if (style == ValueGrid.Style.SEQUENTIAL) {
                legend.setSequential(limit);
            } else {
                legend.setDiverging(limit);
            }
            legend.setId("legend" + layer);
            key = legend;
        }
        HBox head = new HBox(Theme.px(1), title, key);
        head.setAlignment(Pos.CENTER_LEFT);
        double gap = Theme.px(0.4);
        FlowPane tiles = new FlowPane(gap, gap);
        tiles.setPrefWrapLength(rows.getMaxWidth() > 0 && rows.getMaxWidth() < 5000 ? rows.getMaxWidth() : Theme.px(46));
        if (shape.isFlat()) {
            // a long vector wraps onto several rows (row-major: value i at row i / columns)
            int n = shape.channels();
            double cell = cellFor(n, 46, 0.55, 1.9);
            int columns = flatColumns(n, 40, cell);
            int lines = (n + columns - 1) / columns;
            ValueGrid g = tile(java.util.Arrays.copyOf(values, lines * columns), lines, columns, cell, limit, style);
            g.setVisibleCount(n);
            g.setId("map-" + layer + "-0");
            g.setOnCell((r, c) -> {
                if (r * columns + c < n) {
                    select(layer, 0, 0, r * columns + c);
                }
            });
            g.draw();
            tiles.getChildren().add(g);
        } else {
            double cell = cellFor(Math.max(shape.height(), shape.width()), 14, 0.2, 1.2);
            int n = Math.min(MAX_TILES, shape.channels());
            for (int c = 0; c < n; c++) {
                final int channel = c;
                ValueGrid g = tile(out.plane(c), shape.height(), shape.width(), cell, limit, style);
                g.setId("map-" + layer + "-" + c);
                g.setOnCell((r, col) -> select(layer, channel, r, col));
                g.draw();
                tiles.getChildren().add(g);
            }
            if (shape.channels() > n) {
                tiles.getChildren().add(new Label("+" + (shape.channels() - n) + " more"));
            }
        }
        return new VBox(Theme.px(0.3), head, tiles);
    }

    private static ValueGrid tile(float[] data, int h, int w, double cell, double limit, ValueGrid.Style style) {
        ValueGrid g = new ValueGrid(cell);
        g.setData(data, h, w);
        g.setStyle(style);
        g.setLimit(limit);
        g.setFormatter(null);
        return g;
    }
}
