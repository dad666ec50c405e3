package org.convlab.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import org.convlab.engine.ConvGeometry;
import org.convlab.nn.layers.ConvLayer;
import org.convlab.trace.backward.BackwardTracer;
import org.convlab.trace.backward.GradTerm;
import org.convlab.trace.backward.GradientTrace;
import org.convlab.ui.Theme;
import org.convlab.ui.maps.ValueGrid;

/**
 * Weight sharing, the heart of issue 15: one filter weight is used at every window position, so
 * its gradient is the SUM over those positions of (input pixel under it) x (upstream gradient at
 * that output), then divided by the conv's divisor (9 in the X/O net), exactly as the engine's
 * reference backward adds them ({@link BackwardTracer#convWeight}). Click a weight of the filter to
 * pick it; the step controls walk the windows (the window outlined on the input, the pixel under
 * the weight and the output cell highlighted), and a last step divides. A switch at the top shows
 * the other half instead, dL/dx as the full convolution with the flipped filter
 * ({@link BackwardConvInputView}).
 *
 * <p>Ids: {@code #bconvLayer}, {@code #bconvFilter}, {@code #bconvChannel}, grids
 * {@code #bconvInput}, {@code #bconvWeights}, {@code #bconvWeightGrads}, {@code #bconvUpstream},
 * {@code #bconvProducts}, text {@code #bconvMath}, {@code #bconvSum}, step controls
 * {@code #bconvForward}, {@code #bconvEnd}..., the switch {@code #bconvModeWeight} / {@code #bconvModeInput}.
 */
final class BackwardConvView extends BackwardPart {
    private final List<Integer> convLayers = new ArrayList<>();
    private final ComboBox<String> layerChoice = new ComboBox<>();
    private final ComboBox<Integer> filterChoice = new ComboBox<>();
    private final ComboBox<Integer> channelChoice = new ComboBox<>();
    private final ValueGrid input = Grids.grid("bconvInput", 2.4);
    private final ValueGrid weights = Grids.grid("bconvWeights", 2.4);
    private final ValueGrid weightGrads = Grids.grid("bconvWeightGrads", 2.4);
    private final ValueGrid upstream = Grids.grid("bconvUpstream", 2.4);
    private final ValueGrid products = Grids.grid("bconvProducts", 2.4);
    private final Label inputTitle = new Label();
    private final Label weightsTitle = new Label();
    private final Label gradsTitle = new Label();
    private final Label upstreamTitle = new Label();
    private final Label productsTitle = new Label();
    private final Label heading = math("bconvHeading");
    private final Label arithmetic = math("bconvMath");
    private final Label sum = math("bconvSum");
    private final StepControls controls = new StepControls("bconv");
    private final FlowPane grids;
    /** Controls, running sum and arithmetic. */
    private final javafx.scene.layout.VBox steps;
    /** The filter (click to pick) and its nine gradients. */
    private final javafx.scene.layout.HBox kernels;
    /** Holds the grids and the rest: one row when wide (steps right of the maps), else stacked. */
    private final javafx.scene.layout.VBox body = new javafx.scene.layout.VBox(Theme.px(0.8));
    private Boolean wide;
    /** The least width of the column right of the maps in the wide layout, ems. */
    private static final double RIGHT_EMS = 24;
    private int layer = -1;
    private int kernelRow;
    private int kernelCol;
    private GradientTrace trace;
    private BackwardTracer traced;
    private boolean updating;
    private String gradsKey;
    private BackwardTracer gradsOf;
    private float[] gradsCache;
    /** The other half, dL/dx, shown instead of the weight sharing when the switch says so. */
    private final BackwardConvInputView inputView;
    private final javafx.scene.control.ToggleButton weightMode = new javafx.scene.control.ToggleButton("dL/dw (weight sharing)");
    private final javafx.scene.control.ToggleButton inputMode =
            new javafx.scene.control.ToggleButton("dL/dx (full convolution, flipped filter)");
    /** The weight-sharing view's own rows (choices, heading, grids and steps). */
    private final javafx.scene.layout.VBox weightPane = new javafx.scene.layout.VBox(6);
    /** The switch and the shown half's choices, one row (flowing onto a second when narrow). */
    private final FlowPane top = new FlowPane(12, 6);
    private final List<javafx.scene.Node> weightChoices;

