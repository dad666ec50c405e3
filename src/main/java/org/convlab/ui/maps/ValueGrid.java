package org.convlab.ui.maps;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * A map of numbers drawn on one canvas, one cell per value, for every step-through view:
 * X/O pixels in ink style (+1 dark, -1 white), signed maps in the diverging {@link ColorMap},
 * a ring of zero-padding cells drawn as padding (grey, "0") and, in ceil-mode pooling, cells past
 * the padded input drawn as dashed outlines. Overlays: the current window, one highlighted cell
 * (the max, the output being written), marked cells (changed by ReLU) and cells not yet computed
 * (drawn empty while the output fills up). Hover shows a cell's value; clicks report the cell.
 *
 * <p>Configure with the setters, then call {@link #draw()}; coordinates are the map's own, so
 * padding cells have row or column -1, -2, ...
 */
public final class ValueGrid extends Canvas {
    public enum Style { INK, DIVERGING, PLAIN }

    static final Color LINES = Color.web("#8a94a3");
    static final Color INK = Color.web("#1b1b1b");
    static final Color PAPER = Color.WHITE;
    static final Color PADDING = Color.web("#d9dde3");
    static final Color WINDOW = Color.web("#0072b2");
    static final Color HIGHLIGHT = Color.web("#f2a541");
    static final Color EMPTY = Color.web("#f1f3f6");
    private static final double GAP = 2;

    private double cellSize;
    private float[] values = new float[0];
    private int rows;
    private int cols;
    private int padding;
    private int outside;
    private Style style = Style.DIVERGING;
    private double limit = Double.NaN;
    private Function<Float, String> formatter = v -> MapText.number(v);
    private final List<int[]> window = new ArrayList<>();
    private boolean[] marked;
    private int highlightRow = Integer.MIN_VALUE;
    private int highlightCol = Integer.MIN_VALUE;
    private int visible = Integer.MAX_VALUE;
    private BiConsumer<Integer, Integer> onCell;
    private final Tooltip tip = new Tooltip();

    public ValueGrid(double cellSize) {
        this.cellSize = cellSize;
        getStyleClass().add("value-grid");
        tip.setShowDelay(Duration.millis(150));
        Tooltip.install(this, tip);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            int[] cell = cellAt(e.getX(), e.getY());
            tip.setText(cell == null ? "" : describe(cell[0], cell[1]));
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            int[] cell = cellAt(e.getX(), e.getY());
            if (cell != null && onCell != null) {
                onCell.accept(cell[0], cell[1]);
            }
        });
    }

    /** Values [rows * cols], row major (copied). */
    public void setData(float[] data, int rows, int cols) {
        this.values = java.util.Arrays.copyOf(data, rows * cols);
        this.rows = rows;
        this.cols = cols;
        resize();
    }

    /** Draws {@code padding} rings of padding cells and, right and below, {@code outside} rings of cells past it. */
    public void setRing(int padding, int outside) {
        this.padding = padding;
        this.outside = outside;
        resize();
    }

    public void setCellSize(double size) {
        this.cellSize = size;
        resize();
    }

    public void setStyle(Style style) {
        this.style = style;
    }

    /** The magnitude that gets the strongest colour; NaN picks the largest magnitude in the data. */
    public void setLimit(double limit) {
        this.limit = limit;
    }

    /** Text printed in each cell (null: none; small cells print none anyway). */
    public void setFormatter(Function<Float, String> formatter) {
        this.formatter = formatter;
    }

    /** Cells outlined as the current window, {row, col} each (may lie in the padding). */
    public void setWindow(Collection<int[]> cells) {
        window.clear();
        window.addAll(cells);
    }

    /** Cells marked as changed ([rows * cols], or null). */
    public void setMarked(boolean[] mask) {
        this.marked = mask == null ? null : mask.clone();
    }

    public void setHighlight(int row, int col) {
        highlightRow = row;
        highlightCol = col;
    }

    public void clearHighlight() {
        setHighlight(Integer.MIN_VALUE, Integer.MIN_VALUE);
    }

    /** Only the first {@code count} cells (row major) show their value; the rest are drawn empty. */
    public void setVisibleCount(int count) {
        this.visible = count;
    }

    public void setOnCell(BiConsumer<Integer, Integer> handler) {
        this.onCell = handler;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public float valueAt(int row, int col) {
        return values[row * cols + col];
    }

    /** The text printed in a cell ("" when empty or not yet computed). */
    public String textAt(int row, int col) {
        int i = row * cols + col;
        return i >= visible || formatter == null ? "" : formatter.apply(values[i]);
    }

    /** Where cell (row, col) is drawn, in this canvas's coordinates (padding cells have negative indices). */
    public Rectangle2D cellBounds(int row, int col) {
        double x = GAP + (col + padding) * (cellSize + GAP);
        double y = GAP + (row + padding) * (cellSize + GAP);
        return new Rectangle2D(x, y, cellSize, cellSize);
    }

    private int[] cellAt(double x, double y) {
        int c = (int) Math.floor((x - GAP / 2) / (cellSize + GAP)) - padding;
        int r = (int) Math.floor((y - GAP / 2) / (cellSize + GAP)) - padding;
        if (r < -padding || c < -padding || r >= rows + padding + outside || c >= cols + padding + outside) {
            return null;
        }
        return new int[] {r, c};
    }

    private String describe(int r, int c) {
        if (r >= 0 && r < rows && c >= 0 && c < cols) {
            int i = r * cols + c;
            return "row " + r + ", column " + c + ": " + (i < visible ? values[i] : "not computed yet");
        }
        boolean pad = r >= -padding && c >= -padding && r < rows + padding && c < cols + padding;
        return "row " + r + ", column " + c + ": " + (pad ? "zero padding" : "outside the map");
    }

    private void resize() {
        int side = 2 * padding + outside;
        setWidth(GAP + (cols + side) * (cellSize + GAP));
        setHeight(GAP + (rows + side) * (cellSize + GAP));
    }

    public void draw() {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        double lim = Double.isNaN(limit) ? ColorMap.limit(values) : limit;
        boolean text = formatter != null && cellSize >= 18;
        g.setFont(Font.font("DejaVu Sans Mono", FontWeight.BOLD, textSize()));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        // background lines behind the real map and the padding
        Rectangle2D first = cellBounds(-padding, -padding);
        Rectangle2D last = cellBounds(rows + padding - 1, cols + padding - 1);
        g.setFill(LINES);
        g.fillRect(first.getMinX() - GAP, first.getMinY() - GAP, last.getMaxX() - first.getMinX() + 2 * GAP,
                last.getMaxY() - first.getMinY() + 2 * GAP);
        for (int r = -padding; r < rows + padding + outside; r++) {
            for (int c = -padding; c < cols + padding + outside; c++) {
                drawCell(g, r, c, lim, text);
            }
        }
        drawOverlays(g);
    }

    /**
     * Digits as large as the cells allow: half a cell tall, smaller only when the widest number
     * shown would not fit across a cell (a monospaced digit is about 0.6 of the font size wide).
     */
    private double textSize() {
        int widest = 2;
        for (int i = 0; formatter != null && i < Math.min(values.length, visible); i++) {
            widest = Math.max(widest, formatter.apply(values[i]).length());
        }
        return Math.max(10, Math.floor(Math.min(cellSize * 0.5, (cellSize - 4) / (0.6 * widest))));
    }

    private void drawCell(GraphicsContext g, int r, int c, double lim, boolean text) {
        Rectangle2D b = cellBounds(r, c);
        boolean real = r >= 0 && r < rows && c >= 0 && c < cols;
        boolean pad = !real && r < rows + padding && c < cols + padding;
        if (pad) {
            g.setFill(PADDING);
            g.fillRect(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
            if (text) {
                g.setFill(Color.web("#6b7380"));
                g.fillText("0", b.getMinX() + cellSize / 2, b.getMinY() + cellSize / 2);
            }
            return;
        }
        if (!real) { // past the padded input (ceil mode): an outline only
            g.setStroke(LINES);
            g.setLineWidth(1);
            g.setLineDashes(4, 3);
            g.strokeRect(b.getMinX() + 0.5, b.getMinY() + 0.5, b.getWidth() - 1, b.getHeight() - 1);
            g.setLineDashes();
            return;
        }
        int i = r * cols + c;
        if (i >= visible) {
            g.setFill(EMPTY);
            g.fillRect(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
            return;
        }
        float v = values[i];
        Color fill = switch (style) {
            case INK -> v > 0 ? INK : PAPER;
            case DIVERGING -> ColorMap.of(v, lim);
            case PLAIN -> PAPER;
        };
        g.setFill(fill);
        g.fillRect(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
        if (text) {
            g.setFill(style == Style.INK ? (v > 0 ? Color.WHITE : Color.web("#6b7380")) : ColorMap.textOn(fill));
            String s = formatter.apply(v);
            if (style == Style.INK && v > 0 && !s.startsWith("+")) {
                s = "+" + s;
            }
            g.fillText(s, b.getMinX() + cellSize / 2, b.getMinY() + cellSize / 2, cellSize - 2);
        }
    }

    private void drawOverlays(GraphicsContext g) {
        if (marked != null) {
            // on ink pixels (black and white) an amber frame; on the colour map a black dashed one
            g.setStroke(style == Style.INK ? Color.web("#e69f00") : Color.web("#1b1b1b"));
            g.setLineWidth(style == Style.INK ? 4 : cellSize < 18 ? 1.5 : 2);
            if (style != Style.INK && cellSize >= 18) { // a dash pattern on a small cell reads as noise
                g.setLineDashes(3, 3);
            }
            for (int i = 0; i < Math.min(marked.length, rows * cols); i++) {
                if (marked[i]) {
                    Rectangle2D b = cellBounds(i / cols, i % cols);
                    g.strokeRect(b.getMinX() + 2, b.getMinY() + 2, b.getWidth() - 4, b.getHeight() - 4);
                }
            }
            g.setLineDashes();
        }
        if (!window.isEmpty()) {
            g.setFill(Color.web("#0072b2", 0.16));
            g.setStroke(WINDOW);
            g.setLineWidth(Math.max(2, cellSize / 12));
            for (int[] cell : window) {
                Rectangle2D b = cellBounds(cell[0], cell[1]);
                g.fillRect(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
                g.strokeRect(b.getMinX() - 1, b.getMinY() - 1, b.getWidth() + 2, b.getHeight() + 2);
            }
        }
        if (highlightRow != Integer.MIN_VALUE) {
            Rectangle2D b = cellBounds(highlightRow, highlightCol);
            g.setStroke(HIGHLIGHT);
            g.setLineWidth(Math.max(3, cellSize / 9));
            g.strokeRect(b.getMinX() - 1.5, b.getMinY() - 1.5, b.getWidth() + 3, b.getHeight() + 3);
        }
    }
}
