package org.convlab.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.convlab.UserInputException;
import org.convlab.model.ActivationSpec;
import org.convlab.nn.layers.ConvLayer;
import org.convlab.nn.layers.DenseLayer;
import org.convlab.nn.layers.Layer;
import org.convlab.nn.layers.PoolLayer;
import org.convlab.trace.backward.BackwardTracer;

/**
 * The Backward tab: backpropagation of the current image against a chosen label, number by number
 * (issue 15). A label choice (the true class by default) and one button per view: the loss, the
 * votes' gradients, max-pool routing, the ReLU gate, a conv weight's summed gradient (stepped
 * through like the forward convolution), and one step of learning. Every view reads one
 * {@link BackwardTracer} run on the session's network and input; it is run again when the input
 * or the weights change (flipped pixel, typed weight, learning step) or the label changes.
 *
 * <p>Ids: {@code #backLabel}, view buttons {@code #backShowLoss}, {@code #backShowDense},
 * {@code #backShowPool}, {@code #backShowRelu}, {@code #backShowConv}, {@code #backShowLearn},
 * {@code #backProblem}.
 */
public final class BackwardView extends VBox {
    private final StepperSession session;
    private final ComboBox<String> labelChoice = new ComboBox<>();
    private final ToggleGroup which = new ToggleGroup();
    private final VBox holder = new VBox();
    private final Label problem = new Label();
    final BackwardLossView loss;
    final BackwardDenseView dense;
    final BackwardPoolView pool;
    final BackwardReluView relu;
    final BackwardConvView conv;
    final LearningStepView learning;
    private final List<BackwardPart> parts = new ArrayList<>();
    private BackwardTracer tracer;
    private boolean showing;
    private boolean stale = true;

