package org.convlab.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.convlab.data.xo.XoLesson;
import org.convlab.nn.layers.DenseLayer;
import org.convlab.nn.layers.PoolLayer;
import org.convlab.ui.Stepping;
import org.convlab.ui.Theme;

/**
 * The guided X/O lesson, the main window's Lesson tab: the slides in order, one step at a time,
 * each with one or two sentences made from the current numbers and the live view that shows it,
 * all on the same session (flip a pixel wherever the input is drawn and every step follows; the
 * step-through tab's views share the session too). A step's view is built the first time the step
 * is shown, so opening the app builds only the first picture. Layer order is the network's:
 * convolution, ReLU, then pooling (the slides pool first; for max pooling the two orders give the
 * same maps). Keys and a presenter's clicker step it through {@link Stepping}.
 * Ids: {@code #lessonPrev}, {@code #lessonNext}, {@code #lessonTitle}, {@code #lessonText},
 * {@code #lessonPosition}, {@code #lessonContent}, {@code #lessonReset}, {@code #inputX} ...
 */
public final class XoLessonSequence extends VBox implements Stepping {
    static final String CSS = "/org/convlab/ui/lesson/lesson.css";
    /** Votes listed per class on the votes step (the rest are summed on one line), so the step fits a 768-pixel screen. */
    static final int LEDGER_ROWS = 5;

    private final StepperSession session;
    private final LessonInputs inputs;
    private final List<LessonStep> steps = new ArrayList<>();
    private final List<Node> built = new ArrayList<>();
    private final IntegerProperty index = new SimpleIntegerProperty(-1);
    private final Label title = new Label();
    private final Label text = new Label();
    private final Label position = new Label();
    private final StackPane content = new StackPane();
    private final Button prev = new Button("\u25C0 Previous");
    private final Button next = new Button("Next \u25B6");
    private ConvStepView conv;
    private final LessonBackwardSteps backward;
    /** The room the pictures may take: see {@link #setViewportHeight}. */
    private final LessonRoom room = new LessonRoom();
    private double viewportHeight;

