package org.convlab.ui.controls;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/**
 * A square grid of +1/-1 pixels drawn as cells that print their value, so a class can read the
 * numbers from the back of the room. Ink (+1) is dark with a light "+1", background (-1) is light
 * with a grey "-1", matching the sample images (black = +1). Styled by {@code convlab.css}.
 */
public final class PixelGrid extends GridPane {
    public static final String INK = "pixel-ink";
    public static final String PAPER = "pixel-paper";

    private final Label[][] cells;
    private final int[][] values;

    public PixelGrid(int size, double cellSize) {
        getStyleClass().add("pixel-grid");
        cells = new Label[size][size];
        values = new int[size][size];
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                Label cell = new Label();
                cell.getStyleClass().add("pixel");
                cell.setAlignment(Pos.CENTER);
                cell.setMinSize(cellSize, cellSize);
                cell.setPrefSize(cellSize, cellSize);
                cell.setMaxSize(cellSize, cellSize);
                cells[r][c] = cell;
                add(cell, c, r);
            }
        }
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    }

    /** Shows {@code grid} (int[row][column] of +1/-1); it must have this grid's size. */
    public void setValues(int[][] grid) {
        if (grid.length != cells.length) {
            throw new IllegalArgumentException("expected a " + cells.length + "x" + cells.length + " grid");
        }
        for (int r = 0; r < cells.length; r++) {
            for (int c = 0; c < cells.length; c++) {
                int v = grid[r][c];
                values[r][c] = v;
                Label cell = cells[r][c];
                cell.setText(v > 0 ? "+1" : "-1");
                cell.getStyleClass().removeAll(INK, PAPER);
                cell.getStyleClass().add(v > 0 ? INK : PAPER);
            }
        }
    }

    public int size() {
        return cells.length;
    }

    /** The value shown at (row, column). */
    public int valueAt(int row, int column) {
        return values[row][column];
    }

    /** The cell node at (row, column), for tests and tooltips. */
    public Label cell(int row, int column) {
        return cells[row][column];
    }
}
