package org.convlab.ui.stepper;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convlab.data.xo.XoLesson;
import org.convlab.engine.Shape;
import org.convlab.nn.layers.DenseLayer;
import org.convlab.trace.ActivationSnapshot;
import org.convlab.trace.LayerOutput;
import org.convlab.ui.maps.ValueGrid;

/** The lesson's pictures that are not a step-through: X vs deformed X, features on the X, the map stack, the answer. */
final class LessonPictures {
    private static final String[] FEATURE_NAMES = {"diagonal \\", "cross X", "diagonal /"};
    /** Where each feature matches the X perfectly (9/9): output row, column. */
    private static final int[][] PERFECT = {{1, 1}, {3, 3}, {1, 5}};

    private LessonPictures() {}

    /** The X and the deformed X side by side, the pixels where they differ marked on both. */
    static Node whatTheComputerSees(XoLesson lesson) {
        float[] x = LessonNetwork.input(lesson.x());
        float[] d = LessonNetwork.input(lesson.xDeformed());
        boolean[] differ = new boolean[x.length];
        int count = 0;
        for (int i = 0; i < x.length; i++) {
            differ[i] = x[i] != d[i];
            count += differ[i] ? 1 : 0;
        }
        ValueGrid gx = inkGrid("lessonX", x, differ);
        ValueGrid gd = inkGrid("lessonDeformed", d, differ);
        Label caption = new Label(count + " of 81 pixels differ (marked): pixel by pixel, the deformed X does not look like the X.");
        caption.getStyleClass().add("caption");
        HBox pair = new HBox(40, Grids.titled(new Label("X"), gx), Grids.titled(new Label("Deformed X"), gd));
        pair.setAlignment(Pos.TOP_LEFT);
        return new VBox(10, pair, caption);
    }

    /** Each feature beside the X with the window where it matches perfectly outlined. */
    static Node featuresMatchPieces(XoLesson lesson) {
        float[] x = LessonNetwork.input(lesson.x());
        HBox row = new HBox(30);
        List<XoLesson.Feature> features = lesson.features();
        for (int f = 0; f < features.size(); f++) {
            ValueGrid feature = new ValueGrid(26);
            feature.setData(LessonNetwork.input(features.get(f).pixels()), 3, 3);
            feature.setStyle(ValueGrid.Style.INK);
            feature.setFormatter(v -> Integer.toString((int) (float) v));
            feature.draw();
            ValueGrid on = inkGrid("lessonPiece" + f, x, null);
            on.setCellSize(22);
            java.util.List<int[]> window = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    window.add(new int[] {PERFECT[f][0] + i, PERFECT[f][1] + j});
                }
            }
            on.setWindow(window);
            on.draw();
            VBox one = new VBox(8, Grids.titled(new Label(FEATURE_NAMES[f]), feature), on);
            one.setAlignment(Pos.TOP_CENTER);
            row.getChildren().add(one);
        }
        return row;
    }

    /** The conv layer's output as a stack of maps, one per feature, with their values. */
    static Node mapStack(StepperSession session) {
        HBox row = new HBox(24);
        Runnable draw = () -> {
            row.getChildren().clear();
            ActivationSnapshot s = session.snapshot();
            LayerOutput conv = s.layer(0);
            Shape shape = conv.shape();
            for (int c = 0; c < shape.channels(); c++) {
                ValueGrid g = new ValueGrid(34);
                g.setId("lessonMap" + c);
                g.setData(conv.plane(c), shape.height(), shape.width());
                g.setLimit(1);
                g.setFormatter(v -> Grids.ratioText(v, session.fractionDivisor(), session.format()));
                g.draw();
                row.getChildren().add(Grids.titled(new Label(c < FEATURE_NAMES.length ? FEATURE_NAMES[c] : "filter " + c), g));
            }
        };
        draw.run();
        session.snapshotProperty().addListener((o, a, b) -> draw.run());
        session.fractionsProperty().addListener((o, a, b) -> draw.run());
        return row;
    }

    /** The network's answer in large type. */
    static Node answer(StepperSession session) {
        Label big = new Label();
        big.setId("lessonAnswer");
        big.getStyleClass().add("stepper-answer");
        Label detail = new Label();
        detail.getStyleClass().add("stepper-math");
        Runnable draw = () -> {
            float[] p = session.snapshot().probabilities();
            int best = 0;
            for (int k = 1; k < p.length; k++) {
                best = p[k] > p[best] ? k : best;
            }
            List<String> names = session.classes();
            big.setText("It is an " + names.get(best));
            // the vote totals (the logits, as the slides show them), then softmax's probabilities
            float[] totals = session.snapshot().layer(session.tracer().find(DenseLayer.class, 0)).data();
            StringBuilder s = new StringBuilder("votes      ");
            StringBuilder q = new StringBuilder("softmax    ");
            for (int k = 0; k < p.length; k++) {
                // fixed-width columns: the monospaced rows line up under each other
                s.append(String.format("%-12s", names.get(k) + ": " + session.format().withFractions(false).decimal(totals[k])));
                q.append(String.format("%-12s", names.get(k) + String.format(": %.1f%%", 100.0 * p[k])));
            }
            detail.setText(s + "\n" + q);
        };
        draw.run();
        session.snapshotProperty().addListener((o, a, b) -> draw.run());
        return new VBox(12, big, detail);
    }

    private static ValueGrid inkGrid(String id, float[] x, boolean[] marked) {
        ValueGrid g = new ValueGrid(34);
        g.setId(id);
        g.setData(x, 9, 9);
        g.setStyle(ValueGrid.Style.INK);
        g.setFormatter(v -> Integer.toString((int) (float) v));
        g.setMarked(marked);
        g.draw();
        return g;
    }
}
