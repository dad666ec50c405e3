package org.convlab.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.convlab.data.xo.XoLesson;
import org.convlab.ui.maps.FeatureMapGallery;

/**
 * The guided X/O lesson: the slides in order, one step at a time, each with one or two sentences
 * and the live view that shows it, all on the same network and input (flip a pixel in the
 * convolution step and every later step follows). Layer order is the network's: convolution,
 * ReLU, then pooling (the slides pool first; for max pooling the two orders give the same maps).
 * Ids: {@code #lessonPrev}, {@code #lessonNext}, {@code #lessonTitle}, {@code #lessonText},
 * {@code #lessonPosition}, {@code #lessonContent}.
 */
public final class XoLessonSequence extends VBox {
    private final List<LessonStep> steps = new ArrayList<>();
    private final IntegerProperty index = new SimpleIntegerProperty(-1);
    private final Label title = new Label();
    private final Label text = new Label();
    private final Label position = new Label();
    private final StackPane content = new StackPane();
    private final Button prev = new Button("\u25C0 Previous");
    private final Button next = new Button("Next \u25B6");
    private final ConvStepView conv;

    public XoLessonSequence(StepperSession session, XoLesson lesson) {
        setMinWidth(0); // take the width the region offers; the grids size themselves to it
        getStyleClass().addAll("stepper-view", "lesson-sequence");
        conv = new ConvStepView(session);
        PoolStepView pool = new PoolStepView(session);
        ReluView relu = new ReluView(session);
        VoteView votes = new VoteView(session);
        FeatureMapGallery maps = new FeatureMapGallery(session.snapshotProperty(), session.network().layerInfos(),
                session.inkPixels(), v -> Grids.ratioText(v, session.fractionDivisor(), session.format()));
        int conv1 = 0;
        int relu1 = session.tracer().findActivation(0);
        int pool1 = session.tracer().find(org.convlab.nn.layers.PoolLayer.class, 0);
        int dense = session.tracer().find(org.convlab.nn.layers.DenseLayer.class, 0);

        steps.add(new LessonStep("What the computer sees",
                "To a computer an image is a grid of numbers: +1 for ink, -1 for background. "
                        + "Compared pixel by pixel, the deformed X does not match the X.",
                LessonPictures.whatTheComputerSees(lesson), () -> { }));
        steps.add(new LessonStep("Features match pieces",
                "A ConvNet compares pieces instead: small features, each a piece of an X. "
                        + "Each feature matches the X perfectly somewhere (outlined).",
                LessonPictures.featuresMatchPieces(lesson), () -> { }));
        steps.add(new LessonStep("Filtering: the math (1)",
                "Line the feature up with a patch, multiply pixel by pixel, add up, and divide by the number of "
                        + "pixels (9). Here every pixel matches: 9 / 9 = 1.00.",
                conv, () -> conv.configure(conv1, 0, 1 * 7 + 1)));
        steps.add(new LessonStep("Filtering: the math (2)",
                "At the centre of the X two of the nine pixels disagree: 7 - 2 = 5, and 5 / 9 = 0.55 "
                        + "(the slides cut to 2 decimals; 5/9 = 0.555...).",
                conv, () -> conv.configure(conv1, 0, 3 * 7 + 3)));
        steps.add(new LessonStep("Filtering: the whole map",
                "Repeat for every position: the 7 x 7 map shows how well the feature matches everywhere. "
                        + "Press Play to watch it fill, or click any output cell to see its window.",
                conv, () -> conv.configure(conv1, 0, 48)));
        steps.add(new LessonStep("Convolution layer: a stack of maps",
                "One image becomes a stack of filtered images, one per feature. That is a convolution layer.",
                LessonPictures.mapStack(session), () -> { }));
        steps.add(new LessonStep("ReLU",
                "Rectified linear units: every negative value becomes 0 (marked cells), so only matches remain.",
                relu, () -> relu.configure(relu1, 0)));
        steps.add(new LessonStep("Pooling",
                "Walk a 2 x 2 window with stride 2 and keep the largest value. The slides keep the partial windows at "
                        + "the edges, so the 7 x 7 map shrinks to 4 x 4.",
                pool, () -> pool.configure(pool1, 0, 0)));
        steps.add(new LessonStep("Layers get stacked",
                "The output of one layer is the input of the next: convolution, ReLU, pooling. Click any map to "
                        + "enlarge it and see which input pixels a unit sees.",
                maps, () -> { }));
        steps.add(new LessonStep("Fully connected votes",
                "Every pooled value gets a vote for X and for O: value times weight, added up. The slides give no "
                        + "weights, so each class votes with its own template (the clean X's pooled values, and the O's, "
                        + "scaled to add up to 1): each total is a weighted average, from 0 to 1; training learns such "
                        + "weights instead.",
                votes, () -> votes.configure(dense)));
        steps.add(new LessonStep("The answer",
                "The class with the most votes wins. Flip pixels in the filtering steps to see the answer change.",
                LessonPictures.answer(session), () -> { }));

        title.setId("lessonTitle");
        title.getStyleClass().add("view-title");
        text.setId("lessonText");
        text.getStyleClass().add("lesson-text");
        text.setWrapText(true);
        position.setId("lessonPosition");
        content.setId("lessonContent");
        content.setAlignment(Pos.TOP_LEFT);
        prev.setId("lessonPrev");
        next.setId("lessonNext");
        prev.setOnAction(e -> previous());
        next.setOnAction(e -> next());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox nav = new HBox(10, prev, next, gap, inputChoice(session, lesson), position);
        nav.setAlignment(Pos.CENTER_LEFT);
        index.addListener((o, a, b) -> show(b.intValue()));
        getChildren().addAll(nav, title, text, content);
        setSpacing(8);
        setPadding(new Insets(12, 20, 12, 20));
        index.set(0);
    }

