package org.convlab.ui.training;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/**
 * The first conv layer's filters as little tiles (one per output channel, input channels side by
 * side), red positive, blue negative, one colour scale for all so that growth shows. Redrawn
 * when a new copy of the weights arrives (every few batches).
 */
final class FilterView extends Pane {
    private final Canvas canvas = new Canvas();
    private TrainingSnapshot.FilterWeights weights;

    FilterView() {
        setId("filterView");
        getChildren().add(canvas);
        setMinSize(120, 80);
        widthProperty().addListener((o, a, b) -> draw());
        heightProperty().addListener((o, a, b) -> draw());
    }

    void show(TrainingSnapshot.FilterWeights w) {
        if (w != weights) {
            weights = w;
            draw();
        }
    }

    TrainingSnapshot.FilterWeights shown() {
        return weights;
    }

    private void draw() {
        double width = getWidth();
        double height = getHeight();
        canvas.setWidth(width);
        canvas.setHeight(height);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#f4f4f4"));
        g.fillRect(0, 0, width, height);
        if (weights == null) {
            g.setFill(Color.GRAY);
            g.fillText("no conv layer yet", 8, 18);
            return;
        }
        int[] s = weights.shape();
        int out = s[0];
        int in = Math.min(s[1], 3);
        int kh = s[2];
        int kw = s[3];
        float[] v = weights.values();
        float scale = 0;
        for (float f : v) {
            scale = Math.max(scale, Math.abs(f));
        }
        int tileW = in * kw + (in - 1);
        // choose the column count that gives the biggest cells
        double best = 0;
        int bestCols = 1;
        for (int cols = 1; cols <= out; cols++) {
            int rows = (out + cols - 1) / cols;
            double cell = Math.min((width - 4) / (cols * (tileW + 1.5)), (height - 4) / (rows * (kh + 1.5)));
            if (cell > best) {
                best = cell;
                bestCols = cols;
            }
        }
        double cell = Math.max(1, Math.floor(best));
        for (int f = 0; f < out; f++) {
            double x0 = 2 + (f % bestCols) * (tileW + 1.5) * cell;
            double y0 = 2 + (f / bestCols) * (kh + 1.5) * cell;
            for (int c = 0; c < in; c++) {
                for (int r = 0; r < kh; r++) {
                    for (int q = 0; q < kw; q++) {
                        float w = v[((f * s[1] + c) * kh + r) * kw + q];
                        g.setFill(Pictures.diverging(w, scale));
                        g.fillRect(x0 + (c * (kw + 1) + q) * cell, y0 + r * cell, cell, cell);
                    }
                }
            }
            g.setStroke(Color.web("#999"));
            g.setLineWidth(0.5);
            g.strokeRect(x0, y0, in * kw * cell + (in - 1) * cell, kh * cell);
        }
    }
}
