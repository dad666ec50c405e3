package org.convlab.ui.app;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The middle region as a view switcher: Start, Lesson (the guided X/O lesson, selected at launch),
 * Step through (the trace views plug in with {@link #setStepThrough}), Summary, Diagram, and the
 * views added with {@link #addLater} (Train, Draw). Ctrl+1..7 select them (View menu).
 * Ids: {@code #mainView} (this), tabs {@code #viewStart}, {@code #viewLesson},
 * {@code #viewStepThrough}, {@code #viewSummary}, {@code #viewDiagram}, {@code #viewTrain},
 * {@code #viewDraw}.
 */
public final class CenterViews extends TabPane {
    public static final String START = "viewStart";
    public static final String LESSON = "viewLesson";
    public static final String STEP_THROUGH = "viewStepThrough";
    public static final String SUMMARY = "viewSummary";
    public static final String DIAGRAM = "viewDiagram";
    public static final String TRAIN = "viewTrain";
    public static final String DRAW = "viewDraw";
    /** The kernel lab (issue 16): hand-made kernels on a photo. */
    public static final String KERNELS = "viewKernels";

    private final Tab stepThrough;

    public CenterViews(Node start, Node lesson, Node summary, Node diagram) {
        setId("mainView");
        getStyleClass().add("main-view");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        Label later = new Label("The step-through views of the X/O lesson appear here.");
        later.getStyleClass().add("caption");
        // "Steps", not "Step through": beside both side panels at 1024 px the bar has ~480 px, and the
        // eighth tab (Photo, the kernel lab) needs the room; the View menu keeps "Step through"
        stepThrough = tab("Steps", STEP_THROUGH, later);
        stepThrough.getProperties().put(org.convlab.ui.stepper.StepperTabs.FULL_NAME, "Step through"); // figure file names
        stepThrough.setTooltip(new javafx.scene.control.Tooltip("Step through the net, number by number: convolution,"
                + " pooling, ReLU, votes, feature maps, filters and backpropagation (Ctrl+3)"));
        // Only the lesson is in the scene at launch: a tab's content joins the scene (and pays
        // for CSS and layout) when the tab is first shown, which keeps start-up short.
        getTabs().addAll(deferred("Start", START, start), tab("Lesson", LESSON, lesson), stepThrough,
                deferred("Summary", SUMMARY, summary), deferred("Diagram", DIAGRAM, diagram));
        show(LESSON);
    }

    /** Puts the step-through views (the trace package's) in their tab. */
    public void setStepThrough(Node views) {
        stepThrough.setContent(views);
    }

    /**
     * Builds the step-through views the first time their tab is shown, so they cost nothing
     * at start-up.
     */
    public void setStepThroughLater(java.util.function.Supplier<Node> views) {
        Runnable build = () -> {
            if (stepThrough.isSelected() && stepThrough.getUserData() == null) {
                stepThrough.setUserData(Boolean.TRUE);
                setStepThrough(views.get());
            }
        };
        stepThrough.selectedProperty().addListener((o, a, b) -> build.run());
        build.run();
    }

    /** Adds a tab whose view is built the first time it is shown, so it costs nothing at start-up. */
    public void addLater(String title, String id, java.util.function.Supplier<Node> view) {
        Tab t = tab(title, id, new Label());
        getTabs().add(t);
        t.selectedProperty().addListener((o, was, selected) -> {
            if (selected && t.getUserData() == null) {
                t.setUserData(Boolean.TRUE);
                t.setContent(view.get());
            }
        });
    }

    /** Selects the tab with this id. */
    public void show(String id) {
        getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .ifPresent(t -> getSelectionModel().select(t));
    }

    private static Tab deferred(String title, String id, Node content) {
        Tab t = tab(title, id, new Label());
        t.selectedProperty().addListener((o, was, selected) -> {
            if (selected && t.getContent() != content) {
                t.setContent(content);
            }
        });
        return t;
    }

    private static Tab tab(String title, String id, Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }
}