    public XoLessonSequence(StepperSession session, XoLesson lesson) {
        this.session = session;
        this.inputs = new LessonInputs(session, lesson);
        setMinWidth(0); // take the width the region offers; the grids size themselves to it
        getStyleClass().addAll("stepper-view", "lesson-sequence");
        getStylesheets().addAll(StepperTabs.class.getResource(StepperTabs.CSS).toExternalForm(),
                XoLessonSequence.class.getResource(CSS).toExternalForm());
        int relu1 = session.tracer().findActivation(0);
        int pool1 = session.tracer().find(PoolLayer.class, 0);
        int dense = session.tracer().find(DenseLayer.class, 0);
        Supplier<PoolStepView> pool = once(() -> new PoolStepView(session));
        Supplier<ReluView> relu = once(() -> new ReluView(session));
        Supplier<VoteView> votes = once(() -> {
            VoteView v = new VoteView(session);
            v.setShown(LEDGER_ROWS);
            v.setLedgersOnly(true); // softmax and the answer are the next step
            return v;
        });

        steps.add(new LessonStep("What the computer sees", () -> whatTheComputerSees(),
                once(() -> LessonPictures.whatTheComputerSees(session, inputs, room)), () -> { }));
        steps.add(new LessonStep("Features match pieces", () -> featuresMatchPieces(),
                once(() -> LessonPictures.featuresMatchPieces(session, lesson, room)), () -> { }));
        steps.add(new LessonStep("Filtering: the math (1)",
                () -> "Line the feature up with a patch, multiply pixel by pixel, add up, and divide by the number of "
                        + "pixels (9). Here " + numbers().windowSentence(0, 1, 1),
                this::convView, () -> conv.configure(0, 0, 1 * 7 + 1)));
        steps.add(new LessonStep("Filtering: the math (2)",
                () -> "At the centre, " + numbers().windowSentence(0, 3, 3),
                this::convView, () -> conv.configure(0, 0, 3 * 7 + 3)));
        steps.add(new LessonStep("Filtering: the whole map",
                () -> "Repeat for every position: the " + size(numbers().convShape().height(), numbers().convShape().width())
                        + " map shows how well the feature matches everywhere. Press Play to watch it fill, or click any "
                        + "output cell to see its window.",
                this::convView, () -> conv.configure(0, 0, 48)));
        steps.add(new LessonStep("Convolution layer: a stack of maps",
                () -> "One image becomes a stack of " + numbers().convShape().channels() + " filtered images, one per "
                        + "feature. That is a convolution layer.",
                once(() -> LessonPictures.mapStack(session, room)), () -> { }));
        steps.add(new LessonStep("ReLU",
                () -> "Rectified linear units: every negative value becomes 0 (marked cells), so only matches remain. "
                        + "Here " + numbers().negatives(0) + " of the " + numbers().convShape().plane() + " values of the "
                        + LessonPictures.name(0) + " map were negative.",
                relu::get, () -> relu.get().configure(relu1, 0)));
        steps.add(new LessonStep("Pooling",
                () -> "Walk a 2 x 2 window with stride 2 and keep the largest value. The slides keep the partial windows at "
                        + "the edges, so the " + size(numbers().convShape().height(), numbers().convShape().width())
                        + " map shrinks to " + size(numbers().pooledShape().height(), numbers().pooledShape().width()) + ".",
                pool::get, () -> pool.get().configure(pool1, 0, 0)));
        steps.add(new LessonStep("Layers get stacked",
                () -> "The output of one layer is the input of the next: each feature's map, then the same map after "
                        + "ReLU, then after pooling. (Steps > Maps shows every layer; click a map there "
                        + "to see which input pixels a unit sees.)",
                once(() -> LessonPictures.layerStack(session, room)), () -> { }));
        steps.add(new LessonStep("Fully connected votes", () -> numbers().voteSentence(),
                votes::get, () -> votes.get().configure(dense)));
        steps.add(new LessonStep("The answer", () -> numbers().answerSentence(),
                once(() -> LessonPictures.answer(session)), () -> { }));
        backward = new LessonBackwardSteps(session, inputs, room, this::refreshText);
        steps.addAll(backward.steps()); // issue 15: "what if we want it surer?", then train the votes
        for (int i = 0; i < steps.size(); i++) {
            built.add(null);
        }

        title.setId("lessonTitle");
        title.getStyleClass().add("view-title");
        text.setId("lessonText");
        text.getStyleClass().add("lesson-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE); // wrapped sentences take the lines they need
        position.setId("lessonPosition");
        content.setId("lessonContent");
        content.setAlignment(Pos.TOP_LEFT);
        prev.setId("lessonPrev");
        next.setId("lessonNext");
        prev.setTooltip(new Tooltip("The previous step (Left, Page Up)"));
        next.setTooltip(new Tooltip("The next step (Right, Page Down, Space)"));
        prev.setOnAction(e -> previous());
        next.setOnAction(e -> next());
        // a flow: in a narrow middle region or at a large text size the input choice moves to a
        // second line instead of squeezing "Previous" and "Next" to "Prev..." and "Ne..."
        javafx.scene.layout.FlowPane nav = new javafx.scene.layout.FlowPane(prev, next, inputs.bar(), position);
        nav.setAlignment(Pos.CENTER_LEFT);
        index.addListener((o, a, b) -> show(b.intValue()));
        session.snapshotProperty().addListener((o, a, b) -> refreshText());
        session.fractionsProperty().addListener((o, a, b) -> refreshText());
        session.modifiedProperty().addListener((o, a, b) -> refreshText());
        getChildren().addAll(nav, title, text, content);
        Runnable space = () -> {
            nav.setHgap(Theme.px(0.6));
            nav.setVgap(Theme.px(0.4));
            setSpacing(Theme.px(0.5));
            setPadding(new Insets(Theme.px(0.8), Theme.px(1.3), Theme.px(0.8), Theme.px(1.3)));
        };
        space.run();
        Theme.onChange(this, space);
        widthProperty().addListener((o, a, b) -> room.width.set(b.doubleValue() - getPadding().getLeft() - getPadding().getRight()));
        content.layoutYProperty().addListener((o, a, b) -> updateRoomHeight());
        index.set(0);
    }

    private String whatTheComputerSees() {
        int n = LessonPictures.differing(session, inputs);
        String pair = inputs.chosen() == 2 ? "" : " To us both are X's; pixel by pixel they are not alike.";
        return "To a computer an image is a grid of numbers: +1 for ink, -1 for background. The " + inputs.inputName()
                + " and the " + inputs.comparedName() + " differ in " + n + " of 81 pixels "
                + "(marked)." + pair + " Click a pixel of the input to flip it.";
    }

    private String featuresMatchPieces() {
        StringBuilder b = new StringBuilder("A ConvNet compares pieces instead: small 3 x 3 features, each a piece of an X. "
                + "Outlined: where each matches the " + inputs.inputName() + " best (");
        int features = numbers().convShape().channels();
        for (int f = 0; f < features; f++) {
            b.append(f == 0 ? "" : ", ").append(LessonPictures.name(f)).append(' ')
                    .append(LessonPictures.matchText(session, f));
        }
        return b.append(").").toString();
    }

    private LessonNumbers numbers() {
        return new LessonNumbers(session);
    }

    private static String size(int h, int w) {
        return h + " x " + w;
    }

    /**
     * The height of the part of the lesson that shows (the Lesson tab's viewport): the pictures
     * take what is left under the step's text, so a step fits without scrolling where it can.
     */
    public void setViewportHeight(double h) {
        viewportHeight = h;
        updateRoomHeight();
    }

    private void updateRoomHeight() {
        room.height.set(viewportHeight <= 0 ? 0 : Math.max(0, viewportHeight - content.getLayoutY() - getPadding().getBottom()));
    }

    /** Steps {@code by} slides (+1 forward, -1 back); false at either end. */
    @Override
    public boolean step(int by) {
        int before = index.get();
        go(before + by);
        return index.get() != before;
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

    /** The lesson's session. */
    public StepperSession session() {
        return session;
    }

    /** The convolution view the filtering steps use (built on first use). */
    public ConvStepView convView() {
        if (conv == null) {
            conv = new ConvStepView(session);
        }
        return conv;
    }

    /** The index of the step titled {@code title}, or -1. */
    public int indexOf(String title) {
        for (int k = 0; k < steps.size(); k++) {
            if (steps.get(k).title().equals(title)) {
                return k;
            }
        }
        return -1;
    }

    /** The backward steps and "Train the votes" (issue 15). */
    LessonBackwardSteps backwardSteps() {
        return backward;
    }

    /** The current step's sentences. */
    public String text() {
        return text.getText();
    }

    private void show(int k) {
        LessonStep step = steps.get(k);
        title.setText(step.title());
        position.setText((k + 1) + " / " + steps.size());
        if (built.get(k) == null) {
            built.set(k, step.view().get());
        }
        content.getChildren().setAll(built.get(k));
        step.onEnter().run();
        refreshText();
        prev.setDisable(k == 0);
        next.setDisable(k == steps.size() - 1);
    }

    private void refreshText() {
        if (index.get() >= 0) {
            text.setText(steps.get(index.get()).text().get());
        }
    }

    /** A supplier that makes its value once, on first use. */
    private static <T> Supplier<T> once(Supplier<T> make) {
        List<T> box = new ArrayList<>(1);
        return () -> {
            if (box.isEmpty()) {
                box.add(make.get());
            }
            return box.get(0);
        };
    }
}
