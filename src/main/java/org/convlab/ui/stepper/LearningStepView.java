package org.convlab.ui.stepper;

import java.util.List;
import java.util.function.IntSupplier;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.FlowPane;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;
import org.convlab.nn.layers.Layer;
import org.convlab.trace.learning.LearningStep;
import org.convlab.trace.learning.ParameterChange;
import org.convlab.trace.learning.Prediction;
import org.convlab.trace.learning.StepResult;
import org.convlab.ui.Theme;
import org.convlab.ui.maps.ValueGrid;

/**
 * One step of learning: {@code w <- w - lr * dL/dw} on one layer for the current image and label
 * ({@link LearningStep}), the layer's weights before, the gradient and the weights after, then the
 * same image forward again with its new loss and answer. "Take a step" repeats it; "Undo" puts the
 * previous weights back bit for bit. The step changes the session's network, so every step-through
 * view redraws from the changed net. Ids: {@code #learnLayer}, {@code #learnRate}, {@code #learnStep},
 * {@code #learnUndo}, {@code #learnSlice}, {@code #learnBefore}, {@code #learnAfter},
 * {@code #learnRule}, grids {@code #learnWeightsBefore}, {@code #learnGrads}, {@code #learnWeightsAfter}.
 */
final class LearningStepView extends BackwardPart {
    /** Rates a student can pick (the X/O lesson's vote training uses 0.5). */
    static final List<Double> RATES = List.of(0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0);
    /** The most weights of one filter or unit drawn as grids (VGG's fc6 unit has 25088). */
    static final int MAX_DRAWN = 1024;
    private final IntSupplier label;
    private final LearningStep learner;
    private final ComboBox<String> layerChoice = new ComboBox<>();
    private final Spinner<Double> rate = new Spinner<>();
    private final Button step = new Button("Take a step");
    private final Button undo = new Button("Undo");
    private final ComboBox<Integer> sliceChoice = new ComboBox<>();
    private final Label rule = math("learnRule");
    private final Label before = math("learnBefore");
    private final Label after = math("learnAfter");
    private final Label biasLine = math("learnBias");
    private final ValueGrid weightsBefore = Grids.grid("learnWeightsBefore", 2.4);
    private final ValueGrid grads = Grids.grid("learnGrads", 2.4);
    private final ValueGrid weightsAfter = Grids.grid("learnWeightsAfter", 2.4);
    private final Label beforeTitle = new Label("w before");
    private final Label gradTitle = new Label("dL/dw");
    private final Label afterTitle = new Label("w after");
    private final FlowPane grids;
    private StepResult last;

    LearningStepView(StepperSession session, IntSupplier label) {
        super(session);
        this.label = label;
        this.learner = new LearningStep(session.network());
        List<String> layers = LearningStep.trainableLayers(session.network());
        layerChoice.setId("learnLayer");
        layerChoice.getItems().addAll(layers);
        if (!layers.isEmpty()) {
            layerChoice.setValue(layers.get(layers.size() - 1)); // the votes: what the X/O lesson trains
        }
        rate.setId("learnRate");
        SpinnerValueFactory.ListSpinnerValueFactory<Double> rates =
                new SpinnerValueFactory.ListSpinnerValueFactory<>(FXCollections.observableArrayList(RATES));
        rates.setValue(0.5);
        rate.setValueFactory(rates);
        rate.setPrefWidth(Theme.px(6));
        step.setId("learnStep");
        undo.setId("learnUndo");
        sliceChoice.setId("learnSlice");
        Tips.set(layerChoice, "The layer whose weights learn (the others stay as they are)");
        Tips.set(rate, "The learning rate lr in w \u2190 w - lr \u00B7 dL/dw: how far one step moves the weights");
        Tips.set(step, "Move the layer's weights one step against their gradient, then send the same image forward again");
        Tips.set(undo, "Put back the weights as they were before the last step (exactly)");
        Tips.set(sliceChoice, "The filter (conv) or unit (dense) whose weights are drawn");
        step.setOnAction(e -> takeStep());
        undo.setOnAction(e -> undoStep());
        undo.setDisable(true);
        layerChoice.valueProperty().addListener((o, a, b) -> {
            last = null;
            redraw();
        });
        sliceChoice.valueProperty().addListener((o, a, b) -> drawWeights());
        // weights put back by "Reset filters": the undo history no longer describes the net
        session.editedProperty().addListener((o, a, b) -> {
            if (!b) {
                learner.clearHistory();
                last = null;
                undo.setDisable(true);
            }
        });
        FlowPane bar = new FlowPane(12, 6, Grids.pair("Layer", layerChoice), Grids.pair("Learning rate", rate), step, undo,
                Grids.pair("Filter / unit", sliceChoice));
        bar.setAlignment(Pos.CENTER_LEFT);
        // before above after (compare them cell by cell), the gradient beside them
        javafx.scene.layout.VBox weights = new javafx.scene.layout.VBox(Theme.px(0.6), Grids.titled(beforeTitle, weightsBefore),
                Grids.titled(afterTitle, weightsAfter));
        grids = new FlowPane(Theme.px(1.2), Theme.px(0.8), weights, Grids.titled(gradTitle, grads));
        grids.setAlignment(Pos.TOP_LEFT);
        after.getStyleClass().add("stepper-result");
        getChildren().addAll(bar, rule, before, after, grids, biasLine);
    }

