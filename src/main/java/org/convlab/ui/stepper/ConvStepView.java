package org.convlab.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convlab.UserInputException;
import org.convlab.engine.ConvGeometry;
import org.convlab.nn.layers.ConvLayer;
import org.convlab.nn.layers.Layer;
import org.convlab.trace.ChannelSum;
import org.convlab.trace.ConvStep;
import org.convlab.trace.ConvTerm;
import org.convlab.trace.ConvTrace;
import org.convlab.trace.ValueFormat;
import org.convlab.ui.Theme;
import org.convlab.ui.maps.ValueGrid;

/**
 * The convolution step-through: the input (padding drawn as padding) with the current window,
 * the filter, the products, the sum written out, then {@code / 9} or {@code + bias}, and the value
 * landing in the output map. Stride, padding and dilation can be changed to see the window move
 * differently (the step-through replays at once; the network itself is not changed). Click an
 * output cell to jump to its window, an input pixel of the network's input to flip it.
 *
 * <p>Ids: {@code #convInput}, {@code #convKernel}, {@code #convProducts}, {@code #convOutput},
 * {@code #convSum}, {@code #convTotal}, {@code #convFinish}, {@code #convStride},
 * {@code #convPadding}, {@code #convDilation}, {@code #convFractions}, and the step controls
 * {@code #convForward}... .
 */
public final class ConvStepView extends VBox {
    private final StepperSession session;
    private final List<Integer> convLayers = new ArrayList<>();
    private final ComboBox<String> layerChoice = new ComboBox<>();
    private final ComboBox<Integer> filterChoice = new ComboBox<>();
    private final ComboBox<Integer> channelChoice = new ComboBox<>();
    private final Spinner<Integer> stride = new Spinner<>(1, 8, 1);
    private final Spinner<Integer> padding = new Spinner<>(0, 8, 0);
    private final Spinner<Integer> dilation = new Spinner<>(1, 8, 1);
    private final CheckBox fractions = new CheckBox("fractions");
    private final ValueGrid input = Grids.grid("convInput", 2);
    private final ValueGrid kernel = Grids.grid("convKernel", 2);
    private final WeightField kernelEditor = new WeightField(kernel);
    private final ValueGrid products = Grids.grid("convProducts", 2);
    private final ValueGrid output = Grids.grid("convOutput", 2);
    private final Label inputTitle = new Label();
    private final Label outputTitle = new Label();
    /** Why the stride/padding/dilation set now gives no map: the editor's message with the arithmetic. */
    private final Label problem = new Label();
    private final StepControls controls = new StepControls("conv");
    private final FlowPane bar;
    private final ConvArithmetic math = new ConvArithmetic();
    private final VBox grids = new VBox(10);
    private final VBox inputBox;
    private final VBox kernelBox;
    private final VBox productsBox;
    private final VBox outputBox;
    private boolean narrow;
    /** The wide layout's row and its right column (output, arithmetic, controls); null when narrow. */
    private HBox row;
    private VBox right;
    private ConvTrace trace;
    private int layer = -1;
    private boolean updating;

