package org.convlab.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convlab.data.xo.XoLesson;
import org.convlab.engine.Shape;
import org.convlab.trace.LayerOutput;
import org.convlab.ui.Theme;
import org.convlab.ui.maps.ValueGrid;

/**
 * The lesson's pictures that are not a step-through: the input beside another lesson image, the
 * features on the input, the map stack, the answer. Each follows the session (a flipped pixel, a
 * new input, fractions) and the app's scale; wherever the input is drawn, clicking a pixel flips it.
 */
final class LessonPictures {
    static final String[] FEATURE_NAMES = {"diagonal \\", "cross X", "diagonal /"};
    /** Grid cells in ems: the 9x9 input, the small input beside a feature, a feature, a map. */
    private static final double INPUT_CELL = 3.0;
    private static final double SMALL_CELL = 1.6;
    private static final double FEATURE_CELL = 1.7;
    private static final double MAP_CELL = 2.6;

    private LessonPictures() {}

    /** The input (clickable) and the image it is compared with, the pixels where they differ marked on both. */
    static Node whatTheComputerSees(StepperSession session, LessonInputs inputs, LessonRoom room) {
        HBox pair = new HBox();
        pair.setAlignment(Pos.TOP_LEFT);
        Runnable draw = () -> {
            float[] x = session.input();
            float[] other = LessonNetwork.input(inputs.comparedWith());
            boolean[] differ = new boolean[x.length];
            for (int i = 0; i < x.length; i++) {
                differ[i] = x[i] != other[i];
            }
            double gap = Theme.px(2.5);
            double cell = room.cell(18, gap, 9, Theme.px(2.2), INPUT_CELL);
            ValueGrid in = inkGrid("lessonX", x, differ, cell);
            in.setOnCell((r, c) -> session.flip(0, r, c));
            ValueGrid cmp = inkGrid("lessonDeformed", other, differ, cell);
            pair.setSpacing(gap);
            pair.getChildren().setAll(Grids.titled(new Label("Input: " + inputs.inputName()), in),
                    Grids.titled(new Label(inputs.comparedName()), cmp));
        };
        follow(pair, session, draw, room);
        return pair;
    }