    double rate() {
        return rate.getValue();
    }

    /** The layer whose weights learn, by name (render --layer). */
    void selectLayer(String name) {
        layerChoice.setValue(name);
    }

    void setRate(double lr) {
        rate.getValueFactory().setValue(lr);
    }

    /** The last step shown (null before the first, or after undoing back to none). */
    StepResult lastStep() {
        return last;
    }

    LearningStep learner() {
        return learner;
    }

    void takeStep() {
        String layer = layerChoice.getValue();
        try {
            last = learner.step(session.input(), label.getAsInt(), layer, rate.getValue().floatValue());
        } catch (UserInputException e) {
            rule.setText(e.getMessage());
            return;
        }
        undo.setDisable(!learner.canUndo());
        session.parametersChanged(); // every view, this one too, redraws from the changed net
    }

    void undoStep() {
        if (!learner.canUndo()) {
            return;
        }
        learner.undo();
        List<StepResult> h = learner.history();
        last = h.isEmpty() ? null : h.get(h.size() - 1);
        undo.setDisable(!learner.canUndo());
        session.parametersChanged();
    }

    @Override
    void redraw() {
        if (tracer() == null || layerChoice.getValue() == null) {
            return;
        }
        String layer = layerChoice.getValue();
        List<String> classes = session.classes();
        int k = label.getAsInt();
        // the tab's backward pass of this image and label already has the loss and probabilities now
        var now = tracer().loss();
        if (last != null && !layer.equals(last.layer())) {
            last = null;
        }
        rule.setText("w \u2190 w - lr \u00B7 dL/dw for " + layer + ", against the label " + classes.get(k)
                + (learner.steps() > 0 ? " (" + learner.steps() + " step" + (learner.steps() == 1 ? "" : "s")
                + " taken; Undo takes the last back)" : ""));
        if (last == null) {
            before.setText("Now: " + describe(now.loss(), now.probabilities(), k, classes));
            after.setText("Take a step to see the weights move and the same image go forward again.");
        } else {
            before.setText("Before step " + last.number() + ": " + describe(last.before(), classes));
            after.setText("After (same image forward again): " + describe(last.after(), classes)
                    + "   loss " + (last.lossChange() <= 0 ? "fell" : "rose") + " by " + num(Math.abs(last.lossChange())));
        }
        Layer l = layerNamed(layer);
        int slices = l.parameters().get(0).shape()[0];
        if (sliceChoice.getItems().size() != slices) {
            sliceChoice.setItems(FXCollections.observableArrayList(Grids.range(slices)));
            sliceChoice.setValue(0);
        }
        drawWeights();
    }

    private static String describe(Prediction p, List<String> classes) {
        return describe(p.loss(), p.probabilities(), p.label(), classes);
    }

    private static String describe(float loss, float[] p, int label, List<String> classes) {
        int answer = 0;
        for (int k = 1; k < p.length; k++) {
            answer = p[k] > p[answer] ? k : answer;
        }
        return "loss " + num(loss) + ", p[" + classes.get(label) + "] = " + num(p[label]) + ", answer " + classes.get(answer);
    }

    private Layer layerNamed(String name) {
        for (Layer l : session.network().allLayers()) {
            if (l.name().equals(name)) {
                return l;
            }
        }
        throw new IllegalStateException("no layer " + name);
    }

