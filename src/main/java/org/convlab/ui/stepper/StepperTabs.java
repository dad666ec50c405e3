package org.convlab.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.VBox;
import org.convlab.data.xo.XoLesson;
import org.convlab.nn.Network;
import org.convlab.nn.layers.ConvLayer;
import org.convlab.nn.layers.DenseLayer;
import org.convlab.nn.layers.PoolLayer;
import org.convlab.trace.NetworkTracer;

/**
 * The step-through views as tabs (convolution, pooling, ReLU, votes, feature maps, filters).
 * They start on the lesson's {@link StepperSession} (shared with the guided lesson, which is the
 * main window's Lesson tab); {@link #open} puts them on any network and input instead,
 * {@link #openLesson} back. A header line above each step-through view says what is shown. The
 * window's presentation mode (ui.app.Presentation) and its keys step the convolution and pooling
 * tabs through {@link #step}. Ids: {@code #stepperTabs}, tabs {@code #tabConv}, {@code #tabPool},
 * ..., header {@code #stepperHeader}.
 */
public final class StepperTabs extends TabPane implements org.convlab.ui.Stepping {
    static final String CSS = "/org/convlab/ui/stepper/stepper.css";
    /** A tab's property: its full name where the tab shows a short one ("Feature maps" for "Maps"), for file names. */
    public static final String FULL_NAME = "convlab.fullName";
    static final String LESSON_TITLE = "X/O lesson (preset:xo: the slides' features and the lesson's votes)";

    private final StepperSession lessonSession;
    private final StepViews lessonViews;
    private StepViews views;
    private final StringProperty header = new SimpleStringProperty(LESSON_TITLE);
    private final List<Tab> stepTabs = new ArrayList<>();

    /** The step-through tabs on the X/O lesson's network and input (a session of their own). */
    public static StepperTabs forLesson(XoLesson lesson) {
        return new StepperTabs(LessonNetwork.session(lesson));
    }

    /**
     * The step-through tabs on the lesson's {@code session}, shared with the guided lesson in the
     * main window's Lesson tab: a pixel flipped in either shows in both.
     */
    public StepperTabs(StepperSession session) {
        this.lessonSession = session;
        setId("stepperTabs");
        getStyleClass().add("stepper-tabs");
        getStylesheets().add(StepperTabs.class.getResource(CSS).toExternalForm());
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        // Short names, so that all seven tabs show between the side panels at 1024 x 768 rather
        // than hiding behind the tab bar's overflow arrow; the tooltip gives the full name.
        String[][] names = {{"Conv", "tabConv", "Convolution", ": slide a filter over the input, one window at a time"},
            {"Pool", "tabPool", "Pooling", ": keep the largest (or the mean) of each window"},
            {"ReLU", "tabRelu", "ReLU", ": negative values become 0"},
            {"Votes", "tabVotes", "Votes", ": fully connected votes for each class, and the answer"},
            {"Maps", "tabMaps", "Feature maps", ": every layer's output for this input"},
            {"Filters", "tabFilters", "Filters", ": the conv layers' filters"},
            {"Backward", "tabBackward", "Backward", ": where the gradients come from, and one step of learning"}};
        for (String[] n : names) {
            Tab t = new Tab(n[0]);
            t.setId(n[1]);
            t.getProperties().put(FULL_NAME, n[2]);
            t.setTooltip(new javafx.scene.control.Tooltip(n[2] + n[3]));
            stepTabs.add(t);
        }
        getTabs().addAll(stepTabs);
        lessonViews = new StepViews(session);
        show(lessonViews, LESSON_TITLE);
        getSelectionModel().selectedItemProperty().addListener((o, a, b) -> views.backward.setShowing(b == stepTabs.get(6)));
    }

