package org.convlab.ui.controls;

import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * A square grid of +1/-1 pixels drawn as cells that print their value, so a class can read the
 * numbers from the back of the room. Ink (+1) is dark with a white "+1", background (-1) is white
 * with a grey "-1", matching the sample images (black = +1). Drawn on one canvas rather than as
 * one control per cell: a 9x9 grid of labels cost about half a second of start-up CPU.
 */
public final class PixelGrid extends Canvas {
    static final Color LINES = Color.web("#8a94a3");
    static final Color INK = Color.web("#1b1b1b");
    static final Color INK_TEXT = Color.WHITE;
    static final Color PAPER = Color.WHITE;
    static final Color PAPER_TEXT = Color.web("#6b7380");
    private static final double GAP = 2;

    private final int size;
    private final double cellSize;
    private final int[][] values;
    private final Font font;

    public PixelGrid(int size, double cellSize) {
        super(size * cellSize + (size + 1) * GAP, size * cellSize + (size + 1) * GAP);
        this.size = size;
        this.cellSize = cellSize;
        this.values = new int[size][size];
        this.font = Font.font("Monospaced", FontWeight.BOLD, Math.max(14, Math.round(cellSize * 0.34)));
        getStyleClass().add("pixel-grid");
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
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
        g.setFill(LINES);
        g.fillRect(0, 0, getWidth(), getHeight());
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        StringBuilder text = new StringBuilder(size + "x" + size + " pixels:");
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                Rectangle2D cell = cellBounds(r, c);
                boolean ink = values[r][c] > 0;
                g.setFill(ink ? INK : PAPER);
                g.fillRect(cell.getMinX(), cell.getMinY(), cell.getWidth(), cell.getHeight());
                g.setFill(ink ? INK_TEXT : PAPER_TEXT);
                g.fillText(ink ? "+1" : "-1", cell.getMinX() + cellSize / 2, cell.getMinY() + cellSize / 2);
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