    /** Pixels where the input and the image it is compared with differ. */
    static int differing(StepperSession session, LessonInputs inputs) {
        float[] x = session.input();
        float[] other = LessonNetwork.input(inputs.comparedWith());
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            n += x[i] != other[i] ? 1 : 0;
        }
        return n;
    }

    /** Each feature beside the input with the window where it matches best outlined (the first of ties). */
    static Node featuresMatchPieces(StepperSession session, XoLesson lesson, LessonRoom room) {
        HBox row = new HBox();
        Runnable draw = () -> {
            row.getChildren().clear();
            double gap = Theme.px(2);
            row.setSpacing(gap);
            // under each feature (3 cells, its title) the input and a caption
            double small = room.cell(27, 2 * gap, 9, 3 * (Theme.px(FEATURE_CELL) + 3) + Theme.px(5), SMALL_CELL);
            float[] x = session.input();
            List<XoLesson.Feature> features = lesson.features();
            for (int f = 0; f < features.size(); f++) {
                ValueGrid feature = new ValueGrid(Theme.px(FEATURE_CELL));
                feature.setId("lessonFeature" + f);
                feature.setData(LessonNetwork.input(features.get(f).pixels()), 3, 3);
                feature.setStyle(ValueGrid.Style.INK);
                feature.setFormatter(v -> Integer.toString((int) (float) v));
                feature.draw();
                ValueGrid on = inkGrid("lessonPiece" + f, x, null, small);
                on.setOnCell((r, c) -> session.flip(0, r, c));
                int[] best = bestMatch(session, f);
                List<int[]> window = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        window.add(new int[] {best[0] + i, best[1] + j});
                    }
                }
                on.setWindow(window);
                on.draw();
                Label match = new Label("best: " + matchText(session, f));
                match.setId("lessonPieceMatch" + f);
                VBox one = new VBox(Theme.px(0.5), Grids.titled(new Label(name(f)), feature), on, match);
                one.setAlignment(Pos.TOP_CENTER);
                row.getChildren().add(one);
            }
        };
        follow(row, session, draw, room);
        return row;
    }

    /** Where feature {@code f}'s map is largest (row, column; the first in reading order on ties). */
    static int[] bestMatch(StepperSession session, int f) {
        LayerOutput conv = session.snapshot().layer(0);
        float[] plane = conv.plane(f);
        int w = conv.shape().width();
        int best = 0;
        for (int i = 1; i < plane.length; i++) {
            best = plane[i] > plane[best] ? i : best;
        }
        return new int[] {best / w, best % w};
    }

    /** Feature {@code f}'s best match as "9/9 = 1.00". */
    static String matchText(StepperSession session, int f) {
        int[] at = bestMatch(session, f);
        float v = session.snapshot().layer(0).plane(f)[at[0] * session.snapshot().layer(0).shape().width() + at[1]];
        long n = Math.round(v * 9);
        return n + "/9 = " + session.format().withFractions(false).decimal(v);
    }

    static String name(int f) {
        return f < FEATURE_NAMES.length ? FEATURE_NAMES[f] : "filter " + f;
    }

    /** The conv layer's output as a stack of maps, one per feature, with their values. */
    static Node mapStack(StepperSession session, LessonRoom room) {
        HBox row = new HBox();
        Runnable draw = () -> {
            row.getChildren().clear();
            double gap = Theme.px(1.5);
            row.setSpacing(gap);
            LayerOutput conv = session.snapshot().layer(0);
            Shape shape = conv.shape();
            double cell = room.cell(shape.channels() * shape.width(), (shape.channels() - 1) * gap, shape.height(),
                    Theme.px(2.2), MAP_CELL);
            for (int c = 0; c < shape.channels(); c++) {
                ValueGrid g = new ValueGrid(cell);
                g.setId("lessonMap" + c);
                g.setData(conv.plane(c), shape.height(), shape.width());
                g.setLimit(1);
                g.setFormatter(v -> Grids.ratioText(v, session.fractionDivisor(), session.format()));
                g.draw();
                row.getChildren().add(Grids.titled(new Label(name(c)), g));
            }
        };
        follow(row, session, draw, room);
        return row;
    }

    /**
     * The layers stacked, as one picture that fits the screen: a row per feature, and in it the
     * convolution's map, the same map after ReLU and after pooling, each the next one's input.
     * (The Step through tab's Feature maps show every layer of any net, with clicks for the
     * receptive field; this is the lesson's view of the three layers it has just shown.)
     */
    static Node layerStack(StepperSession session, LessonRoom room) {
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setId("lessonLayerStack");
        Runnable draw = () -> {
            grid.getChildren().clear();
            double gap = Theme.px(1.2);
            grid.setHgap(gap);
            grid.setVgap(Theme.px(0.4));
            org.convlab.trace.NetworkTracer tracer = session.tracer();
            int relu = tracer.findActivation(0);
            int pool = tracer.find(org.convlab.nn.layers.PoolLayer.class, 0);
            int[] layers = {0, relu, pool};
            String[] titles = {"convolution", "ReLU", "pooling"};
            Shape conv = session.snapshot().layer(0).shape();
            Shape pooled = pool < 0 ? conv : session.snapshot().layer(pool).shape();
            int across = 2 * conv.width() + pooled.width() + 4; // three maps and the feature names' column
            int down = conv.channels() * conv.height();
            double cell = room.cell(across, 3 * gap, down, Theme.px(2.0) + conv.channels() * Theme.px(0.4), MAP_CELL);
            for (int k = 0; k < layers.length; k++) {
                if (layers[k] >= 0) {
                    Label t = new Label(titles[k]);
                    t.getStyleClass().add("section-title");
                    grid.add(t, k + 1, 0);
                    javafx.scene.layout.GridPane.setHalignment(t, javafx.geometry.HPos.CENTER);
                }
            }
            for (int c = 0; c < conv.channels(); c++) {
                Label feature = new Label(name(c));
                feature.getStyleClass().add("feature-name");
                grid.add(feature, 0, c + 1);
                for (int k = 0; k < layers.length; k++) {
                    if (layers[k] < 0) {
                        continue;
                    }
                    LayerOutput out = session.snapshot().layer(layers[k]);
                    ValueGrid g = new ValueGrid(cell);
                    g.setId("lessonStack" + k + "_" + c);
                    g.setData(out.plane(c), out.shape().height(), out.shape().width());
                    g.setLimit(1);
                    g.setStyle(k == 0 ? ValueGrid.Style.DIVERGING : ValueGrid.Style.SEQUENTIAL);
                    g.setFormatter(v -> Grids.ratioText(v, session.fractionDivisor(), session.format()));
                    g.draw();
                    grid.add(g, k + 1, c + 1);
                    javafx.scene.layout.GridPane.setValignment(g, javafx.geometry.VPos.TOP);
                }
            }
        };
        follow(grid, session, draw, room);
        return grid;
    }

    /**
     * The network's answer: "It is an X" in large type, both vote totals as the slides write them
     * ("X: 1.00"), then softmax's probabilities with one sentence on what softmax does.
     */
    static Node answer(StepperSession session) {
        Label big = new Label();
        big.setId("lessonAnswer");
        big.getStyleClass().add("lesson-answer");
        Label totals = new Label();
        totals.setId("lessonTotals");
        totals.getStyleClass().add("lesson-totals");
        Label softmax = new Label();
        softmax.setId("lessonSoftmax");
        softmax.getStyleClass().add("lesson-totals");
        Label explain = new Label();
        explain.setId("lessonSoftmaxText");
        explain.getStyleClass().add("lesson-text");
        explain.setWrapText(true);
        VBox box = new VBox(big, totals, softmax, explain);
        Runnable draw = () -> {
            LessonNumbers n = new LessonNumbers(session);
            big.setText("It is an " + n.winner());
            totals.setText(n.totalsLine());
            softmax.setText(n.softmaxLine());
            explain.setText(n.softmaxSentence());
            box.setSpacing(Theme.px(0.8));
        };
        follow(box, session, draw, null);
        return box;
    }

    /**
     * Runs {@code draw} now and whenever the session's numbers, its number format, the scale or the
     * room (when given) change.
     */
    private static void follow(Node owner, StepperSession session, Runnable draw, LessonRoom room) {
        draw.run();
        session.snapshotProperty().addListener((o, a, b) -> draw.run());
        session.fractionsProperty().addListener((o, a, b) -> draw.run());
        Theme.onChange(owner, draw);
        if (room != null) {
            room.onChange(draw);
        }
    }

    private static ValueGrid inkGrid(String id, float[] x, boolean[] marked, double cell) {
        ValueGrid g = new ValueGrid(cell);
        g.setId(id);
        g.setData(x, 9, 9);
        g.setStyle(ValueGrid.Style.INK);
        g.setFormatter(v -> Integer.toString((int) (float) v));
        g.setMarked(marked);
        g.draw();
        return g;
    }
}
