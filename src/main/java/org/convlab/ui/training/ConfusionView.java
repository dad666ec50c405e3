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
import org.convlab.ui.Theme;

/**
 * The confusion matrix (row = true class, column = predicted, as scikit-learn prints it), each
 * cell shaded by its share of the row on the app's sequential scale ({@link Theme#sequential}), the
 * diagonal (right answers) outlined, with per-class accuracy at the end of each row. Cells and
 * numbers are sized in ems and redrawn when the text size changes. Drawn on
 * one canvas: a grid of a hundred labels cost the FX thread a visible stutter at every epoch's
 * end (each label needs CSS and layout). Hover a cell for its meaning; click it to see its images.
 */
final class ConfusionView extends VBox {
    private final Label title = new Label("Confusion matrix: after the first epoch");
    private final Canvas canvas = new Canvas(10, 10);
    static final String LEGEND = "Shade: the cell's share of its row, white 0% to dark orange 100%; outlined: right answers."
            + " Click a cell to see its images.";
    private final Label hover = new Label(LEGEND);
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
        // wrapped lines take the height they need (the view's scroll pane gives it), never an ellipsis
        hover.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(title, canvas, hover);
        Theme.onChange(this, () -> {
            if (shown != null) {
                draw(canvas.getGraphicsContext2D(), shown.evaluation());
            }
        });
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
        Font font = Theme.font(0.85);
        Font bold = Theme.bold(0.85);
        double line = Theme.px(0.85) * 1.4;
        // a cell holds its largest count with room to spare; headers of the compact form are indices
        long most = 0;
        for (long[] row : m) {
            for (long v : row) {
                most = Math.max(most, v);
            }
        }
        double countW = TextWidth.of(String.valueOf(most), bold) + Theme.px(0.8);
        double headW = 0;
        for (int j = 0; j < k; j++) {
            headW = Math.max(headW, TextWidth.of(compact ? String.valueOf(j) : classes.get(j), font) + Theme.px(0.5));
        }
        cellW = Math.ceil(Math.max(Theme.px(compact ? 2.1 : 3), Math.max(countW, compact ? 0 : headW)));
        cellH = Math.ceil(line + Theme.px(0.25));
        double nameW = 0;
        for (int i = 0; i < k; i++) {
            nameW = Math.max(nameW, TextWidth.of(rowName(classes, i, compact), font));
        }
        double accW = TextWidth.of("100%", font) + Theme.px(1);
        left = Math.ceil(nameW + Theme.px(0.6));
        top = Math.ceil(line);
        double width = left + k * cellW + accW;
        double height = top + k * cellH + 2;
        canvas.setWidth(width);
        canvas.setHeight(height);
        g.clearRect(0, 0, width, height);
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(Theme.TEXT_MUTED);
        for (int j = 0; j < k; j++) {
            String head = compact ? String.valueOf(j) : classes.get(j);
            g.fillText(head, left + (j + 0.5) * cellW, top / 2);
        }
        g.fillText("acc.", left + k * cellW + accW / 2, top / 2);
        for (int i = 0; i < k; i++) {
            long row = 0;
            for (long v : m[i]) {
                row += v;
            }
            double y = top + i * cellH;
            g.setFont(font);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFill(Theme.TEXT_MUTED);
            g.fillText(rowName(classes, i, compact), left - Theme.px(0.3), y + cellH / 2);
            g.setTextAlign(TextAlignment.CENTER);
            for (int j = 0; j < k; j++) {
                double share = row == 0 ? 0 : (double) m[i][j] / row;
                Color fill = Theme.sequential(share, 1);
                g.setFill(fill);
                g.fillRect(left + j * cellW, y, cellW - 1, cellH - 1);
                if (i == j) {
                    // the right answers: outlined, so the diagonal reads without a second colour scale
                    g.setStroke(Theme.ACCENT);
                    g.setLineWidth(1.5);
                    g.strokeRect(left + j * cellW + 0.75, y + 0.75, cellW - 2.5, cellH - 2.5);
                }
                g.setFont(i == j ? bold : font);
                g.setFill(Theme.textOn(fill));
                g.fillText(String.valueOf(m[i][j]), left + (j + 0.5) * cellW, y + cellH / 2);
            }
            g.setFont(font);
            g.setFill(Theme.TEXT_MUTED);
            g.fillText(Double.isNaN(perClass[i]) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * perClass[i]),
                    left + k * cellW + accW / 2, y + cellH / 2);
        }
    }

    private static String rowName(List<String> classes, int i, boolean compact) {
        String name = classes.get(i);
        return compact && !name.equals(String.valueOf(i)) ? i + " " + name : name;
    }
}
