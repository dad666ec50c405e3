package org.convlab.ui.lab;

import java.util.Locale;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.convlab.trace.filtering.ImageKernel;
import org.convlab.ui.editor.EditorModel;

/**
 * The "Learned vs hand-made" window: each conv1 filter of a LeNet trained on first use (in the
 * background: {@link FilterMatch}) beside the classic kernel it resembles most, with the cosine
 * similarity, drawn as grey squares (grey 0, white the largest positive weight, black the most
 * negative). Id of its content: {@code #labLearnedView}.
 */
final class LearnedFilters {
    private static volatile FilterMatch.Outcome trained;
    private static volatile boolean training;

    private LearnedFilters() {}

    static void show(Node owner, EditorModel model) {
        VBox box = new VBox(10);
        box.setId("labLearnedView");
        box.setPadding(new Insets(12));
        Label status = new Label("Training a LeNet-5 on synthetic bars (a few seconds)...");
        status.setWrapText(true);
        box.getChildren().add(status);
        Stage stage = new Stage();
        stage.setTitle("Learned vs hand-made filters");
        if (owner.getScene() != null) {
            stage.initOwner(owner.getScene().getWindow());
        }
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        stage.setScene(new Scene(scroll, 640, 640));
        stage.show();
        FilterMatch.Outcome done = trained;
        if (done != null) {
            fill(box, done);
        } else if (!training) {
            training = true;
            Thread t = new Thread(() -> {
                FilterMatch.Outcome o = FilterMatch.trainAndMatch();
                trained = o;
                training = false;
                Platform.runLater(() -> fill(box, o));
            }, "learned-filters");
            t.setDaemon(true);
            t.start();
        } else {
            status.setText("Still training: open this window again in a few seconds.");
        }
    }

    /** The pairs as rows: learned filter, nearest classic, name and cosine. */
    static void fill(VBox box, FilterMatch.Outcome o) {
        box.getChildren().clear();
        Label how = new Label(o.how() + "; it classifies " + Math.round(o.accuracy() * 100) + "% of 200 fresh bars"
                + " correctly. Each learned 5x5 filter is matched to the classic kernel (3x3 ones zero-padded to 5x5)"
                + " or its negative with the largest cosine similarity of the weights, |cos| from 0 (unrelated) to 1"
                + " (the same up to scale). A resemblance, not an identity: the same net's untrained filters (seed "
                + FilterMatch.SEED + ") score " + String.format(Locale.ROOT, "%.2f", o.untrainedCosine())
                + " on average, the trained ones " + String.format(Locale.ROOT, "%.2f", o.trainedCosine())
                + "; a short training on an easy task moves random filters only a little.");
        how.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(10);
        grid.addRow(0, new Label("learned"), new Label("nearest classic"), new Label(""));
        int row = 1;
        for (FilterMatch.Pair p : o.pairs()) {
            ImageKernel k = p.classic();
            float[] classic = FilterMatch.toFive(k);
            for (int i = 0; i < classic.length && p.negated(); i++) {
                classic[i] = -classic[i]; // drawn as matched: "minus emboss" shows the negated emboss
            }
            grid.addRow(row, square(p.learned(), 5), square(classic, 5),
                    new Label("conv1 filter " + row + " \u2248 " + (p.negated() ? "minus " : "") + k.name()
                            + String.format(Locale.ROOT, ", cosine %.2f", p.cosine())));
            row++;
        }
        box.getChildren().addAll(how, grid);
    }

    /** A side x side kernel drawn as squares: grey 0, white the largest positive, black the most negative. */
    static Canvas square(float[] w, int side) {
        double cell = 14;
        Canvas c = new Canvas(side * cell, side * cell);
        GraphicsContext g = c.getGraphicsContext2D();
        float top = 0;
        for (float v : w) {
            top = Math.max(top, Math.abs(v));
        }
        for (int r = 0; r < side; r++) {
            for (int col = 0; col < side; col++) {
                double s = top == 0 ? 0.5 : 0.5 + w[r * side + col] / (2 * top);
                g.setFill(Color.gray(Math.max(0, Math.min(1, s))));
                g.fillRect(col * cell, r * cell, cell, cell);
            }
        }
        g.setStroke(Color.web("#8a94a3"));
        g.strokeRect(0.5, 0.5, side * cell - 1, side * cell - 1);
        return c;
    }
}
