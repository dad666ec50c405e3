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
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.convlab.ui.Theme;

/**
 * A map of numbers drawn on one canvas, one cell per value, for every step-through view:
 * X/O pixels in ink style (+1 dark, -1 white), signed maps in the diverging colour map and
 * non-negative ones (ReLU outputs, pooled ReLU outputs, probabilities) in the sequential one
 * (both from {@link Theme}),
 * a ring of zero-padding cells drawn as padding (grey, "0") and, in ceil-mode pooling, cells past
 * the padded input drawn as dashed outlines. Overlays: the current window, one highlighted cell
 * (the max, the output being written), marked cells (changed by ReLU) and cells not yet computed
 * (drawn empty while the output fills up). Hover shows a cell's value; clicks report the cell.
 *
 * <p>Configure with the setters, then call {@link #draw()}; coordinates are the map's own, so
 * padding cells have row or column -1, -2, ...
 *
 * <p>Size: give the cell in ems ({@link #setCellEms}) and the grid follows View &gt; Text Size and
 * presentation mode by itself (it resizes and redraws on {@link Theme#onChange}); a cell given in
 * px ({@link #setCellSize}) stays that size. The numbers are sized from the cell by
 * {@link CellText}: {@link #textSize()} is the font size the cells' text uses.
 */
public final class ValueGrid extends Canvas {
    /** How values are coloured: X/O ink, signed (diverging), non-negative (sequential), or plain white. */
    public enum Style { INK, DIVERGING, SEQUENTIAL, PLAIN }

    private static final double GAP = 2;

    private double cellSize;
    /** The cell in ems, or NaN when it was given in px. */
    private double cellEms = Double.NaN;
    private double textSize;
    private boolean drawn;
    private float[] values = new float[0];
    private int rows;
    private int cols;
    /** Padding rows above and below the map. */
    private int padding;
    /** Padding columns left and right (differs from the rows for a 1 x k pool, which pads only left and right). */
    private int padCols;
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

    /** A grid of {@code cellSize}-px cells (prefer {@link #ofEms}, which follows the app's scale). */
    public ValueGrid(double cellSize) {
        this.cellSize = cellSize;
        getStyleClass().add("value-grid");
        Theme.onChange(this, this::rescale);
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
        setRing(padding, padding, outside);
    }

    /** As {@link #setRing(int, int)} with {@code padRows} rows above and below and {@code padCols} columns left and right. */
    public void setRing(int padRows, int padCols, int outside) {
        this.padding = padRows;
        this.padCols = padCols;
        this.outside = outside;
        resize();
    }

    /** A grid whose cells are {@code cellEms} body-text sizes wide. */
    public static ValueGrid ofEms(double cellEms) {
        ValueGrid g = new ValueGrid(Theme.px(cellEms));
        g.cellEms = cellEms;
        return g;
    }

    /** Cells of {@code size} px, fixed whatever the app's scale. */
    public void setCellSize(double size) {
        this.cellSize = size;
        this.cellEms = Double.NaN;
        resize();
    }

    /** Cells of {@code ems} body-text sizes: the grid resizes itself when the scale changes. */
    public void setCellEms(double ems) {
        this.cellEms = ems;
        this.cellSize = Theme.px(ems);
        resize();
    }

    /** The side of a cell in px. */
    public double cellSize() {
        return cellSize;
    }

    /**
     * The font size in px of the numbers printed in the cells at the last {@link #draw()} (one size for
     * the whole grid, see {@link CellText}); 0 when the grid prints no numbers.
     */
    public double textSize() {
        return textSize;
    }

    private void rescale() {
        if (!Double.isNaN(cellEms)) {
            cellSize = Theme.px(cellEms);
            resize();
        }
        if (drawn) {
            draw();
        }
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
        double x = GAP + (col + padCols) * (cellSize + GAP);
        double y = GAP + (row + padding) * (cellSize + GAP);
        return new Rectangle2D(x, y, cellSize, cellSize);
    }

    private int[] cellAt(double x, double y) {
        int c = (int) Math.floor((x - GAP / 2) / (cellSize + GAP)) - padCols;
        int r = (int) Math.floor((y - GAP / 2) / (cellSize + GAP)) - padding;
        if (r < -padding || c < -padCols || r >= rows + padding + outside || c >= cols + padCols + outside) {
            return null;
        }
        return new int[] {r, c};
    }

    private String describe(int r, int c) {
        if (r >= 0 && r < rows && c >= 0 && c < cols) {
            int i = r * cols + c;
            return "row " + r + ", column " + c + ": " + (i < visible ? values[i] : "not computed yet");
        }
        boolean pad = r >= -padding && c >= -padCols && r < rows + padding && c < cols + padCols;
        return "row " + r + ", column " + c + ": " + (pad ? "zero padding" : "outside the map");
    }