    /** X, deformed X or O as the input of every step (flipped pixels are replaced). */
    private static HBox inputChoice(StepperSession session, XoLesson lesson) {
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        HBox bar = new HBox(0);
        bar.getStyleClass().add("choice-bar");
        String[][] choices = {{"X", "inputX"}, {"deformed X", "inputDeformed"}, {"O", "inputO"}};
        int[][][] images = {lesson.x(), lesson.xDeformed(), lesson.o()};
        for (int i = 0; i < choices.length; i++) {
            javafx.scene.control.ToggleButton b = new javafx.scene.control.ToggleButton(choices[i][0]);
            b.setId(choices[i][1]);
            b.setToggleGroup(group);
            int[][] image = images[i];
            b.setOnAction(e -> {
                session.setInput(LessonNetwork.input(image));
                b.setSelected(true); // one image is always chosen
            });
            bar.getChildren().add(b);
        }
        bar.getChildren().get(0).getStyleClass().add("first");
        bar.getChildren().get(2).getStyleClass().add("last");
        ((javafx.scene.control.ToggleButton) bar.getChildren().get(0)).setSelected(true);
        bar.setAlignment(Pos.CENTER_RIGHT);
        return bar;
    }

    public void next() {
        go(index.get() + 1);
    }

    public void previous() {
        go(index.get() - 1);
    }

    public void go(int k) {
        index.set(Math.max(0, Math.min(steps.size() - 1, k)));
    }

    public int index() {
        return index.get();
    }

    public int size() {
        return steps.size();
    }

    public IntegerProperty indexProperty() {
        return index;
    }

    /** The convolution view the filtering steps use. */
    public ConvStepView convView() {
        return conv;
    }

    private void show(int k) {
        LessonStep step = steps.get(k);
        title.setText(step.title());
        text.setText(step.text());
        position.setText((k + 1) + " / " + steps.size());
        content.getChildren().setAll(step.view());
        step.onEnter().run();
        prev.setDisable(k == 0);
        next.setDisable(k == steps.size() - 1);
    }
}