    /** On {@code session}, first against class {@code label} (the true class, when known). */
    public BackwardView(StepperSession session, int label) {
        this.session = session;
        setMinWidth(0);
        getStyleClass().add("stepper-view");
        setSpacing(8);
        setPadding(new Insets(12));
        labelChoice.setId("backLabel");
        labelChoice.getItems().addAll(session.classes());
        labelChoice.getSelectionModel().select(Math.max(0, Math.min(label, session.classes().size() - 1)));
        Tips.set(labelChoice, "The label the loss is taken against: the gradients say how to make the net surer of it");
        labelChoice.valueProperty().addListener((o, a, b) -> {
            stale = true;
            if (showing) {
                retrace();
            }
        });

        loss = new BackwardLossView(session);
        dense = new BackwardDenseView(session);
        pool = new BackwardPoolView(session);
        relu = new BackwardReluView(session);
        conv = new BackwardConvView(session);
        learning = new LearningStepView(session, this::label);
        List<Layer> layers = session.network().layers();
        FlowPane buttons = new FlowPane(6, 6);
        buttons.setAlignment(Pos.CENTER_LEFT);
        add(buttons, "Loss", "backShowLoss", loss, true,
                "The probabilities, the one-hot label and dL/dlogit = p - y for each class");
        add(buttons, "Votes", "backShowDense", dense, has(layers, DenseLayer.class),
                "The fully connected layer: dL/dw = x * dL/dy as a ledger, dL/dx term by term, dL/db");
        add(buttons, "Max pool", "backShowPool", pool, has(layers, PoolLayer.class),
                "Where each pooling window sends its gradient: to the cell that won the max");
        add(buttons, "ReLU", "backShowRelu", relu, layers.stream().anyMatch(BackwardView::isRelu),
                "The ReLU gate: the gradient passes where the input was positive, 0 elsewhere");
        add(buttons, "Conv weight", "backShowConv", conv, has(layers, ConvLayer.class),
                "Pick a filter weight and step through every window where it touched the input: its gradient is the sum");
        add(buttons, "Learning step", "backShowLearn", learning, true,
                "w \u2190 w - lr \u00B7 dL/dw for one layer, then the same image forward again; undoable");
        which.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one view is always shown
            } else {
                holder.getChildren().setAll((BackwardPart) b.getUserData());
            }
        });
        for (javafx.scene.Node n : buttons.getChildren()) {
            if (n instanceof ToggleButton t && !t.isDisable()) {
                t.setSelected(true);
                break;
            }
        }
        problem.setId("backProblem");
        problem.getStyleClass().add("stepper-problem");
        problem.setWrapText(true);
        problem.setManaged(false);
        problem.setVisible(false);
        FlowPane bar = new FlowPane(12, 6, Grids.pair("Label", labelChoice), buttons);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("stepper-bar");
        getChildren().addAll(bar, problem, holder);
        // the backward pass runs when the tab is on screen: a pixel flipped in another tab only marks it stale
        session.snapshotProperty().addListener((o, a, b) -> {
            stale = true;
            if (showing) {
                retrace();
            }
        });
    }

    /**
     * Whether the tab is on screen (StepperTabs says so): a stale trace is run again at once; while
     * hidden, changes wait (one backward pass of a large net on the reference loops takes a while).
     */
    void setShowing(boolean on) {
        showing = on;
        if (on && stale) {
            retrace();
        }
    }

    private static boolean has(List<Layer> layers, Class<? extends Layer> kind) {
        return layers.stream().anyMatch(kind::isInstance);
    }

    static boolean isRelu(Layer l) {
        return l.spec() instanceof ActivationSpec a && a.kind() == ActivationSpec.Kind.RELU;
    }

    private void add(FlowPane buttons, String text, String id, BackwardPart part, boolean available, String tip) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setToggleGroup(which);
        b.setUserData(part);
        b.setDisable(!available);
        Tips.set(b, available ? tip : tip + " (this network has no such layer)");
        buttons.getChildren().add(b);
        parts.add(part);
    }

    /** The label index the loss is taken against. */
    public int label() {
        return Math.max(0, labelChoice.getSelectionModel().getSelectedIndex());
    }

    public void setLabel(int k) {
        labelChoice.getSelectionModel().select(k);
    }

    /** Shows the view whose button has id {@code id} ({@code backShowConv}...). */
    public void showPart(String id) {
        for (javafx.scene.control.Toggle t : which.getToggles()) {
            if (id.equals(((ToggleButton) t).getId())) {
                t.setSelected(true);
            }
        }
    }

    /** The trace every view shows now (null when the network could not be traced); brought up to date first. */
    public BackwardTracer tracer() {
        if (stale) {
            retrace();
        }
        return tracer;
    }

    /** Runs the backward pass again for the session's input and weights and the chosen label. */
    private void retrace() {
        stale = false;
        try {
            tracer = BackwardTracer.run(session.network(), session.input(), label());
            problem.setText("");
        } catch (UserInputException | IllegalArgumentException e) {
            tracer = null;
            problem.setText("The backward pass cannot be traced for this network: " + e.getMessage());
        }
        problem.setVisible(tracer == null);
        problem.setManaged(tracer == null);
        holder.setVisible(tracer != null);
        holder.setManaged(tracer != null);
        if (tracer != null) {
            for (BackwardPart p : parts) {
                p.show(tracer);
            }
        }
    }

    /**
     * The class an opened input is labelled with, read from the header the dashboard gives it
     * ("... true: Sneaker"); -1 when it names none.
     */
    static int trueClassIn(String title, List<String> classes) {
        int at = title == null ? -1 : title.lastIndexOf("true: ");
        if (at < 0) {
            return -1;
        }
        String rest = title.substring(at + 6).trim();
        int best = -1;
        for (int k = 0; k < classes.size(); k++) {
            if (rest.startsWith(classes.get(k)) && (best < 0 || classes.get(k).length() > classes.get(best).length())) {
                best = k;
            }
        }
        return best;
    }
}