    private void resize() {
        setWidth(GAP + (cols + 2 * padCols + outside) * (cellSize + GAP));
        setHeight(GAP + (rows + 2 * padding + outside) * (cellSize + GAP));
    }

    public void draw() {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        drawn = true;
        double lim = Double.isNaN(limit) ? ColorMap.limit(values) : limit;
        textSize = formatter == null ? 0 : CellText.size(cellSize, texts());
        boolean text = textSize > 0;
        g.setFont(CellText.font(Math.max(1, textSize)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        // background lines behind the real map and the padding
        Rectangle2D first = cellBounds(-padding, -padCols);
        Rectangle2D last = cellBounds(rows + padding - 1, cols + padCols - 1);
        g.setFill(Theme.LINES);
        g.fillRect(first.getMinX() - GAP, first.getMinY() - GAP, last.getMaxX() - first.getMinX() + 2 * GAP,
                last.getMaxY() - first.getMinY() + 2 * GAP);
        for (int r = -padding; r < rows + padding + outside; r++) {
            for (int c = -padCols; c < cols + padCols + outside; c++) {
                drawCell(g, r, c, lim, text);
            }
        }
        drawOverlays(g);
    }

    private void drawCell(GraphicsContext g, int r, int c, double lim, boolean text) {
        Rectangle2D b = cellBounds(r, c);
        boolean real = r >= 0 && r < rows && c >= 0 && c < cols;
        boolean pad = !real && r < rows + padding && c < cols + padCols;
        if (pad) {
            g.setFill(Theme.PADDING);
            g.fillRect(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
            if (text) {
                g.setFill(Theme.PAPER_TEXT);
                g.fillText("0", b.getMinX() + cellSize / 2, b.getMinY() + cellSize / 2);
            }
            return;
        }
        if (!real) { // past the padded input (ceil mode): an outline only
            g.setStroke(Theme.LINES);
            g.setLineWidth(1);
            g.setLineDashes(4, 3);
            g.strokeRect(b.getMinX() + 0.5, b.getMinY() + 0.5, b.getWidth() - 1, b.getHeight() - 1);
            g.setLineDashes();
            return;
        }
        int i = r * cols + c;
        if (i >= visible) {
            g.setFill(Theme.EMPTY);
            g.fillRect(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
            return;
        }
        float v = values[i];
        Color fill = switch (style) {
            case INK -> v > 0 ? Theme.INK : Theme.PAPER;
            case DIVERGING -> Theme.diverging(v, lim);
            case SEQUENTIAL -> Theme.sequential(v, lim);
            case PLAIN -> Theme.PAPER;
        };
        g.setFill(fill);
        g.fillRect(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
        if (text) {
            g.setFill(style == Style.INK ? (v > 0 ? Theme.INK_TEXT : Theme.PAPER_TEXT) : Theme.textOn(fill));
            g.fillText(cellText(v), b.getMinX() + cellSize / 2, b.getMinY() + cellSize / 2);
        }
    }

    /** What a cell of value {@code v} prints: the formatter's text, "+1" rather than "1" on ink. */
    private String cellText(float v) {
        String s = formatter.apply(v);
        return style == Style.INK && v > 0 && !s.startsWith("+") ? "+" + s : s;
    }

    /** Every distinct text the grid prints now (the padding's "0" too), for sizing the font. */
    private java.util.Set<String> texts() {
        java.util.Set<String> out = new java.util.HashSet<>();
        int shown = Math.min(visible, values.length);
        for (int i = 0; i < shown; i++) {
            out.add(cellText(values[i]));
        }
        if (padding > 0 || padCols > 0) {
            out.add("0");
        }
        return out;
    }

    private void drawOverlays(GraphicsContext g) {
        if (marked != null) {
            // on ink pixels (black and white) an amber frame; on the colour map a black dashed one
            g.setStroke(style == Style.INK ? Theme.HIGHLIGHT : Theme.TEXT);
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
            Color w = Theme.WINDOW;
            g.setFill(Color.color(w.getRed(), w.getGreen(), w.getBlue(), 0.16));
            g.setStroke(Theme.WINDOW);
            g.setLineWidth(Math.max(2, cellSize / 12));
            for (int[] cell : window) {
                Rectangle2D b = cellBounds(cell[0], cell[1]);
                g.fillRect(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
                g.strokeRect(b.getMinX() - 1, b.getMinY() - 1, b.getWidth() + 2, b.getHeight() + 2);
            }
        }
        if (highlightRow != Integer.MIN_VALUE) {
            Rectangle2D b = cellBounds(highlightRow, highlightCol);
            g.setStroke(Theme.HIGHLIGHT);
            g.setLineWidth(Math.max(3, cellSize / 9));
            g.strokeRect(b.getMinX() - 1.5, b.getMinY() - 1.5, b.getWidth() + 3, b.getHeight() + 3);
        }
    }
}
