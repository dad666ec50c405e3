package org.convlab.ui.stepper;

import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.convlab.data.xo.XoLesson;
import org.convlab.ui.maps.FeatureMapGallery;

/**
 * The main window's middle region as tabs: the lesson picture that was there, the guided X/O
 * lesson, and the step-through views (convolution, pooling, ReLU, votes, feature maps), all on
 * one {@link StepperSession}. Also the presentation mode: F5 toggles full screen with large type;
 * Right/PageDown steps forward and Left/PageUp back in the current tab (a presenter clicker sends
 * these keys). Ids: {@code #stepperTabs}, tabs {@code #tabGuided}, {@code #tabConv}, ...
 */
public final class StepperTabs extends TabPane {
    static final String CSS = "/org/convlab/ui/stepper/stepper.css";
    static final String PRESENTING = "presentation";

    private final StepperSession session;
    private final XoLessonSequence guided;
    private final ConvStepView conv;
    private final PoolStepView pool;
    private final FiltersView filtersView;
    private final Tab guidedTab;
    private final Tab convTab;
    private final Tab poolTab;
    private final EventHandler<KeyEvent> keys = this::onKey;

    /** Tabs around {@code lessonView} (kept as the first tab) for the X/O lesson. */
    public static StepperTabs forLesson(Node lessonView, XoLesson lesson) {
        StepperSession session = new StepperSession(LessonNetwork.build(lesson), LessonNetwork.input(lesson.x()), true);
        return new StepperTabs(lessonView, session, lesson);
    }

    public StepperTabs(Node lessonView, StepperSession session, XoLesson lesson) {
        this.session = session;
        setId("stepperTabs");
        getStyleClass().add("stepper-tabs");
        getStylesheets().add(StepperTabs.class.getResource(CSS).toExternalForm());
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        guided = new XoLessonSequence(session, lesson);
        conv = new ConvStepView(session);
        pool = new PoolStepView(session);
        Tab picture = tab("X/O lesson", "tabLesson", lessonView, false);
        guidedTab = tab("Step by step", "tabGuided", guided, true);
        convTab = tab("Convolution", "tabConv", conv, true);
        poolTab = tab("Pooling", "tabPool", pool, true);
        Tab relu = tab("ReLU", "tabRelu", new ReluView(session), true);
        Tab votes = tab("Votes", "tabVotes", new VoteView(session), true);
        Tab maps = tab("Feature maps", "tabMaps", new FeatureMapGallery(session.snapshotProperty(),
                session.network().layerInfos(), session.inkPixels(),
                v -> Grids.ratioText(v, session.fractionDivisor(), session.format())), true);
        filtersView = new FiltersView(session);
        Tab filters = tab("Filters", "tabFilters", filtersView, true);
        getTabs().addAll(picture, guidedTab, convTab, poolTab, relu, votes, maps, filters);
        sceneProperty().addListener((o, old, now) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
            if (now != null) {
                now.addEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
        });
    }

    private static Tab tab(String text, String id, Node content, boolean scroll) {
        Node body = content;
        if (scroll) {
            ScrollPane pane = new ScrollPane(content);
            pane.getStyleClass().add("main-view");
            pane.setFitToWidth(true);
            body = pane;
        }
        Tab t = new Tab(text, body);
        t.setId(id);
        return t;
    }

    public StepperSession session() {
        return session;
    }

    public XoLessonSequence guided() {
        return guided;
    }

    public ConvStepView convView() {
        return conv;
    }

    public FiltersView filtersView() {
        return filtersView;
    }

    /**
     * Writes the current tab's view as a PNG (all of it, also what is scrolled out of sight),
     * atomically. FX thread. Throws {@link java.io.UncheckedIOException} when the file cannot be written.
     */
    public void exportViewPng(java.io.File out) {
        Tab current = getSelectionModel().getSelectedItem();
        ViewExport.png(ViewExport.viewOf(current.getContent()), out);
    }

    /**
     * Writes every layer's activations for the current input as CSV (one block per layer and
     * channel), atomically. Throws {@link java.io.UncheckedIOException} when the file cannot be written.
     */
    public void exportMapsCsv(java.io.File out) {
        ViewExport.csv(session.snapshot(), out);
    }

    /** A File-menu "Export" submenu: the current view as PNG, the feature maps as CSV (each asks for a file). */
    public javafx.scene.control.Menu exportMenu(javafx.stage.Window owner) {
        return ViewExport.menu(owner, this::exportViewPng, this::exportMapsCsv);
    }

    public boolean presenting() {
        return getStyleClass().contains(PRESENTING);
    }

    /** Full screen, large type and high contrast on; the side panels make room. */
    public void setPresenting(boolean on) {
        if (on == presenting()) {
            return;
        }
        if (on) {
            getStyleClass().add(PRESENTING);
        } else {
            getStyleClass().remove(PRESENTING);
        }
        javafx.scene.layout.BorderPane frame = enclosingFrame();
        if (frame != null) {
            for (Node side : new Node[] {frame.getLeft(), frame.getRight()}) {
                if (side != null) {
                    side.setVisible(!on);
                    side.setManaged(!on);
                }
            }
        }
        Scene scene = getScene();
        if (scene != null && scene.getWindow() instanceof Stage stage) {
            stage.setFullScreenExitHint("");
            stage.setFullScreen(on);
            if (on) {
                stage.fullScreenProperty().addListener((o, a, full) -> {
                    if (!full) {
                        setPresenting(false);
                    }
                });
            }
        }
    }

    /** The window's frame (the nearest BorderPane above us, however deep the view switcher nests us). */
    private javafx.scene.layout.BorderPane enclosingFrame() {
        for (Node n = getParent(); n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.layout.BorderPane frame) {
                return frame;
            }
        }
        return null;
    }

    /** True when this view and every container above it are visible (its tab is the selected one). */
    private boolean shown() {
        for (Node n = this; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl) {
            return; // typing a weight or a number: arrows move the caret
        }
        if (!shown()) {
            return; // another middle view is showing: its keys are its own
        }
        switch (e.getCode()) {
            case F5 -> {
                setPresenting(!presenting());
                e.consume();
            }
            case RIGHT, PAGE_DOWN -> {
                if (step(+1)) {
                    e.consume();
                }
            }
            case LEFT, PAGE_UP -> {
                if (step(-1)) {
                    e.consume();
                }
            }
            default -> { }
        }
    }

    /** Moves the current tab's step-through; false when the tab has no steps. */
    private boolean step(int by) {
        Tab current = getSelectionModel().getSelectedItem();
        if (current == guidedTab) {
            guided.go(guided.index() + by);
        } else if (current == convTab) {
            conv.controls().setStep(conv.controls().step() + by);
        } else if (current == poolTab) {
            pool.controls().setStep(pool.controls().step() + by);
        } else {
            return false;
        }
        return true;
    }
}