    public ConvStepView(StepperSession session) {
        this.session = session;
        setMinWidth(0); // take the width the region offers; the grids size themselves to it
        getStyleClass().add("stepper-view");
        List<Layer> layers = session.network().layers();
        LayerChoices.fill(layers, ConvLayer.class, convLayers, layerChoice);
        layerChoice.setId("convLayer");
        filterChoice.setId("convFilter");
        channelChoice.setId("convChannel");
        stride.setId("convStride");
        padding.setId("convPadding");
        dilation.setId("convDilation");
        fractions.setId("convFractions");
        for (Spinner<Integer> s : List.of(stride, padding, dilation)) {
            s.setPrefWidth(Theme.px(4.7));
            s.valueProperty().addListener((o, a, b) -> geometryChanged());
        }
        Tips.set(layerChoice, "The conv layer to step through");
        Tips.set(filterChoice, "The filter (output channel) whose map is computed");
        Tips.set(channelChoice, "The input channel shown; the sum runs over all of them");
        Tips.set(stride, "How far the window moves each step (the network itself is not changed)");
        Tips.set(padding, "Rings of zeros around the input (the network itself is not changed)");
        Tips.set(dilation, "Spacing between the filter's taps (the network itself is not changed)");
        Tips.set(fractions, "Write values as exact fractions such as 5/9 instead of decimals");
        fractions.selectedProperty().bindBidirectional(session.fractionsProperty());
        session.fractionsProperty().addListener((o, a, b) -> redraw());
        layerChoice.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                configure(convLayers.get(layerChoice.getItems().indexOf(b)), 0, 0);
            }
        });
        filterChoice.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                retrace(controls.step());
            }
        });
        channelChoice.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                redraw();
            }
        });
        bar = new FlowPane(12, 6, Grids.pair("Layer", layerChoice), Grids.pair("Filter", filterChoice),
                Grids.pair("Channel", channelChoice), Grids.pair("Stride", stride), Grids.pair("Padding", padding),
                Grids.pair("Dilation", dilation), fractions, Grids.resetButton(session));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("stepper-bar");

        input.setOnCell((r, c) -> {
            if (layer == 0) {
                session.flip(channel(), r, c);
            }
        });
        output.setOnCell((r, c) -> {
            if (trace != null) {
                controls.setStep(trace.indexOf(r, c));
            }
        });
        inputBox = Grids.titled(inputTitle, input);
        // click a weight of the filter to type a new one: it goes into the network, every view follows
        kernelEditor.setOnCommit((r, c, v) -> session.setWeight(layer, filter(), channel(), r, c, v));
        kernelBox = Grids.titled(new Label("Filter"), kernelEditor);
        productsBox = Grids.titled(new Label("Products"), products);
        outputBox = Grids.titled(outputTitle, output);
        widthProperty().addListener((o, a, b) -> Grids.whenWidthChanges(this, () -> {
            arrange(getWidth());
            redraw();
        }));
        Grids.follow(this, () -> {
            for (Spinner<Integer> s : List.of(stride, padding, dilation)) {
                s.setPrefWidth(Theme.px(4.7));
            }
            arrange(getWidth());
            redraw();
        });
        // presentation shows what the room reads: the grids, the arithmetic and the Play controls
        bar.visibleProperty().bind(Theme.presentingProperty().not());
        bar.managedProperty().bind(bar.visibleProperty());

        problem.setId("convProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add("stepper-problem");
        problem.setVisible(false);
        problem.setManaged(false);
        controls.stepProperty().addListener((o, a, b) -> redraw());
        session.snapshotProperty().addListener((o, a, b) -> retrace(controls.step()));
        getChildren().addAll(bar, problem, grids, controls);
        arrange(0);
        setSpacing(10);
        setPadding(new Insets(12));
        if (!convLayers.isEmpty()) {
            configure(convLayers.get(0), 0, 0);
        }
    }

    /** Shows filter {@code filter} of conv layer {@code layerIndex} at step {@code step}, with the layer's own geometry. */
    public void configure(int layerIndex, int filter, int step) {
        ConvLayer conv = (ConvLayer) session.network().layers().get(layerIndex);
        ConvGeometry g = conv.geometry();
        updating = true;
        layer = layerIndex;
        layerChoice.setValue(layerIndex + ": " + conv.name());
        filterChoice.setItems(FXCollections.observableArrayList(Grids.range(g.outChannels())));
        filterChoice.setValue(filter);
        channelChoice.setItems(FXCollections.observableArrayList(Grids.range(g.inChannels())));
        channelChoice.setValue(0);
        channelChoice.setDisable(g.inChannels() == 1);
        stride.getValueFactory().setValue(g.stride());
        padding.getValueFactory().setValue(g.padHeight());
        dilation.getValueFactory().setValue(g.dilation());
        updating = false;
        retrace(step);
    }

    /**
     * Below this width (in ems) the maps go on two rows: input x filter = products, then the
     * output beside the sums; above it one row, with the output, the sums and the Play controls
     * stacked right of the input, so the whole step fits a projector's height.
     */
    static final double NARROW_EMS = 54;

    /** Places the grids and the arithmetic for the width the view has (0: not laid out yet). */
    private void arrange(double width) {
        boolean n = width > 0 && width < Theme.px(NARROW_EMS);
        if (n == narrow && !grids.getChildren().isEmpty()) {
            if (narrow) {
                ((FlowPane) grids.getChildren().get(0)).setPrefWrapLength(Math.max(200, width - Theme.px(1.5)));
                math.setMaxWidth(Math.max(200, width - Theme.px(2.7)));
            }
            return;
        }
        narrow = n;
        grids.getChildren().clear();
        getChildren().remove(controls);
        if (narrow) {
            // a flow, not a row: a 5x5 filter and its products wrap below the input rather than
            // squeezing into each other when the middle region is narrow (LeNet beside the side panels)
            FlowPane top = new FlowPane(10, 10, inputBox, Grids.sign("\u00D7"), kernelBox, Grids.sign("="), productsBox);
            top.setPrefWrapLength(Math.max(200, width - Theme.px(1.5)));
            for (javafx.scene.layout.Region box : new javafx.scene.layout.Region[] {inputBox, kernelBox, productsBox}) {
                box.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
            math.setMaxWidth(Math.max(200, width - Theme.px(2.7)));
            math.setMinWidth(0);
            HBox bottom = new HBox(10, Grids.sign("\u2192"), outputBox, math);
            HBox.setHgrow(math, javafx.scene.layout.Priority.ALWAYS);
            grids.getChildren().addAll(top, bottom);
            getChildren().add(controls);
            row = null;
            right = null;
        } else {
            VBox middle = new VBox(4, kernelBox, Grids.sign("="), productsBox);
            middle.setAlignment(Pos.TOP_CENTER);
            // the output, its arithmetic and the Play controls right of the input: a projector shows
            // the whole step without scrolling
            math.setMaxWidth(Double.MAX_VALUE);
            math.setMinWidth(0);
            right = new VBox(8, outputBox, math, controls);
            right.setMinWidth(0);
            outputBox.setAlignment(Pos.TOP_LEFT);
            HBox.setHgrow(right, javafx.scene.layout.Priority.ALWAYS);
            row = new HBox(10, inputBox, Grids.sign("\u00D7"), middle, Grids.sign("\u2192"), right);
            grids.getChildren().add(row);
        }
    }

    /** Sets the stride (the step-through replays from the start, as after a change by hand). */
    public void setStride(int s) {
        stride.getValueFactory().setValue(s);
    }

    private int filter() {
        return filterChoice.getValue() == null ? 0 : filterChoice.getValue();
    }

    private int channel() {
        return channelChoice.getValue() == null ? 0 : channelChoice.getValue();
    }

    /** A spinner moved: replay from the start, or say (the editor's words) why this window does not fit. */
    private void geometryChanged() {
        if (updating || layer < 0) {
            return;
        }
        retrace(0);
        if (trace != null) {
            controls.playFromStart();
        }
    }

    private void retrace(int step) {
        if (layer < 0) {
            return;
        }
        ConvLayer conv = (ConvLayer) session.network().layers().get(layer);
        ConvGeometry g = conv.geometry();
        int s = stride.getValue();
        int p = padding.getValue();
        int d = dilation.getValue();
        org.convlab.model.LayerInfo info;
        try {
            info = GeometryCheck.conv(conv, s, p, d);
        } catch (UserInputException misfit) {
            // no map rather than a silently cut one: the same refusal, with the arithmetic, as the editor's
            showProblem(misfit.getMessage());
            return;
        }
        showProblem(null);
        math.setFormula(GeometryCheck.describe(info, s, p, d, g.kernelHeight(), g.inHeight()));
        ConvGeometry shown = new ConvGeometry(1, g.inChannels(), g.inHeight(), g.inWidth(), g.outChannels(),
                g.kernelHeight(), g.kernelWidth(), s, p, p, d, g.divisor());
        float[] b = conv.bias() == null ? null : conv.bias().value();
        trace = new ConvTrace(shown, session.snapshot().inputOf(layer).data(), conv.weight().value(), b, filter());
        controls.setCount(trace.size());
        controls.setStep(step);
        arrange(getWidth());
        redraw();
    }

    /** Shows {@code message} in place of the maps, or (null) the maps again. */
    private void showProblem(String message) {
        boolean fits = message == null;
        problem.setText(fits ? "" : message);
        problem.setVisible(!fits);
        problem.setManaged(!fits);
        grids.setVisible(fits);
        grids.setManaged(fits);
        controls.setDisable(!fits);
        if (!fits) {
            controls.pause();
            trace = null;
        }
    }

    private void redraw() {
        if (trace == null) {
            return;
        }
        ValueFormat f = session.format();
        ConvGeometry g = trace.geometry();
        int c = channel();
        ConvStep step = trace.step(controls.step());
        boolean ink = session.inkPixels() && layer == 0;

        double before = Grids.cellOf(input);
        double beforeOut = Grids.cellOf(output);
        int paddedW = g.inWidth() + 2 * g.padWidth();
        int paddedH = g.inHeight() + 2 * g.padHeight();
        double width = getWidth() > 0 ? getWidth() : Theme.px(70);
        double small = Grids.cellSize(g.kernelWidth(), Theme.px(12), 2.6);
        double kernelWidth = g.kernelWidth() * (small + Grids.GAP) + Grids.GAP;
        double signs = 2 * Theme.px(2.2) + 4 * 10 + 2 * 12;
        // narrow: the input beside filter and products when they fit there (else they wrap below);
        // wide: the input left of the filter column and of the output, sums and controls
        double room = narrow ? width - signs - 2 * kernelWidth : width - signs - kernelWidth - Theme.px(17);
        double cell = Math.min(Math.floor(room / paddedW) - Grids.GAP, Grids.cellToFitHeight(this, input, paddedH, row));
        cell = Grids.clampCell(cell, 3.4);
        input.setCellSize(cell);
        input.setData(trace.inputPlane(c), g.inHeight(), g.inWidth());
        input.setRing(g.padHeight(), 0);
        input.setStyle(ink ? ValueGrid.Style.INK : ValueGrid.Style.DIVERGING);
        input.setFormatter(f::term);
        List<int[]> window = new ArrayList<>();
        ChannelSum shown = step.channels().get(c);
        for (ConvTerm t : shown.terms()) {
            window.add(new int[] {t.inputRow(), t.inputCol()});
        }
        input.setWindow(window);
        input.draw();
        inputTitle.setText((layer == 0 ? "Input" : "Input (" + session.network().layers().get(layer - 1).name() + ")")
                + (g.inChannels() > 1 ? ", channel " + c : ""));

        kernel.setCellSize(small);
        kernel.setData(trace.kernel(c), g.kernelHeight(), g.kernelWidth());
        // ink only while the filter is still made of +1/-1 pixels; a typed 0.5 needs the colour map
        kernel.setStyle(ink && Grids.plusMinusOne(trace.kernel(c)) ? ValueGrid.Style.INK : ValueGrid.Style.DIVERGING);
        kernel.setFormatter(f::term);
        kernel.draw();

        float[] p = new float[shown.terms().size()];
        boolean[] pad = new boolean[p.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = shown.terms().get(k).product();
            pad[k] = shown.terms().get(k).padding();
        }
        products.setCellSize(small);
        products.setData(p, g.kernelHeight(), g.kernelWidth());
        products.setStyle(ValueGrid.Style.DIVERGING);
        products.setLimit(ColorLimit.of(trace.kernel(c), trace.inputPlane(c)));
        products.setFormatter(f::term);
        products.setMarked(pad);
        products.draw();

        // wide: the output smaller than the input, beside it, above the arithmetic and the controls
        double across = width - signs - kernelWidth - paddedW * (cell + Grids.GAP);
        output.setCellSize(narrow ? cell : Grids.clampCell(Math.min(Math.min(0.8 * cell, Math.floor(across / g.outWidth()) - Grids.GAP),
                Grids.cellToFitHeight(this, output, g.outHeight(), row)), 3.4));
        output.setData(trace.outputs(), g.outHeight(), g.outWidth());
        output.setStyle(Grids.styleFor(trace.outputs()));
        output.setFormatter(v -> step.whole() && !step.hasBias() ? Grids.ratioText(v, g.divisor(), f) : f.decimal(v));
        output.setVisibleCount(controls.step() + 1);
        output.setHighlight(step.outRow(), step.outCol());
        output.draw();
        outputTitle.setText("Output " + g.outHeight() + " x " + g.outWidth());

        math.show(step, g, c, f, session.slidesConvention());
        Grids.relayout(input, kernel, products, output);
        Grids.settle(this, this::redraw, before != Grids.cellOf(input) || beforeOut != Grids.cellOf(output));
    }

    public ValueGrid kernelGrid() {
        return kernel;
    }

    public ValueGrid inputGrid() {
        return input;
    }

    public ValueGrid outputGrid() {
        return output;
    }

    public StepControls controls() {
        return controls;
    }

    public ConvTrace trace() {
        return trace;
    }
}