    /**
     * Steps through {@code net} on {@code input} [C*H*W] in every step-through tab (the guided
     * lesson stays as it is), {@code title} in the header line, e.g. "LeNet-5 \u2014 validation
     * image 1234, true: Sneaker". The views run on a copy of the network, so typed weights never
     * reach the model being trained or edited. {@code inkPixels}: pixels are +1 ink / -1 background
     * (flipping negates) rather than 0..1. FX thread.
     */
    public void open(Network net, float[] input, boolean inkPixels, String title) {
        if (input.length < net.inputShape().size()) {
            throw new IllegalArgumentException("the input holds " + input.length + " values, " + net.spec().input()
                    + " needs " + net.inputShape().size());
        }
        show(new StepViews(new StepperSession(StepViews.copyOf(net), input, inkPixels)), title);
    }

    /** Back to the X/O lesson's network and input in every step-through tab. */
    public void openLesson() {
        show(lessonViews, LESSON_TITLE);
    }

    private void show(StepViews v, String title) {
        if (views != null) {
            views.backward.setShowing(false);
        }
        views = v;
        header.set(title);
        List<Node> nodes = v.all();
        NetworkTracer t = v.session.tracer();
        boolean[] has = {t.find(ConvLayer.class, 0) >= 0, t.find(PoolLayer.class, 0) >= 0, t.findActivation(0) >= 0,
            t.find(DenseLayer.class, 0) >= 0, true, t.find(ConvLayer.class, 0) >= 0, true};
        int trueClass = BackwardView.trueClassIn(title, v.session.classes());
        if (trueClass >= 0) {
            v.backward.setLabel(trueClass);
        }
        for (int i = 0; i < stepTabs.size(); i++) {
            Label line = new Label();
            line.setId("stepperHeader");
            line.getStyleClass().add("stepper-header");
            line.textProperty().bind(header);
            line.setWrapText(true);
            VBox body = new VBox(line, nodes.get(i));
            body.setFillWidth(true);
            stepTabs.get(i).setContent(scroll(body));
            stepTabs.get(i).setDisable(!has[i]); // a net without pooling has nothing to step through there
        }
        Tab selected = getSelectionModel().getSelectedItem();
        if (selected != null && selected.isDisable()) {
            getSelectionModel().select(stepTabs.get(4)); // the feature maps are there for every net
        }
        v.backward.setShowing(getSelectionModel().getSelectedItem() == stepTabs.get(6));
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane pane = new ScrollPane(content);
        pane.getStyleClass().add("main-view");
        pane.setFitToWidth(true);
        return pane;
    }

    /** The session the step-through tabs show now (the lesson's, or the one {@link #open} made). */
    public StepperSession session() {
        return views.session;
    }

    /** The X/O lesson's session (shared with the guided lesson, whatever the tabs show now). */
    public StepperSession lessonSession() {
        return lessonSession;
    }

    /** The header line over the step-through views. */
    public String title() {
        return header.get();
    }

    public ConvStepView convView() {
        return views.conv;
    }

    /** The Backward tab's view (backpropagation and one step of learning). */
    public BackwardView backwardView() {
        return views.backward;
    }

    public FiltersView filtersView() {
        return views.filters;
    }

    public VoteView voteView() {
        return views.votes;
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
        ViewExport.csv(views.session.snapshot(), out);
    }

    /** A File-menu "Export" submenu: the feature maps as CSV (asks for a file); File > Export Figure draws the views. */
    public javafx.scene.control.Menu exportMenu(javafx.stage.Window owner) {
        return ViewExport.menu(owner, this::exportMapsCsv);
    }

    /** Whether the window is in presentation mode (ui.app.Presentation, F5). */
    public boolean presenting() {
        return org.convlab.ui.Theme.presenting();
    }

    /**
     * Moves the current tab's step-through (presentation mode's keys and a clicker come here);
     * false when the tab has no steps.
     */
    @Override
    public boolean step(int by) {
        Tab current = getSelectionModel().getSelectedItem();
        if (current == stepTabs.get(0)) {
            views.conv.controls().setStep(views.conv.controls().step() + by);
        } else if (current == stepTabs.get(1)) {
            views.pool.controls().setStep(views.pool.controls().step() + by);
        } else if (current == stepTabs.get(6) && views.backward.conv.getParent() != null) {
            StepControls c = views.backward.conv.controls(); // the Backward tab's weight-sharing sum
            c.setStep(c.step() + by);
        } else {
            return false;
        }
        return true;
    }
}
