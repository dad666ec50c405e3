package org.convlab.ui.maps;

import java.util.function.BiConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.convlab.ui.Theme;

/**
 * The filters of one conv layer as small multiples on one canvas: a row per output filter, a
 * column per input channel, each tile the kh x kw kernel in the theme's diverging colour map on one
 * scale for the whole layer (weights are signed). The row and column labels take the theme's font
 * and the bank re-measures and redraws when the scale changes. One canvas rather than a node per tile, so a layer of 64 x 64 filters
 * still draws at once. Large layers show the first {@value #MAX_FILTERS} filters and
 * {@value #MAX_CHANNELS} channels (the view says how many more). Hover a cell for its value;
 * click a tile to choose it (outlined).
 */
public final class FilterBank extends Canvas {
    public static final int MAX_FILTERS = 64;
    public static final int MAX_CHANNELS = 32;
    /** Room for the row and column labels, in ems. */
    private static final double LABEL_EMS = 1.9;
    private static final double TILE_GAP = 6;
    private boolean drawn;

    private float[] weights = new float[0];
    private int filters;
    private int channels;
    private int kh;
    private int kw;
    private double cell = 8;
    private double cellEms = Double.NaN;
    private double limit = 1;
    private int selectedFilter = -1;
    private int selectedChannel = -1;
    private BiConsumer<Integer, Integer> onTile;
    private final Tooltip tip = new Tooltip();

    public FilterBank() {
        getStyleClass().add("filter-bank");
        Theme.onChange(this, () -> {
            resize();
            if (drawn) {
                draw();
            }
        });
        tip.setShowDelay(Duration.millis(150));
        Tooltip.install(this, tip);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> tip.setText(describe(e.getX(), e.getY())));
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            int[] at = at(e.getX(), e.getY());
            if (at != null && onTile != null) {
                onTile.accept(at[0], at[1]);
            }
        });
    }

    /** A conv weight [filters, channels, kh, kw] (PyTorch layout), drawn with cells of {@code cellSize} pixels. */
    public void setWeights(float[] w, int filters, int channels, int kh, int kw, double cellSize) {
        this.weights = w.clone();
        this.filters = filters;
        this.channels = channels;
        this.kh = kh;
        this.kw = kw;
        this.cell = cellSize;
        this.cellEms = Double.NaN;
        this.limit = ColorMap.limit(weights);
        resize();
    }

    /** Cells of {@code ems} body-text sizes, following the app's scale (after {@link #setWeights}). */
    public void setCellEms(double ems) {
        this.cellEms = ems;
        resize();
    }

    private void resize() {
        if (!Double.isNaN(cellEms)) {
            cell = Theme.px(cellEms);
        }
        setWidth(label() + shownChannels() * (tileWidth() + TILE_GAP));
        setHeight(label() + shownFilters() * (tileHeight() + TILE_GAP));
    }

    private static double label() {
        return Theme.px(LABEL_EMS);
    }

    /** The magnitude drawn strongest: the largest weight of the layer. */
    public double limit() {
        return limit;
    }

    public void setSelected(int filter, int channel) {
        selectedFilter = filter;
        selectedChannel = channel;
    }

    /** Called with (filter, channel) when a tile is clicked. */
    public void setOnTile(BiConsumer<Integer, Integer> handler) {
        this.onTile = handler;
    }

    public int shownFilters() {
        return Math.min(filters, MAX_FILTERS);
    }

    public int shownChannels() {
        return Math.min(channels, MAX_CHANNELS);
    }

    /** The centre of tile (filter, channel) in this canvas's coordinates, {x, y}. */
    public double[] tileCentre(int filter, int channel) {
        double label = label();
        return new double[] {label + channel * (tileWidth() + TILE_GAP) + tileWidth() / 2,
            label + filter * (tileHeight() + TILE_GAP) + tileHeight() / 2};
    }

    private double tileWidth() {
        return kw * cell;
    }

    private double tileHeight() {
        return kh * cell;
    }

    public void draw() {
        drawn = true;
        double label = label();
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        g.setFont(Theme.font(0.85));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(Theme.TEXT_MUTED);
        for (int c = 0; c < shownChannels(); c++) {
            g.fillText("c" + c, label + c * (tileWidth() + TILE_GAP) + tileWidth() / 2, label / 2);
        }
        for (int f = 0; f < shownFilters(); f++) {
            double y = label + f * (tileHeight() + TILE_GAP);
            g.setFill(Theme.TEXT_MUTED);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(Integer.toString(f), label - Theme.px(0.4), y + tileHeight() / 2);
            for (int c = 0; c < shownChannels(); c++) {
                drawTile(g, f, c, label + c * (tileWidth() + TILE_GAP), y);
            }
        }
    }

    private void drawTile(GraphicsContext g, int f, int c, double x, double y) {
        int base = (f * channels + c) * kh * kw;
        for (int r = 0; r < kh; r++) {
            for (int k = 0; k < kw; k++) {
                g.setFill(Theme.diverging(weights[base + r * kw + k], limit));
                g.fillRect(x + k * cell, y + r * cell, cell, cell);
            }
        }
        boolean selected = f == selectedFilter && c == selectedChannel;
        g.setStroke(selected ? Theme.WINDOW : Theme.LINES);
        g.setLineWidth(selected ? 3 : 1);
        g.strokeRect(x - 0.5, y - 0.5, tileWidth() + 1, tileHeight() + 1);
    }

    /** {filter, channel, row, col} under the point, or null between tiles. */
    private int[] at(double x, double y) {
        double tx = x - label();
        double ty = y - label();
        if (tx < 0 || ty < 0) {
            return null;
        }
        int c = (int) (tx / (tileWidth() + TILE_GAP));
        int f = (int) (ty / (tileHeight() + TILE_GAP));
        double inX = tx - c * (tileWidth() + TILE_GAP);
        double inY = ty - f * (tileHeight() + TILE_GAP);
        if (c >= shownChannels() || f >= shownFilters() || inX >= tileWidth() || inY >= tileHeight()) {
            return null;
        }
        return new int[] {f, c, (int) (inY / cell), (int) (inX / cell)};
    }

    private String describe(double x, double y) {
        int[] a = at(x, y);
        if (a == null) {
            return "";
        }
        float v = weights[((a[0] * channels + a[1]) * kh + a[2]) * kw + a[3]];
        return "filter " + a[0] + ", channel " + a[1] + ", row " + a[2] + ", column " + a[3] + ": " + v;
    }
}