    BackwardConvView(StepperSession session) {
        super(session);
        LayerChoices.fill(session.network().layers(), ConvLayer.class, convLayers, layerChoice);
        layerChoice.setId("bconvLayer");
        filterChoice.setId("bconvFilter");
        channelChoice.setId("bconvChannel");
        Tips.set(layerChoice, "The conv layer whose weight's gradient is stepped through");
        Tips.set(filterChoice, "The filter (output channel) the weight belongs to");
        Tips.set(channelChoice, "The input channel the weight looks at");
        layerChoice.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                configure(convLayers.get(layerChoice.getItems().indexOf(b)), 0, 0, -1, -1);
            }
        });
        filterChoice.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                retrace(0);
            }
        });
        channelChoice.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                retrace(0);
            }
        });
        weights.setOnCell((r, c) -> pick(r, c, 0));
        weightGrads.setOnCell((r, c) -> pick(r, c, Integer.MAX_VALUE));
        upstream.setOnCell(this::jumpTo);
        products.setOnCell(this::jumpTo);
        sum.getStyleClass().add("stepper-result");
        // the choices share one row with the dL/dw | dL/dx switch; a choice with nothing to choose
        // (the X/O net's one conv layer, its one channel) is left out, so the row fits beside the side panels
        weightChoices = List.of(ChoiceRow.choice("Layer", layerChoice, () -> convLayers.size() > 1),
                ChoiceRow.choice("Filter", filterChoice, () -> true),
                ChoiceRow.choice("Channel", channelChoice, () -> channelChoice.getItems().size() > 1));
        grids = new FlowPane(Theme.px(1.2), Theme.px(0.8), Grids.titled(inputTitle, input),
                Grids.titled(upstreamTitle, upstream), Grids.titled(productsTitle, products));
        grids.setAlignment(Pos.TOP_LEFT);
        controls.stepProperty().addListener((o, a, b) -> redraw());
        // the steps and their arithmetic beside all nine gradients of the filter, where the picked one lands
        steps = new javafx.scene.layout.VBox(6, controls, sum, arithmetic);
        steps.setMinWidth(0);
        javafx.scene.layout.HBox.setHgrow(steps, javafx.scene.layout.Priority.ALWAYS);
        kernels = new javafx.scene.layout.HBox(Theme.px(1.2), Grids.titled(weightsTitle, weights),
                Grids.titled(gradsTitle, weightGrads));
        inputView = new BackwardConvInputView(session);
        javafx.scene.control.ToggleGroup modes = new javafx.scene.control.ToggleGroup();
        weightMode.setId("bconvModeWeight");
        inputMode.setId("bconvModeInput");
        weightMode.setToggleGroup(modes);
        inputMode.setToggleGroup(modes);
        weightMode.setSelected(true);
        Tips.set(weightMode, "The gradient of one filter weight: the sum over every window where it was used");
        Tips.set(inputMode, "dL/dx, the full convolution with the flipped filter: the gradient of one input pixel, the upstream gradient, padded, convolved with the filter turned 180\u00B0");
        modes.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one half is always shown
            } else {
                getChildren().set(1, b == inputMode ? inputView : weightPane);
                showChoices();
                redraw();
            }
        });
        top.setHgap(6); // the two switch buttons flow onto two lines in a narrow window rather than be cut
        top.setAlignment(Pos.CENTER_LEFT);
        showChoices();
        weightPane.setMinWidth(0);
        weightPane.getChildren().addAll(heading, body);
        getChildren().addAll(top, weightPane);
        arrange(false);
        if (!convLayers.isEmpty()) {
            configure(convLayers.get(0), 0, 0, -1, -1);
        }
    }

    /**
     * Weight [filter][channel][row][col] of conv layer {@code layerIndex}, from the first window;
     * row/col -1 pick the filter's centre.
     */
    void configure(int layerIndex, int filter, int channel, int row, int col) {
        ConvGeometry g = ((ConvLayer) session.network().layers().get(layerIndex)).geometry();
        updating = true;
        layer = layerIndex;
        layerChoice.setValue(layerChoice.getItems().get(convLayers.indexOf(layerIndex)));
        filterChoice.setItems(FXCollections.observableArrayList(Grids.range(g.outChannels())));
        filterChoice.setValue(filter);
        channelChoice.setItems(FXCollections.observableArrayList(Grids.range(g.inChannels())));
        channelChoice.setValue(channel);
        channelChoice.setDisable(g.inChannels() == 1);
        kernelRow = row < 0 ? g.kernelHeight() / 2 : row;
        kernelCol = col < 0 ? g.kernelWidth() / 2 : col;
        updating = false;
        retrace(0);
    }

    /**
     * Wide: the maps left, the filter, its gradients and the steps right of them (the whole step
     * fits a 768-pixel-high screen); narrow: the maps above, steps and filter below.
     */
    private void arrange(boolean isWide) {
        if (wide != null && wide == isWide) {
            return;
        }
        wide = isWide;
        body.getChildren().clear();
        if (isWide) {
            javafx.scene.layout.VBox right = new javafx.scene.layout.VBox(Theme.px(0.8), kernels, steps);
            right.setMinWidth(0);
            javafx.scene.layout.HBox.setHgrow(right, javafx.scene.layout.Priority.ALWAYS);
            body.getChildren().add(new javafx.scene.layout.HBox(Theme.px(1.5), grids, right));
        } else {
            body.getChildren().addAll(grids, new javafx.scene.layout.HBox(Theme.px(1.2), steps, kernels));
        }
    }

    private void pick(int row, int col, int step) {
        kernelRow = row;
        kernelCol = col;
        retrace(step);
    }

    /** Jumps to the window whose output is (row, col), if the weight touched the input there. */
    private void jumpTo(int row, int col) {
        if (trace == null) {
            return;
        }
        for (int k = 0; k < trace.terms().size(); k++) {
            int[] out = trace.terms().get(k).output();
            if (out[1] == row && out[2] == col) {
                controls.setStep(k);
                return;
            }
        }
    }

    private int filter() {
        return filterChoice.getValue() == null ? 0 : filterChoice.getValue();
    }

    private int channel() {
        return channelChoice.getValue() == null ? 0 : channelChoice.getValue();
    }

    private void retrace(int step) {
        if (tracer() == null || layer < 0) {
            return;
        }
        traced = tracer();
        trace = traced.convWeight(layer, filter(), channel(), kernelRow, kernelCol);
        controls.setCount(trace.terms().size() + 1);
        controls.setStep(Math.min(step, trace.terms().size()));
        redraw();
    }

    /** Every weight's gradient of filter f, channel c, traced once per backward pass (not at every step). */
    private float[] filterGradients(ConvGeometry g, int f, int c) {
        String key = layer + ":" + f + ":" + c;
        if (gradsOf != tracer() || !key.equals(gradsKey)) {
            gradsOf = tracer();
            gradsCache = new float[g.kernelHeight() * g.kernelWidth()];
            for (int a = 0; a < g.kernelHeight(); a++) {
                for (int b = 0; b < g.kernelWidth(); b++) {
                    gradsCache[a * g.kernelWidth() + b] = tracer().convWeight(layer, f, c, a, b).value();
                }
            }
            gradsKey = key;
        }
        return gradsCache;
    }

    /** The trace being stepped through. */
    GradientTrace trace() {
        return trace;
    }

    private void showChoices() {
        top.getChildren().setAll(weightMode, inputMode);
        top.getChildren().addAll(inputMode.isSelected() ? inputView.choices() : weightChoices);
    }

    /** The step controls of the half shown (the presentation keys move them). */
    StepControls controls() {
        return inputMode.isSelected() ? inputView.controls() : controls;
    }

    /** The dL/dx half. */
    BackwardConvInputView inputView() {
        return inputView;
    }

    /** Shows dL/dx (true) or the weight sharing (false). */
    void showInput(boolean input) {
        (input ? inputMode : weightMode).setSelected(true);
    }

    /** The running sum as shown at the current step (before the divisor; the gradient at the last step). */
    float shownSum() {
        int k = controls.step(); // the weight sharing's
        return k < trace.terms().size() ? trace.terms().get(k).sum() : trace.value();
    }

    @Override
    void redraw() {
        if (inputMode.isSelected()) {
            if (inputView.tracer() != tracer() && tracer() != null) {
                inputView.show(tracer());
            }
            return;
        }
        if (tracer() == null || layer < 0) {
            return;
        }
        if (traced != tracer()) {
            retrace(controls.step()); // a new backward pass (pixel flipped, label changed, a step taken)
            return;
        }
        ConvLayer conv = (ConvLayer) session.network().layers().get(layer);
        ConvGeometry g = conv.geometry();
        int f = filter();
        int c = channel();
        int n = trace.terms().size();
        int k = controls.step();
        boolean last = k >= n;
        GradTerm term = last ? null : trace.terms().get(k);
        String w = "w[" + f + "][" + c + "][" + kernelRow + "][" + kernelCol + "]";
        boolean ink = session.inkPixels() && layer == 0;

        double room = room();
        // one row when the width allows: input, filter, upstream, products (the dL/dw grid may wrap below)
        double kCell = Grids.clampCell(Math.floor(Theme.px(7) / g.kernelWidth()) - Grids.GAP, 2.2);
        int across = g.inWidth() + 2 * g.padWidth() + 2 * g.outWidth();
        double gaps = 2 * Theme.px(1.2) + Theme.px(1.5) + 6 * Grids.GAP;
        // wide when the three maps still print readably with the steps' column (RIGHT_EMS) beside them
        double wideCell = Math.floor((room - gaps - Theme.px(RIGHT_EMS)) / across) - Grids.GAP;
        boolean roomy = wideCell >= Grids.clampCell(0, 1.9);
        // stacked (beside the side panels), the maps also shrink to the tab's height, so the steps stay on screen
        double byHeight = roomy ? Double.MAX_VALUE : ViewportFit.cell(this, input, g.inHeight() + 2 * g.padHeight());
        double inCell = Grids.clampCell(Math.min(byHeight, Math.floor((roomy ? room - gaps - Theme.px(RIGHT_EMS)
                : room - gaps) / across) - Grids.GAP), 1.9);
        double previous = Grids.cellOf(input);
        double outCell = inCell;
        // wide enough for "-0.0076" in a readable type, no wider (the row below the maps must fit the height)
        double gradCell = Grids.clampCell(Math.floor(Theme.px(9) / g.kernelWidth()) - Grids.GAP, roomy ? 3.4 : 2.8);

        input.setCellSize(inCell);
        input.setData(plane(tracer().layerInput(layer), c, g.inHeight(), g.inWidth()), g.inHeight(), g.inWidth());
        input.setRing(g.padHeight(), g.padWidth(), 0);
        input.setStyle(ink ? ValueGrid.Style.INK : ValueGrid.Style.DIVERGING);
        input.setLimit(Double.NaN);
        input.setFormatter(v -> session.format().term(v));
        List<int[]> window = new ArrayList<>();
        if (term != null) {
            int top = term.output()[1] * g.stride() - g.padHeight();
            int left = term.output()[2] * g.stride() - g.padWidth();
            for (int a = 0; a < g.kernelHeight(); a++) {
                for (int b = 0; b < g.kernelWidth(); b++) {
                    window.add(new int[] {top + a * g.dilation(), left + b * g.dilation()});
                }
            }
            input.setHighlight(term.factorAt()[1], term.factorAt()[2]);
        } else {
            input.clearHighlight();
        }
        input.setWindow(window);
        input.draw();
        inputTitle.setText((layer == 0 ? "Input" : "Input (" + session.network().layers().get(layer - 1).name() + ")")
                + (g.inChannels() > 1 ? ", channel " + c : ""));

        float[] kernel = plane(conv.weight().value(), f * g.inChannels() + c, g.kernelHeight(), g.kernelWidth());
        weights.setCellSize(kCell);
        weights.setData(kernel, g.kernelHeight(), g.kernelWidth());
        weights.setStyle(ink && Grids.plusMinusOne(kernel) ? ValueGrid.Style.INK : ValueGrid.Style.DIVERGING);
        weights.setFormatter(v -> session.format().term(v));
        weights.setHighlight(kernelRow, kernelCol);
        weights.draw();
        weightsTitle.setText("Filter " + f + " (click)");

        float[] grads = filterGradients(g, f, c);
        weightGrads.setCellSize(gradCell);
        weightGrads.setData(grads, g.kernelHeight(), g.kernelWidth());
        weightGrads.setStyle(ValueGrid.Style.DIVERGING);
        weightGrads.setLimit(Double.NaN);
        weightGrads.setFormatter(BackwardPart::cell);
        weightGrads.setHighlight(kernelRow, kernelCol);
        // the picked weight's own cell fills in at the last step, when its sum is divided
        boolean[] pending = new boolean[grads.length];
        pending[kernelRow * g.kernelWidth() + kernelCol] = !last;
        weightGrads.setMarked(pending);
        weightGrads.draw();
        gradsTitle.setText("dL/dw");

        float[] up = plane(tracer().upstream(layer), f, g.outHeight(), g.outWidth());
        upstream.setCellSize(outCell);
        upstream.setData(up, g.outHeight(), g.outWidth());
        upstream.setStyle(ValueGrid.Style.DIVERGING);
        upstream.setLimit(Double.NaN);
        upstream.setFormatter(BackwardPart::cell);
        float[] prod = new float[up.length];
        for (GradTerm t : trace.terms()) {
            prod[t.output()[1] * g.outWidth() + t.output()[2]] = t.product();
        }
        products.setCellSize(outCell);
        products.setData(prod, g.outHeight(), g.outWidth());
        products.setStyle(ValueGrid.Style.DIVERGING);
        products.setLimit(Double.NaN);
        products.setFormatter(BackwardPart::cell);
        if (term != null) {
            upstream.setHighlight(term.output()[1], term.output()[2]);
            products.setHighlight(term.output()[1], term.output()[2]);
            products.setVisibleCount(term.output()[1] * g.outWidth() + term.output()[2] + 1);
        } else {
            upstream.clearHighlight();
            products.clearHighlight();
            products.setVisibleCount(prod.length);
        }
        upstream.draw();
        products.draw();
        upstreamTitle.setText("dL/dy (upstream)");
        productsTitle.setText("pixel \u00D7 dL/dy");

        heading.setText(conv.name() + ":" + w + ", in " + n + " windows: dL/dw = (\u03A3 pixel \u00D7 dL/dy)"
                + (g.divisor() > 1 ? " / " + g.divisor() : ""));
        if (term != null) {
            int[] o = term.output();
            int[] at = term.factorAt();
            float before = k == 0 ? 0f : trace.terms().get(k - 1).sum();
            arithmetic.setText("Window " + (k + 1) + " of " + n + ", output (" + o[1] + ", " + o[2] + "): pixel x[" + at[0]
                    + "][" + at[1] + "][" + at[2] + "] = " + num(term.forward()) + ", upstream dL/dy["
                    + o[0] + "][" + o[1] + "][" + o[2] + "] = " + num(term.upstream()) + ", product "
                    + num(term.forward()) + " \u00D7 " + num(term.upstream()) + " = " + num(term.product()));
            sum.setText("running sum: " + num(before) + " + " + num(term.product()) + " = " + num(term.sum()));
        } else {
            arithmetic.setText("The sum of all " + n + " products: " + num(trace.sum()) + "\n"
                    + (trace.divisor() > 1 ? "divided by " + trace.divisor() + " (the divisor of the forward pass)"
                    : "no divisor (this conv does not normalize)"));
            sum.setText("dL/d" + w + " = " + num(trace.sum())
                    + (trace.divisor() > 1 ? " / " + trace.divisor() : "") + " = " + num(trace.value()));
        }
        double mapsWidth = (g.inWidth() + 2 * g.padWidth()) * (inCell + Grids.GAP) + 2 * g.outWidth() * (outCell + Grids.GAP)
                + 2 * Theme.px(1.2) + 6 * Grids.GAP;
        arrange(roomy);
        grids.setPrefWrapLength(roomy ? mapsWidth : Math.max(200, room - Theme.px(1)));
        grids.setMinWidth(roomy ? mapsWidth : javafx.scene.layout.Region.USE_COMPUTED_SIZE);
        Grids.relayout(input, weights, weightGrads, upstream, products);
        ViewportFit.settle(this, this::redraw, previous != Grids.cellOf(input));
    }
}
