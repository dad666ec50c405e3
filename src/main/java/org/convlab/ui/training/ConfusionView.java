package org.convlab.ui.training;

import java.util.List;
import java.util.Locale;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.convlab.train.Evaluation;

/**
 * The confusion matrix (row = true class, column = predicted, as scikit-learn prints it), each
 * cell shaded by its share of the row, with per-class accuracy at the end of each row.
 */
final class ConfusionView extends VBox {
    private final Label title = new Label("Confusion matrix: after the first epoch");
    private final GridPane grid = new GridPane();
    private final Label hover = new Label();
    private static final Font SMALL = Font.font(10);
    private static final Font NORMAL = Font.font(11);
    private EpochReport shown;
    private boolean first = true;

    ConfusionView() {
        setId("confusionView");
        setSpacing(4);
        setPadding(new Insets(4));
        title.getStyleClass().add("section-title");
        grid.setHgap(1);
        grid.setVgap(1);
        hover.setStyle("-fx-font-size: 11px; -fx-text-fill: #555;");
        getChildren().addAll(title, grid, hover);
    }

    void show(EpochReport report) {
        if (report == shown && !first) {
            return; // the same epoch's report comes with every snapshot until the next epoch ends
        }
        first = false;
        shown = report;
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        if (report == null) {
            title.setText("Confusion matrix: after the first epoch");
            return;
        }
        Evaluation e = report.evaluation();
        title.setText(String.format(Locale.ROOT, "Confusion, %s set, epoch %d: %.1f%% right",
                report.onTrainingSet() ? "training" : "validation", report.epoch(), 100 * e.accuracy()));
        List<String> classes = e.classes();
        long[][] m = e.confusion();
        double[] perClass = e.perClassAccuracy();
        int k = classes.size();
        boolean compact = k > 6;
        grid.add(small("true \\ predicted"), 0, 0);
        for (int j = 0; j < k; j++) {
            grid.add(small(compact ? String.valueOf(j) : classes.get(j)), j + 1, 0);
        }
        grid.add(small("accuracy"), k + 1, 0);
        for (int i = 0; i < k; i++) {
            long row = 0;
            for (long v : m[i]) {
                row += v;
            }
            String name = classes.get(i);
            grid.add(small(compact && !name.equals(String.valueOf(i)) ? i + " " + name : name), 0, i + 1);
            for (int j = 0; j < k; j++) {
                double share = row == 0 ? 0 : (double) m[i][j] / row;
                Label cell = new Label(String.valueOf(m[i][j]));
                cell.setId("confusion-" + i + "-" + j);
                cell.setMinSize(compact ? 28 : 44, compact ? 17 : 22);
                cell.setAlignment(Pos.CENTER);
                Color base = i == j ? Color.web("#2e7d32") : Color.web("#c62828");
                Color fill = Color.WHITE.interpolate(base, Math.sqrt(share));
                // colours set directly, not as inline CSS: a hundred style strings to parse cost the FX thread
                cell.setBackground(new Background(new BackgroundFill(fill, null, null)));
                cell.setTextFill(share > 0.45 ? Color.WHITE : Color.BLACK);
                cell.setFont(compact ? SMALL : NORMAL);
                // a hover line instead of a Tooltip per cell: each Tooltip is a popup window, and a
                // hundred of them cost the FX thread a visible stutter at every epoch's end
                String hoverText = m[i][j] + " images of " + classes.get(i) + " taken for " + classes.get(j);
                cell.setOnMouseEntered(ev -> hover.setText(hoverText));
                grid.add(cell, j + 1, i + 1);
            }
            Label acc = small(Double.isNaN(perClass[i]) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * perClass[i]));
            acc.setId("classAccuracy-" + i);
            grid.add(acc, k + 1, i + 1);
        }
        ColumnConstraints first = new ColumnConstraints();
        first.setHalignment(HPos.RIGHT);
        grid.getColumnConstraints().add(first);
    }

    private static Label small(String text) {
        Label l = new Label(text);
        l.setFont(NORMAL);
        l.setPadding(new Insets(0, 4, 0, 4));
        return l;
    }
}
