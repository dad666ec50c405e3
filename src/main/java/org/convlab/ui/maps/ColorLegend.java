package org.convlab.ui.maps;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;
import org.convlab.ui.Theme;

/**
 * The key to a map's colours, a horizontal bar labelled at its ends (and at 0 for the diverging
 * map): {@link Mode#DIVERGING} runs from -limit through white 0 to +limit, for signed values;
 * {@link Mode#SEQUENTIAL} from white 0 to max, for values that cannot be negative (probabilities,
 * ReLU outputs and their pooled maps). Colours, font and size from {@link Theme}: the legend is
 * {@code widthEms} body-text sizes wide and redraws when the scale changes.
 */
public final class ColorLegend extends Canvas {
    /** Which colour map the legend explains. */
    public enum Mode { DIVERGING, SEQUENTIAL }

    private static final double BAR_EMS = 0.9;
    private static final double TEXT_EMS = 0.87;

    private final double widthEms;
    private Mode mode = Mode.DIVERGING;
    private double limit = 1;

    /** A legend 12 ems wide. */
    public ColorLegend() {
        this(12 * Theme.DEFAULT_EM);
    }

    /** A legend {@code width} px wide at the default text size (it grows and shrinks with the scale). */
    public ColorLegend(double width) {
        this.widthEms = width / Theme.DEFAULT_EM;
        getStyleClass().add("color-legend");
        Theme.onChange(this, this::draw);
        draw();
    }

    /** The diverging map from {@code -limit} to {@code +limit}. */
    public void setLimit(double limit) {
        setDiverging(limit);
    }

    /** The diverging map from {@code -limit} to {@code +limit}. */
    public void setDiverging(double limit) {
        this.mode = Mode.DIVERGING;
        this.limit = limit;
        draw();
    }

    /** The sequential map from 0 to {@code max}. */
    public void setSequential(double max) {
        this.mode = Mode.SEQUENTIAL;
        this.limit = max;
        draw();
    }

    public Mode mode() {
        return mode;
    }

    /** The value printed at the left end of the bar. */
    public String lowText() {
        return mode == Mode.SEQUENTIAL ? "0" : MapText.number(-limit);
    }

    /** The value printed at the right end of the bar. */
    public String highText() {
        return MapText.number(limit);
    }

    private void draw() {
        double w = Theme.px(widthEms);
        double bar = Theme.px(BAR_EMS);
        setWidth(w);
        setHeight(bar + Theme.px(TEXT_EMS) * 1.5 + 2);
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, w, getHeight());
        double margin = Theme.px(1.6); // room for half of an end label
        double length = w - 2 * margin;
        for (int x = 0; x < length; x++) {
            double t = x / Math.max(1, length - 1);
            g.setFill(mode == Mode.SEQUENTIAL ? Theme.sequential(t * limit, limit)
                    : Theme.diverging(-limit + 2 * limit * t, limit));
            g.fillRect(margin + x, 0, 1, bar);
        }
        g.setStroke(Theme.LINES);
        g.setLineWidth(1);
        g.strokeRect(margin + 0.5, 0.5, length - 1, bar - 1);
        g.setFill(Theme.TEXT);
        g.setFont(Theme.font(TEXT_EMS));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(lowText(), margin, bar + 2);
        g.fillText(highText(), margin + length, bar + 2);
        if (mode == Mode.DIVERGING) {
            g.fillText("0", margin + length / 2, bar + 2);
            setAccessibleText("colour scale from " + lowText() + " (purple) through 0 (white) to " + highText() + " (orange)");
        } else {
            setAccessibleText("colour scale from 0 (white) to " + highText() + " (dark orange)");
        }
    }
}
