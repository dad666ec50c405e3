package org.convlab.ui.training;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.convlab.train.Evaluation;

/**
 * The confusion matrix (row = true class, column = predicted, as scikit-learn prints it), each
 * cell shaded by its share of the row, with per-class accuracy at the end of each row. Drawn on
 * one canvas: a grid of a hundred labels cost the FX thread a visible stutter at every epoch's
 * end (each label needs CSS and layout). Hover a cell for its meaning; click it to see its images.
 */
final class ConfusionView extends VBox {
    private static final Font FONT = Font.font(11);
    private final Label title = new Label("Confusion matrix: after the first epoch");
    private final Canvas canvas = new Canvas(10, 10);
    private final Label hover = new Label("Click a cell to see its images.");
    private EpochReport shown;
    private boolean first = true;
    private BiConsumer<Integer, Integer> onCell = (i, j) -> {};
    private double cellW;
    private double cellH;
    private double left;
    private double top;

    ConfusionView() {
        setId("confusionView");
        setSpacing(4);
        setPadding(new Insets(4));
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        canvas.setId("confusionMatrix");
        hover.getStyleClass().add("caption");
        hover.setWrapText(true);
        getChildren().addAll(title, canvas, hover);
        canvas.setOnMouseMoved(e -> {
            int[] cell = cellAt(e.getX(), e.getY());
            if (cell != null) {
                long[][] m = shown.evaluation().confusion();
                List<String> c = shown.evaluation().classes();
                hover.setText(m[cell[0]][cell[1]] + " images of " + c.get(cell[0]) + " taken for " + c.get(cell[1])
                        + " (click to see them)");
            }
        });
        canvas.setOnMouseClicked(e -> {
            int[] cell = cellAt(e.getX(), e.getY());
            if (cell != null) {
                onCell.accept(cell[0], cell[1]);
            }
        });
    }

    /** Called with (true class, predicted class) when a cell is clicked. */
    void setOnCellClicked(BiConsumer<Integer, Integer> handler) {
        onCell = handler;
    }

    EpochReport shown() {
        return shown;
    }

    /** The centre of cell (i, j) in the canvas's coordinates (tests click there). */
    Point2D cellCenter(int i, int j) {
        return new Point2D(left + (j + 0.5) * cellW, top + (i + 0.5) * cellH);
    }

    private int[] cellAt(double x, double y) {
        if (shown == null || cellW == 0) {
            return null;
        }
        int k = shown.evaluation().classes().size();
        int j = (int) Math.floor((x - left) / cellW);
        int i = (int) Math.floor((y - top) / cellH);
        return i >= 0 && j >= 0 && i < k && j < k ? new int[] {i, j} : null;
    }

    void show(EpochReport report) {
        if (report == shown && !first) {
            return; // the same epoch's report comes with every snapshot until the next epoch ends
        }
        first = false;
        shown = report;
        GraphicsContext g = canvas.getGraphicsContext2D();
        if (report == null) {
            title.setText("Confusion matrix: after the first epoch");
            canvas.setWidth(10);
            canvas.setHeight(10);
            g.clearRect(0, 0, 10, 10);
            cellW = 0;
            return;
        }
        Evaluation e = report.evaluation();
        title.setText(String.format(Locale.ROOT, "Confusion, %s set, epoch %d: %.1f%% right (rows: true class)",
                report.onTrainingSet() ? "training" : "validation", report.epoch(), 100 * e.accuracy()));
        draw(g, e);
    }

    private void draw(GraphicsContext g, Evaluation e) {
        List<String> classes = e.classes();
        long[][] m = e.confusion();
        double[] perClass = e.perClassAccuracy();
        int k = classes.size();
        boolean compact = k > 6;
        cellW = compact ? 32 : 46;
        cellH = compact ? 20 : 24;
        double nameW = 0;
        for (int i = 0; i < k; i++) {
            nameW = Math.max(nameW, TextWidth.of(rowName(classes, i, compact), FONT));
        }
        left = Math.ceil(nameW + 10);
        top = 18;
        double width = left + k * cellW + 50;
        double height = top + k * cellH + 2;
        canvas.setWidth(width);
        canvas.setHeight(height);
        g.clearRect(0, 0, width, height);
        g.setFont(FONT);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(Color.web("#333"));
        for (int j = 0; j < k; j++) {
            String head = compact ? String.valueOf(j) : classes.get(j);
            g.fillText(head, left + (j + 0.5) * cellW, top / 2, cellW - 2);
        }
        g.fillText("acc.", left + k * cellW + 25, top / 2);
        for (int i = 0; i < k; i++) {
            long row = 0;
            for (long v : m[i]) {
                row += v;
            }
            double y = top + i * cellH;
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFill(Color.web("#333"));
            g.fillText(rowName(classes, i, compact), left - 5, y + cellH / 2);
            g.setTextAlign(TextAlignment.CENTER);
            for (int j = 0; j < k; j++) {
                double share = row == 0 ? 0 : (double) m[i][j] / row;
                Color base = i == j ? Color.web("#2e7d32") : Color.web("#c62828");
                g.setFill(Color.WHITE.interpolate(base, Math.sqrt(share)));
                g.fillRect(left + j * cellW, y, cellW - 1, cellH - 1);
                g.setFill(share > 0.45 ? Color.WHITE : Color.BLACK);
                g.fillText(String.valueOf(m[i][j]), left + (j + 0.5) * cellW, y + cellH / 2, cellW - 2);
            }
            g.setFill(Color.web("#333"));
            g.fillText(Double.isNaN(perClass[i]) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * perClass[i]),
                    left + k * cellW + 25, y + cellH / 2);
        }
    }

    private static String rowName(List<String> classes, int i, boolean compact) {
        String name = classes.get(i);
        return compact && !name.equals(String.valueOf(i)) ? i + " " + name : name;
    }
}
