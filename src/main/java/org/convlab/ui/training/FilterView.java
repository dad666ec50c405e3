package org.convlab.ui.training;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import org.convlab.model.ConvSpec;
import org.convlab.model.LayerInfo;
import org.convlab.model.NetworkSpec;
import org.convlab.model.ShapeInference;
import org.convlab.ui.Theme;

/**
 * The first conv layer's filters as little tiles (one per output channel, input channels side by
 * side) in the app's diverging colours ({@link Theme#diverging}: orange positive, purple negative,
 * as the step-through shows the same weights), one colour scale for all so that growth shows.
 * Redrawn when a new copy of the weights arrives (every few batches) and when the text size changes.
 */
final class FilterView extends Pane {
    private final Canvas canvas = new Canvas();
    private TrainingSnapshot.FilterWeights weights;
    /** Said while there are no weights to show; a label, so that it wraps and grows with the text. */
    private final javafx.scene.control.Label placeholder = new javafx.scene.control.Label(
            "The filters show here once training starts.");

    FilterView() {
        setId("filterView");
        placeholder.setId("filterPlaceholder");
        placeholder.setWrapText(true);
        placeholder.setTextFill(Theme.TEXT_MUTED);
        getChildren().addAll(canvas, placeholder);
        setMinSize(120, 80);
        widthProperty().addListener((o, a, b) -> draw());
        heightProperty().addListener((o, a, b) -> draw());
        Theme.onChange(this, this::draw);
    }

    /**
     * What the empty view says for {@code spec}: where its first conv layer's filters will show,
     * or that it has none (a net of dense layers).
     */
    static String placeholder(NetworkSpec spec) {
        try {
            for (LayerInfo l : ShapeInference.infer(spec)) {
                if (l.spec() instanceof ConvSpec) {
                    return l.name() + "'s filters show here once training starts.";
                }
            }
        } catch (RuntimeException misfit) {
            return "The filters show here once training starts.";
        }
        return "This model has no conv layer, so it has no filters to show.";
    }

    void setPlaceholder(String text) {
        placeholder.setText(text);
    }

    String placeholder() {
        return placeholder.getText();
    }

    void show(TrainingSnapshot.FilterWeights w) {
        if (w != weights) {
            weights = w;
            placeholder.setVisible(w == null);
            draw();
        }
    }

    @Override
    protected void layoutChildren() {
        double inset = Theme.px(0.5);
        double w = Math.max(0, getWidth() - 2 * inset);
        placeholder.resizeRelocate(inset, inset, w, placeholder.prefHeight(w));
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
        g.setFill(Theme.EMPTY);
        g.fillRect(0, 0, width, height);
        if (weights == null) {
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
                        g.setFill(Theme.diverging(w, scale));
                        g.fillRect(x0 + (c * (kw + 1) + q) * cell, y0 + r * cell, cell, cell);
                    }
                }
            }
            g.setStroke(Theme.LINES);
            g.setLineWidth(0.5);
            g.strokeRect(x0, y0, in * kw * cell + (in - 1) * cell, kh * cell);
        }
    }
}
