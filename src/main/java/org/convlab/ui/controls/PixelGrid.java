package org.convlab.ui.controls;

import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;
import org.convlab.ui.Theme;
import org.convlab.ui.maps.CellText;

/**
 * A square grid of +1/-1 pixels drawn as cells that print their value, so a class can read the
 * numbers from the back of the room. Ink (+1) is dark with a white "+1", background (-1) is white
 * with a grey "-1", matching the sample images (black = +1); colours from {@link Theme}. The
 * numbers follow the grid rule of {@link CellText} (sized from the cell; {@link #textSize()}).
 * A grid made with {@link #ofEms} follows the app's scale. Drawn on one canvas rather than as
 * one control per cell: a 9x9 grid of labels cost about half a second of start-up CPU.
 */
public final class PixelGrid extends Canvas {
    private static final double GAP = 2;
    private static final java.util.List<String> TEXTS = java.util.List.of("+1", "-1");

    private final int size;
    private double cellSize;
    private double cellEms = Double.NaN;
    private final int[][] values;
    private double textSize;

    /** A grid of {@code cellSize}-px cells (prefer {@link #ofEms}, which follows the app's scale). */
    public PixelGrid(int size, double cellSize) {
        this.size = size;
        this.values = new int[size][size];
        getStyleClass().add("pixel-grid");
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        setCell(cellSize);
        Theme.onChange(this, () -> {
            if (!Double.isNaN(cellEms)) {
                setCell(Theme.px(cellEms));
                draw();
            }
        });
    }

    /** A {@code size} x {@code size} grid of cells {@code cellEms} body-text sizes wide. */
    public static PixelGrid ofEms(int size, double cellEms) {
        PixelGrid g = new PixelGrid(size, Theme.px(cellEms));
        g.cellEms = cellEms;
        return g;
    }

    private void setCell(double px) {
        cellSize = px;
        setWidth(size * cellSize + (size + 1) * GAP);
        setHeight(size * cellSize + (size + 1) * GAP);
        textSize = CellText.size(cellSize, TEXTS);
    }

    /** The font size in px of the "+1" / "-1" in the cells. */
    public double textSize() {
        return textSize;
    }

    /** Shows {@code grid} (int[row][column] of +1/-1); it must have this grid's size. */
    public void setValues(int[][] grid) {
        if (grid.length != size) {
            throw new IllegalArgumentException("expected a " + size + "x" + size + " grid");
        }
        for (int r = 0; r < size; r++) {
            if (grid[r].length != size) {
                throw new IllegalArgumentException("expected a " + size + "x" + size + " grid");
            }
            System.arraycopy(grid[r], 0, values[r], 0, size);
        }
        draw();
    }

    private void draw() {
        GraphicsContext g = getGraphicsContext2D();
        g.setFill(Theme.LINES);
        g.fillRect(0, 0, getWidth(), getHeight());
        g.setFont(CellText.font(Math.max(1, textSize)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        StringBuilder text = new StringBuilder(size + "x" + size + " pixels:");
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                Rectangle2D cell = cellBounds(r, c);
                boolean ink = values[r][c] > 0;
                g.setFill(ink ? Theme.INK : Theme.PAPER);
                g.fillRect(cell.getMinX(), cell.getMinY(), cell.getWidth(), cell.getHeight());
                if (textSize > 0) {
                    g.setFill(ink ? Theme.INK_TEXT : Theme.PAPER_TEXT);
                    g.fillText(ink ? "+1" : "-1", cell.getMinX() + cellSize / 2, cell.getMinY() + cellSize / 2);
                }
                text.append(c == 0 ? " / " : " ").append(ink ? "+1" : "-1");
            }
        }
        setAccessibleText(text.toString());
    }

    public int size() {
        return size;
    }

    /** The value shown at (row, column). */
    public int valueAt(int row, int column) {
        return values[row][column];
    }

    /** Where the cell (row, column) is drawn, in this canvas's coordinates. */
    public Rectangle2D cellBounds(int row, int column) {
        return new Rectangle2D(GAP + column * (cellSize + GAP), GAP + row * (cellSize + GAP), cellSize, cellSize);
    }
}
