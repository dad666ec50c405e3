package org.convlab.ui.draw;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.convlab.ui.Theme;

/**
 * The pad's picture on one canvas, as large as its room allows up to {@link #PREFERRED_EMS} body-text
 * sizes (so it grows with View &gt; Text Size and presentation mode, and still fits a 1024x768
 * window). Ink is drawn in the colour the model reads it in: dark on white for the X/O slides'
 * convention, light on black for MNIST-like data, so what the student draws is what the model sees.
 */
final class PadView extends Region {
    /** The pad's side at most, in ems: 360 px at the default text size. */
    static final double PREFERRED_EMS = 24;
    /** The smallest side, in ems, before the pad gives way to its window. */
    static final double MIN_EMS = 10;

    private final Canvas canvas = new Canvas();
    private PadPixels pixels;
    private boolean darkInk = true;

    PadView(PadPixels pixels) {
        this.pixels = pixels;
        canvas.setId("padCanvas");
        getChildren().add(canvas);
        Theme.onChange(this, this::requestLayout);
    }

    void setPixels(PadPixels p) {
        pixels = p;
        requestLayout();
        draw();
    }

    /** Dark ink on white (true) or light ink on black (false). */
    void setDarkInk(boolean dark) {
        darkInk = dark;
        draw();
    }

    boolean darkInk() {
        return darkInk;
    }

    Canvas canvas() {
        return canvas;
    }

    @Override
    protected double computePrefWidth(double height) {
        return Theme.px(PREFERRED_EMS);
    }

    @Override
    protected double computePrefHeight(double width) {
        return Theme.px(PREFERRED_EMS);
    }

    @Override
    protected double computeMinWidth(double height) {
        return Theme.px(MIN_EMS);
    }

    @Override
    protected double computeMinHeight(double width) {
        return Theme.px(MIN_EMS);
    }

    @Override
    protected double computeMaxWidth(double height) {
        return Theme.px(PREFERRED_EMS);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return Theme.px(PREFERRED_EMS);
    }

    @Override
    protected void layoutChildren() {
        double side = Math.floor(Math.min(Math.min(getWidth(), getHeight()), Theme.px(PREFERRED_EMS)));
        // whole pixels only: the canvas is a multiple of the picture's size, with no strip left over
        double cell = Math.floor(side / Math.max(pixels.height(), pixels.width()));
        double w = cell * pixels.width();
        double h = cell * pixels.height();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        draw();
    }

    /** The side of one pixel on screen. */
    double cellSize() {
        return Math.floor(Math.max(canvas.getWidth() / pixels.width(), canvas.getHeight() / pixels.height()));
    }

    /** The pixel (row, col) under canvas point (x, y), or null outside the picture. */
    int[] cellAt(double x, double y) {
        double cell = cellSize();
        if (cell <= 0) {
            return null;
        }
        int col = (int) Math.floor(x / cell);
        int row = (int) Math.floor(y / cell);
        return row < 0 || col < 0 || row >= pixels.height() || col >= pixels.width() ? null : new int[] {row, col};
    }

    /** The colour of ink fraction {@code p} on screen. */
    Color colour(float p) {
        Color paper = darkInk ? Theme.PAPER : Theme.INK;
        Color ink = darkInk ? Theme.INK : Theme.PAPER;
        return paper.interpolate(ink, p);
    }

    void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double cell = cellSize();
        g.setFill(Theme.EMPTY);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        for (int r = 0; r < pixels.height(); r++) {
            for (int c = 0; c < pixels.width(); c++) {
                g.setFill(colour(pixels.get(r, c)));
                g.fillRect(c * cell, r * cell, cell, cell);
            }
        }
        if (cell >= 8) {
            // thin lines in the grid's own colour, half-transparent, so they show on ink and paper alike
            g.setStroke(Theme.LINES.deriveColor(0, 1, 1, 0.6));
            g.setLineWidth(0.5);
            for (int r = 0; r <= pixels.height(); r++) {
                g.strokeLine(0, r * cell, pixels.width() * cell, r * cell);
            }
            for (int c = 0; c <= pixels.width(); c++) {
                g.strokeLine(c * cell, 0, c * cell, pixels.height() * cell);
            }
        }
    }
}