    /** The chosen filter's (or unit's) weights: before, gradient, after the last step (or now). */
    private void drawWeights() {
        String name = layerChoice.getValue();
        if (name == null || tracer() == null) {
            return;
        }
        Layer l = layerNamed(name);
        var p = l.parameters().get(0);
        int[] shape = p.shape();
        int s = sliceChoice.getValue() == null ? 0 : Math.min(sliceChoice.getValue(), shape[0] - 1);
        int size = p.size() / shape[0];
        float[] w0;
        float[] g;
        float[] w1;
        ParameterChange change = last == null ? null : last.changes().get(0);
        if (change != null) {
            w0 = new float[size];
            g = new float[size];
            w1 = new float[size];
            for (int i = 0; i < size; i++) {
                w0[i] = change.before(s * size + i);
                g[i] = change.gradient(s * size + i);
                w1[i] = change.after(s * size + i);
            }
        } else {
            w0 = java.util.Arrays.copyOfRange(p.value(), s * size, (s + 1) * size);
            g = java.util.Arrays.copyOfRange(p.grad(), s * size, (s + 1) * size);
            w1 = null;
        }
        boolean drawable = size <= MAX_DRAWN;
        grids.setVisible(drawable);
        grids.setManaged(drawable);
        if (!drawable) {
            biasLine.setText(what(shape, s) + " has " + size + " weights, too many to draw; the loss above shows the step.");
            return;
        }
        int[] rc = layout(shape, unflattened(l), size);
        double room = room() - Theme.px(6);
        double cell = Math.floor(room / 2 / rc[1]) - Grids.GAP;
        if (cell < Theme.px(2.2)) {
            cell = Math.floor((room() - Theme.px(3)) / rc[1]) - Grids.GAP; // one map a row: the numbers stay readable
        }
        cell = Grids.clampCell(cell, 2.4);
        // before and after on one colour scale, so a weight that moved changes colour
        double limit = Math.max(org.convlab.ui.maps.ColorMap.limit(w0), w1 == null ? 0 : org.convlab.ui.maps.ColorMap.limit(w1));
        drawGrid(weightsBefore, w0, rc, cell, limit);
        drawGrid(grads, g, rc, cell, Double.NaN);
        weightsAfter.setVisible(w1 != null);
        if (w1 != null) {
            drawGrid(weightsAfter, w1, rc, cell, limit);
        }
        String what = what(shape, s);
        beforeTitle.setText("w before, " + what);
        gradTitle.setText("dL/dw, " + what + " (lr = " + num(rate.getValue().floatValue()) + ")");
        afterTitle.setText(w1 == null ? "w after: take a step" : "w after = w before - lr \u00D7 dL/dw");
        if (change != null && last.changes().size() > 1 && last.changes().get(1).isBias()) {
            ParameterChange b = last.changes().get(1);
            biasLine.setText("bias[" + s + "]: " + exact(b.before(s)) + " - " + num(last.learningRate()) + " \u00D7 "
                    + num(b.gradient(s)) + " = " + num(b.after(s)));
        } else {
            biasLine.setText("");
        }
        grids.setPrefWrapLength(Math.max(200, room() - Theme.px(1)));
        Grids.relayout(weightsBefore, grads, weightsAfter);
    }

    /** "filter 2" or "unit 0" (a conv filter's channels are drawn stacked). */
    private static String what(int[] shape, int s) {
        return shape.length == 4 ? "filter " + s + (shape[1] > 1 ? " (all " + shape[1] + " channels stacked)" : "")
                : "unit " + s;
    }

    /** What a dense layer's input was before a flatten (the pooled maps), else the layer's own input shape. */
    private Shape unflattened(Layer l) {
        List<Layer> top = session.network().layers();
        int i = top.indexOf(l);
        while (i > 0 && top.get(i - 1).spec() instanceof org.convlab.model.FlattenSpec) {
            i--;
        }
        return i >= 0 ? top.get(i).inputShape() : l.inputShape();
    }

    /** Rows and columns for one slice: a conv filter's channels stacked; a dense row as its input's maps side by side. */
    static int[] layout(int[] shape, Shape input, int size) {
        if (shape.length == 4) {
            return new int[] {shape[1] * shape[2], shape[3]};
        }
        if (input != null && input.size() == size && input.width() > 1 && size <= 96) {
            return new int[] {input.height(), input.channels() * input.width()};
        }
        int cols = (int) Math.ceil(Math.sqrt(size));
        return new int[] {(size + cols - 1) / cols, cols};
    }

    private static void drawGrid(ValueGrid grid, float[] values, int[] rc, double cell, double limit) {
        float[] v = java.util.Arrays.copyOf(values, rc[0] * rc[1]);
        grid.setCellSize(cell);
        grid.setData(v, rc[0], rc[1]);
        grid.setStyle(ValueGrid.Style.DIVERGING);
        grid.setLimit(limit);
        grid.setFormatter(BackwardPart::cell);
        grid.draw();
    }
}
