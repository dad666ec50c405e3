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
import org.convlab.engine.ConvGeometry;
import org.convlab.nn.layers.ConvLayer;
import org.convlab.nn.layers.Layer;
import org.convlab.trace.ChannelSum;
import org.convlab.trace.ConvStep;
import org.convlab.trace.ConvTerm;
import org.convlab.trace.ConvTrace;
import org.convlab.trace.SumText;
import org.convlab.trace.ValueFormat;
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
    private final ValueGrid input = Grids.grid("convInput", 30);
    private final ValueGrid kernel = Grids.grid("convKernel", 30);
    private final WeightField kernelEditor = new WeightField(kernel);
    private final ValueGrid products = Grids.grid("convProducts", 30);
    private final ValueGrid output = Grids.grid("convOutput", 30);
    private final Label inputTitle = new Label();
    private final Label outputTitle = new Label();
    private final VBox sums = new VBox(2);
    private final List<Label> sumLines = new ArrayList<>();
    private final Label total = new Label();
    private final Label finish = new Label();
    private final Label where = new Label();
    private final Label note = new Label();
    /** Why the last stride/padding/dilation change was undone (the window did not fit). */
    private final Label problem = new Label();
    private final StepControls controls = new StepControls("conv");
    private final VBox math = new VBox(4);
    private final VBox grids = new VBox(10);
    private final VBox inputBox;
    private final VBox kernelBox;
    private final VBox productsBox;
    private final VBox outputBox;
    private boolean narrow;
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
            s.setPrefWidth(70);
            s.valueProperty().addListener((o, a, b) -> geometryChanged(a, s));
        }
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
        FlowPane bar = new FlowPane(8, 6, new Label("Layer"), layerChoice, new Label("Filter"), filterChoice,
                new Label("Channel"), channelChoice, new Label("Stride"), stride, new Label("Padding"), padding,
                new Label("Dilation"), dilation, fractions, Grids.resetButton(session));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("stepper-bar");

        input.setOnCell((r, c) -> {
            if (layer == 0) {
                session.flip(channel(), r, c);
            }
        });
        output.setOnCell((r, c) -> controls.setStep(trace.indexOf(r, c)));
        inputBox = Grids.titled(inputTitle, input);
        // click a weight of the filter to type a new one: it goes into the network, every view follows
        kernelEditor.setOnCommit((r, c, v) -> session.setWeight(layer, filter(), channel(), r, c, v));
        kernelBox = Grids.titled(new Label("Filter"), kernelEditor);
        productsBox = Grids.titled(new Label("Products"), products);
        outputBox = Grids.titled(outputTitle, output);
        widthProperty().addListener((o, a, b) -> {
            arrange(b.doubleValue());
            redraw();
        });

        sums.setId("convSums");
        for (int k = 0; k < 7; k++) {
            Label line = new Label();
            line.getStyleClass().add("stepper-math");
            line.setWrapText(true);
            sumLines.add(line);
        }
        sumLines.get(0).setId("convSum");
        sums.getChildren().setAll(sumLines);
        total.setId("convTotal");
        finish.setId("convFinish");
        where.setId("convWhere");
        note.getStyleClass().add("caption");
        note.setWrapText(true);
        for (Label l : List.of(total, finish)) {
            l.getStyleClass().add("stepper-math");
            l.setWrapText(true);
        }
        finish.getStyleClass().add("stepper-result");
        problem.setId("convProblem");
        problem.setWrapText(true);
        problem.setStyle("-fx-text-fill: #b2182b;");
        math.getChildren().addAll(problem, where, sums, total, finish, note);
        math.setPadding(new Insets(4, 0, 4, 0));
        where.setWrapText(true);

        controls.stepProperty().addListener((o, a, b) -> redraw());
        session.snapshotProperty().addListener((o, a, b) -> retrace(controls.step()));
        getChildren().addAll(bar, grids, controls);
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
        filterChoice.setItems(FXCollections.observableArrayList(range(g.outChannels())));
        filterChoice.setValue(filter);
        channelChoice.setItems(FXCollections.observableArrayList(range(g.inChannels())));
        channelChoice.setValue(0);
        channelChoice.setDisable(g.inChannels() == 1);
        stride.getValueFactory().setValue(g.stride());
        padding.getValueFactory().setValue(g.padHeight());
        dilation.getValueFactory().setValue(g.dilation());
        updating = false;
        retrace(step);
    }

    /** Below this width the maps go on two rows: input x filter = products, then the output beside the sums. */
    static final double NARROW = 1000;

    /** Places the grids and the arithmetic for the width the view has (0: not laid out yet). */
    private void arrange(double width) {
        boolean n = width > 0 && width < NARROW;
        if (n == narrow && !grids.getChildren().isEmpty()) {
            return;
        }
        narrow = n;
        grids.getChildren().clear();
        if (narrow) {
            // a flow, not a row: a 5x5 filter and its products wrap below the input rather than
            // squeezing into each other when the middle region is narrow (LeNet beside the side panels)
            FlowPane top = new FlowPane(10, 10, inputBox, Grids.sign("\u00D7"), kernelBox, Grids.sign("="), productsBox);
            top.setPrefWrapLength(Math.max(200, width - 20));
            for (javafx.scene.layout.Region box : new javafx.scene.layout.Region[] {inputBox, kernelBox, productsBox}) {
                box.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
            math.setMaxWidth(Math.max(200, width - 40));
            math.setMinWidth(0);
            HBox bottom = new HBox(10, Grids.sign("\u2192"), outputBox, math);
            HBox.setHgrow(math, javafx.scene.layout.Priority.ALWAYS);
            grids.getChildren().addAll(top, bottom);
        } else {
            VBox middle = new VBox(4, kernelBox, Grids.sign("="), productsBox);
            middle.setAlignment(Pos.TOP_CENTER);
            // the arithmetic to the right of the output, so a projector shows it without scrolling
            math.setMaxWidth(360);
            math.setMinWidth(260);
            HBox row = new HBox(10, inputBox, Grids.sign("\u00D7"), middle, Grids.sign("\u2192"), outputBox, math);
            grids.getChildren().add(row);
        }
    }

    /** Sets the stride (the step-through replays from the start, as after a change by hand). */
    public void setStride(int s) {
        stride.getValueFactory().setValue(s);
    }

    private static List<Integer> range(int n) {
        List<Integer> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(i);
        }
        return l;
    }

    private int filter() {
        return filterChoice.getValue() == null ? 0 : filterChoice.getValue();
    }

    private int channel() {
        return channelChoice.getValue() == null ? 0 : channelChoice.getValue();
    }

    private void geometryChanged(Integer previous, Spinner<Integer> source) {
        if (updating || layer < 0) {
            return;
        }
        try {
            retrace(0);
            controls.playFromStart();
            problem.setText("");
        } catch (IllegalArgumentException e) { // the window does not fit the padded input: undo
            updating = true;
            source.getValueFactory().setValue(previous);
            updating = false;
            retrace(0);
            problem.setText(e.getMessage());
        }
    }

    private void retrace(int step) {
        if (layer < 0) {
            return;
        }
        ConvLayer conv = (ConvLayer) session.network().layers().get(layer);
        ConvGeometry g = conv.geometry();
        ConvGeometry shown = new ConvGeometry(1, g.inChannels(), g.inHeight(), g.inWidth(), g.outChannels(),
                g.kernelHeight(), g.kernelWidth(), stride.getValue(), padding.getValue(), padding.getValue(),
                dilation.getValue(), g.divisor());
        float[] b = conv.bias() == null ? null : conv.bias().value();
        trace = new ConvTrace(shown, session.snapshot().inputOf(layer).data(), conv.weight().value(), b, filter());
        controls.setCount(trace.size());
        controls.setStep(step);
        redraw();
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

        int paddedW = g.inWidth() + 2 * g.padWidth();
        // the width left for the input and output maps, shared by their columns
        double width = getWidth() > 0 ? getWidth() : 1100;
        double cell = narrow
                ? Math.floor((width - 330) / (paddedW + 1)) - 2 // input beside filter and products
                : Math.floor((width - 620) / (paddedW + g.outWidth() + 1)) - 2;
        cell = Math.max(8, Math.min(44, cell));
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

        double small = Math.min(34, Grids.cellSize(g.kernelWidth(), 180, 34));
        kernel.setCellSize(small);
        kernel.setData(trace.kernel(c), g.kernelHeight(), g.kernelWidth());
        // ink only while the filter is still made of +1/-1 pixels; a typed 0.5 needs the colour map
        kernel.setStyle(ink && plusMinusOne(trace.kernel(c)) ? ValueGrid.Style.INK : ValueGrid.Style.DIVERGING);
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

        output.setCellSize(cell);
        output.setData(trace.outputs(), g.outHeight(), g.outWidth());
        output.setStyle(ValueGrid.Style.DIVERGING);
        output.setFormatter(v -> step.whole() && !step.hasBias() ? Grids.ratioText(v, g.divisor(), f) : f.decimal(v));
        output.setVisibleCount(controls.step() + 1);
        output.setHighlight(step.outRow(), step.outCol());
        output.draw();
        outputTitle.setText("Output " + g.outHeight() + " x " + g.outWidth());

        where.setText("Output row " + step.outRow() + ", column " + step.outCol() + ": window from input row "
                + step.windowTop() + ", column " + step.windowLeft() + " (stride " + g.stride() + ", dilation "
                + g.dilation() + ")");
        // a fixed set of labels, shown or hidden: adding nodes during a layout pass could leave them unlaid
        int shownChannels = Math.min(step.channels().size(), sumLines.size() - 1);
        for (int k = 0; k < sumLines.size(); k++) {
            Label line = sumLines.get(k);
            boolean used = k <= shownChannels && (k < shownChannels || step.channels().size() > shownChannels);
            line.setVisible(used);
            line.setManaged(used);
            if (k < shownChannels) {
                ChannelSum cs = step.channels().get(k);
                // many channels of large windows: the products written out for the channel shown, partial sums for the rest
                boolean brief = step.channels().size() > 1 && k != c && cs.terms().size() > 9;
                line.setText((step.channels().size() > 1 ? "channel " + k + ":  " : "")
                        + (brief ? "the " + cs.terms().size() + " products add up to " + f.term(cs.partialSum())
                        : SumText.channel(cs, f)));
            } else if (used) {
                line.setText("... " + (step.channels().size() - shownChannels) + " more channels");
            }
        }
        total.setVisible(step.channels().size() > 1);
        total.setManaged(step.channels().size() > 1);
        total.setText("sum of the channels:  " + SumText.total(step, f));
        finish.setText(SumText.finish(step, f));
        note.setText(session.slidesConvention() && !f.showsFractions()
                ? "Values are cut to 2 decimals, as the slides print them (5/9 = 0.555... shows 0.55)."
                : "");
    }

    private static boolean plusMinusOne(float[] values) {
        for (float v : values) {
            if (v != 1f && v != -1f) {
                return false;
            }
        }
        return true;
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
