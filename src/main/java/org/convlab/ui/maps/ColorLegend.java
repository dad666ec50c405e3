package org.convlab.ui.maps;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** A horizontal bar of the {@link ColorMap} from -limit through 0 to +limit, labelled at the ends and the middle. */
public final class ColorLegend extends Canvas {
    private static final double BAR = 14;

    public ColorLegend(double width) {
        super(width, BAR + 22);
        getStyleClass().add("color-legend");
        setLimit(1);
    }

    public void setLimit(double limit) {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        g.clearRect(0, 0, w, getHeight());
        double margin = 24;
        double bar = w - 2 * margin;
        for (int x = 0; x < bar; x++) {
            g.setFill(ColorMap.of(-limit + 2 * limit * x / Math.max(1, bar - 1), limit));
            g.fillRect(margin + x, 0, 1, BAR);
        }
        g.setStroke(Color.web("#8a94a3"));
        g.strokeRect(margin + 0.5, 0.5, bar - 1, BAR - 1);
        g.setFill(Color.web("#1b1b1b"));
        g.setFont(Font.font(13));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(MapText.number(-limit), margin, BAR + 4);
        g.fillText("0", margin + bar / 2, BAR + 4);
        g.fillText(MapText.number(limit), margin + bar, BAR + 4);
        setAccessibleText("colour scale from " + MapText.number(-limit) + " (purple) through 0 (white) to "
                + MapText.number(limit) + " (orange)");
    }
}
