package org.convlab.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convlab.engine.ConvGeometry;
import org.convlab.nn.layers.ConvLayer;
import org.convlab.trace.backward.BackwardTracer;
import org.convlab.trace.backward.FullConvolution;
import org.convlab.trace.backward.GradientTrace;
import org.convlab.ui.Theme;
import org.convlab.ui.maps.ValueGrid;

/**
 * dL/dx of a conv's input pixel, the other half of the conv's backward (issue 15): the full
 * convolution of the upstream gradient with the filter turned 180 degrees. Click an input pixel;
 * the view shows the upstream dL/dy padded with zeros (and, for a stride, with zeros inserted
 * between its rows and columns, as a transposed convolution does), the filter and its flipped
 * copy side by side, and steps through the ENGINE's terms ({@link BackwardTracer#convInput}, in
 * its order) re-read on that picture ({@link FullConvolution}): flipped weight x the upstream
 * under it, the running sum, then the divisor. The last step is the engine's dL/dx bit for bit.
 *
 * <p>Ids: {@code #bdxLayer}, {@code #bdxChannel}, grids {@code #bdxInput}, {@code #bdxResult},
 * {@code #bdxPadded}, {@code #bdxFilter}, {@code #bdxFlipped}, text {@code #bdxHeading},
 * {@code #bdxMath}, {@code #bdxSum}, step controls {@code #bdxForward}...
 */
final class BackwardConvInputView extends BackwardPart {
    private final List<Integer> convLayers = new ArrayList<>();
    private final ComboBox<String> layerChoice = new ComboBox<>();
    private final ComboBox<Integer> channelChoice = new ComboBox<>();
    private final ValueGrid input = Grids.grid("bdxInput", 2.4);
    private final ValueGrid result = Grids.grid("bdxResult", 2.4);
    private final ValueGrid padded = Grids.grid("bdxPadded", 2.4);
    private final ValueGrid filter = Grids.grid("bdxFilter", 2.4);
    private final ValueGrid flipped = Grids.grid("bdxFlipped", 2.4);
    private final Label inputTitle = new Label();
    private final Label resultTitle = new Label();
    private final Label paddedTitle = new Label();
    private final Label filterTitle = new Label();
    private final Label flippedTitle = new Label();
    private final Label heading = math("bdxHeading");
    /** What the picture is (padding, inserted zeros, the turned filter), in body type: it is prose. */
    private final Label picture = new Label();
    private final Label arithmetic = math("bdxMath");
    private final Label sum = math("bdxSum");
    private final StepControls controls = new StepControls("bdx");
    private final FlowPane maps;
    private final HBox kernels;
    private final VBox inputBox;
    private final VBox paddedBox;
    private final VBox resultBox;
    private final VBox filterBox;
    private final VBox flippedBox;
    private final VBox steps;
    private final VBox body = new VBox(Theme.px(0.8));
    private Boolean wide;
    /** The least width of the column right of the maps in the wide layout, ems. */
    private static final double RIGHT_EMS = 22;
    private int layer = -1;
    private int row;
    private int col;
    private GradientTrace trace;
    private List<FullConvolution.Term> terms = List.of();
    private FullConvolution full;
    private BackwardTracer traced;
    private boolean updating;
    /** Layer and channel, shown by {@link BackwardConvView} in its top row beside the switch. */
    private final List<javafx.scene.Node> choices;

    BackwardConvInputView(StepperSession session) {
        super(session);
        LayerChoices.fill(session.network().layers(), ConvLayer.class, convLayers, layerChoice);
        layerChoice.setId("bdxLayer");
        channelChoice.setId("bdxChannel");
        Tips.set(layerChoice, "The conv layer whose input gradient is stepped through");
        Tips.set(channelChoice, "The input channel of the picked pixel");
        layerChoice.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                configure(convLayers.get(layerChoice.getItems().indexOf(b)), 0, -1, -1);
            }
        });
        channelChoice.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                retrace(0);
            }
        });
        input.setOnCell(this::pick);
        result.setOnCell(this::pick);
        sum.getStyleClass().add("stepper-result");
        choices = List.of(ChoiceRow.choice("Layer", layerChoice, () -> convLayers.size() > 1),
                ChoiceRow.choice("Channel", channelChoice, () -> channelChoice.getItems().size() > 1));
        maps = new FlowPane(Theme.px(1.2), Theme.px(0.8));
        maps.setAlignment(Pos.TOP_LEFT);
        inputBox = Grids.titled(inputTitle, input);
        paddedBox = Grids.titled(paddedTitle, padded);
        resultBox = Grids.titled(resultTitle, result);
        filterBox = Grids.titled(filterTitle, filter);
        flippedBox = Grids.titled(flippedTitle, flipped);
        kernels = new HBox(Theme.px(1.2));
        steps = new VBox(6, controls, sum, arithmetic);
        steps.setMinWidth(0);
        HBox.setHgrow(steps, Priority.ALWAYS);
        controls.stepProperty().addListener((o, a, b) -> redraw());
        picture.setId("bdxPicture");
        picture.setWrapText(true);
        picture.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(heading, picture, body);
        arrange(false);
        if (!convLayers.isEmpty()) {
            configure(convLayers.get(0), 0, -1, -1);
        }
    }

    List<javafx.scene.Node> choices() {
        return choices;
    }

    /** Pixel [channel][r][c] of conv layer {@code layerIndex}'s input, from the first term; -1 picks the middle. */
    void configure(int layerIndex, int channel, int r, int c) {
        ConvGeometry g = ((ConvLayer) session.network().layers().get(layerIndex)).geometry();
        updating = true;
        layer = layerIndex;
        layerChoice.setValue(layerChoice.getItems().get(convLayers.indexOf(layerIndex)));
        if (g != null) {
            channelChoice.setItems(FXCollections.observableArrayList(Grids.range(g.inChannels())));
            channelChoice.setDisable(g.inChannels() == 1);
            row = r < 0 ? g.inHeight() / 2 : r;
            col = c < 0 ? g.inWidth() / 2 : c;
        } else {
            row = Math.max(0, r);
            col = Math.max(0, c);
        }
        channelChoice.setValue(channel);
        updating = false;
        retrace(0);
    }

    /**
     * Wide: the three maps left, the filter and its flipped copy above the steps right of them.
     * Narrow (beside the editor's side panels): the input, the padded upstream and the two filters
     * (one above the other) in a row, the steps and dL/dx below: the fewest rows of grids.
     */
    private void arrange(boolean isWide) {
        if (wide != null && wide == isWide) {
            return;
        }
        wide = isWide;
        body.getChildren().clear();
        if (isWide) {
            maps.getChildren().setAll(inputBox, paddedBox, resultBox);
            kernels.getChildren().setAll(filterBox, flippedBox);
            VBox right = new VBox(Theme.px(0.8), kernels, steps);
            right.setMinWidth(0);
            HBox.setHgrow(right, Priority.ALWAYS);
            body.getChildren().add(new HBox(Theme.px(1.5), maps, right));
        } else {
            kernels.getChildren().clear();
            maps.getChildren().setAll(inputBox, paddedBox, new VBox(Theme.px(0.4), filterBox, flippedBox));
            body.getChildren().addAll(maps, new HBox(Theme.px(1.2), steps, resultBox));
        }
    }

    private void pick(int r, int c) {
        ConvGeometry g = geometry();
        if (g == null || r < 0 || c < 0 || r >= g.inHeight() || c >= g.inWidth()) {
            return; // a padding cell has no gradient of its own
        }
        row = r;
        col = c;
        retrace(0);
    }

    private ConvGeometry geometry() {
        return layer < 0 ? null : ((ConvLayer) session.network().layers().get(layer)).geometry();
    }

    private int channel() {
        return channelChoice.getValue() == null ? 0 : channelChoice.getValue();
    }

    private void retrace(int step) {
        if (tracer() == null || layer < 0) {
            return;
        }
        traced = tracer();
        ConvGeometry g = geometry();
        if (channelChoice.getItems().size() != g.inChannels()) { // geometry known only after the first forward pass
            configure(layer, Math.min(channel(), g.inChannels() - 1), Math.min(row, g.inHeight() - 1),
                    Math.min(col, g.inWidth() - 1));
            return;
        }
        row = Math.min(row, g.inHeight() - 1);
        col = Math.min(col, g.inWidth() - 1);
        full = new FullConvolution(g);
        trace = traced.convInput(layer, channel(), row, col);
        terms = full.reread(trace, row, col);
        controls.setCount(terms.size() + 1);
        controls.setStep(Math.min(step, terms.size()));
        redraw();
    }

    /** The trace being stepped through. */
    GradientTrace trace() {
        return trace;
    }

    /** Its terms on the full-convolution picture. */
    List<FullConvolution.Term> terms() {
        return terms;
    }

    StepControls controls() {
        return controls;
    }

    /** The running sum as shown at the current step (the gradient at the last step). */
    float shownSum() {
        int k = controls.step();
        return k < terms.size() ? terms.get(k).sum() : trace.value();
    }

    /** dL/dx of the whole input plane of this layer (the engine's), C x H x W. */
    private float[] inputGradient() {
        return layer == 0 ? tracer().inputGradient() : tracer().upstream(layer - 1);
    }

    @Override
    void redraw() {
        if (tracer() == null || layer < 0) {
            return;
        }
        if (traced != tracer() || trace == null) {
            retrace(controls.step()); // a new backward pass (pixel flipped, label changed, a step taken)
            return;
        }
        ConvLayer conv = (ConvLayer) session.network().layers().get(layer);
        ConvGeometry g = conv.geometry();
        int c = channel();
        int n = terms.size();
        int k = controls.step();
        boolean last = k >= n;
        FullConvolution.Term term = last ? null : terms.get(k);
        int f = term != null ? term.filter() : n > 0 ? terms.get(n - 1).filter() : 0;
        boolean ink = session.inkPixels() && layer == 0;
        int kh = g.kernelHeight(), kw = g.kernelWidth(), d = g.dilation();
        int ring = Math.max(0, full.padTop()), ringCols = Math.max(0, full.padLeft());
        int coreRows = full.height() - 2 * ring, coreCols = full.width() - 2 * ringCols;

        double room = room();
        int across = g.inWidth() + 2 * g.padWidth() + full.width() + g.inWidth(); // wide: input, padded, dL/dx
        double gaps = 2 * Theme.px(1.2) + Theme.px(1.5) + 6 * Grids.GAP;
        double wideCell = Math.floor((room - gaps - Theme.px(RIGHT_EMS)) / across) - Grids.GAP;
        boolean roomy = wideCell >= Grids.clampCell(0, 1.7);
        if (!roomy) { // narrow: input, padded upstream and the filters' column
            across = g.inWidth() + 2 * g.padWidth() + full.width();
            gaps += Math.floor(Theme.px(7)) - Theme.px(1.5);
        }
        // stacked (beside the side panels), the maps also shrink to the tab's height, so the steps stay on screen
        double byHeight = roomy ? Double.MAX_VALUE : ViewportFit.cell(this, padded, full.height());
        double cell = Grids.clampCell(Math.min(byHeight, Math.floor((roomy ? room - gaps - Theme.px(RIGHT_EMS)
                : room - gaps) / across) - Grids.GAP), 1.9);
        double previous = Grids.cellOf(padded);
        double kCell = Grids.clampCell(Math.floor(Theme.px(7) / kw) - Grids.GAP, 2.2);

        input.setCellSize(cell);
        input.setData(plane(tracer().layerInput(layer), c, g.inHeight(), g.inWidth()), g.inHeight(), g.inWidth());
        input.setRing(g.padHeight(), g.padWidth(), 0);
        input.setStyle(ink ? ValueGrid.Style.INK : ValueGrid.Style.DIVERGING);
        input.setLimit(Double.NaN);
        input.setFormatter(v -> v == Math.rint(v) ? session.format().term(v) : exactCell(v)); // pooled n/9 inputs print as fractions
        input.setHighlight(row, col);
        List<int[]> window = new ArrayList<>();
        if (term != null) { // the forward window at the term's output: it covered the pixel with the term's weight
            int top = term.row() * g.stride() - g.padHeight(), left = term.col() * g.stride() - g.padWidth();
            for (int a = 0; a < kh; a++) {
                for (int b = 0; b < kw; b++) {
                    window.add(new int[] {top + a * d, left + b * d});
                }
            }
        }
        input.setWindow(window);
        input.draw();
        inputTitle.setText((layer == 0 ? "Input" : "Input (" + session.network().layers().get(layer - 1).name() + ")")
                + (g.inChannels() > 1 ? ", channel " + c : "") + ": click a pixel");

        float[] z = full.paddedUpstream(tracer().upstream(layer), f);
        float[] core = new float[coreRows * coreCols];
        for (int r = 0; r < coreRows; r++) {
            System.arraycopy(z, (r + ring) * full.width() + ringCols, core, r * coreCols, coreCols);
        }
        padded.setCellSize(cell);
        padded.setData(core, coreRows, coreCols);
        padded.setRing(ring, ringCols, 0);
        padded.setStyle(ValueGrid.Style.DIVERGING);
        padded.setLimit(Double.NaN);
        padded.setFormatter(BackwardPart::cell);
        List<int[]> reach = new ArrayList<>(); // the flipped filter slid to the pixel, stride 1
        for (int a = 0; a < kh; a++) {
            for (int b = 0; b < kw; b++) {
                reach.add(new int[] {row + a * d - ring, col + b * d - ringCols});
            }
        }
        padded.setWindow(reach);
        if (term != null) {
            padded.setHighlight(term.u() - ring, term.v() - ringCols);
        } else {
            padded.clearHighlight();
        }
        padded.draw();
        paddedTitle.setText("dL/dy" + (g.outChannels() > 1 ? " of filter " + f : "") + ", padded"
                + (g.stride() > 1 ? ", " + full.inserted() + " zero" + (full.inserted() > 1 ? "s" : "") + " between" : ""));

        float[] w = conv.weight().value();
        float[] original = plane(w, f * g.inChannels() + c, kh, kw);
        float[] turned = full.flippedFilter(w, f, c);
        for (ValueGrid grid : new ValueGrid[] {filter, flipped}) {
            grid.setCellSize(kCell);
            grid.setStyle(ink && Grids.plusMinusOne(original) ? ValueGrid.Style.INK : ValueGrid.Style.DIVERGING);
            grid.setFormatter(v -> session.format().term(v));
        }
        filter.setData(original, kh, kw);
        flipped.setData(turned, kh, kw);
        if (term != null) {
            int[] o = term.original(g);
            filter.setHighlight(o[0], o[1]);
            flipped.setHighlight(term.a(), term.b());
        } else {
            filter.clearHighlight();
            flipped.clearHighlight();
        }
        filter.draw();
        flipped.draw();
        String fc = g.outChannels() > 1 || g.inChannels() > 1 ? "[" + f + "][" + c + "]" : "";
        filterTitle.setText("Filter " + f + (g.inChannels() > 1 ? ", ch " + c : ""));
        flippedTitle.setText("turned 180\u00B0");

        float[] grads = plane(inputGradient(), c, g.inHeight(), g.inWidth());
        result.setCellSize(cell);
        result.setData(grads, g.inHeight(), g.inWidth());
        result.setStyle(ValueGrid.Style.DIVERGING);
        result.setLimit(Double.NaN);
        result.setFormatter(BackwardPart::cell);
        result.setHighlight(row, col);
        boolean[] pending = new boolean[grads.length];
        pending[row * g.inWidth() + col] = !last; // the picked pixel's value lands at the last step
        result.setMarked(pending);
        result.draw();
        resultTitle.setText("dL/dx" + (g.inChannels() > 1 ? ", channel " + c : ""));

        String x = "dL/dx[" + c + "][" + row + "][" + col + "]";
        String div = g.divisor() > 1 ? " / " + g.divisor() : "";
        heading.setText(x + " = (\u03A3" + (g.outChannels() > 1 ? " over " + g.outChannels() + " filters" : "")
                + " flipped w \u00D7 dL/dy)" + div);
        picture.setText("The full convolution of dL/dy with the filter turned 180\u00B0: dL/dy padded with "
                + Math.max(0, full.padTop()) + " zero" + (full.padTop() == 1 ? "" : "s")
                + (full.padTop() < 0 ? " (the conv's padding " + g.padHeight() + " is wider than the filter: "
                + -full.padTop() + " edge rows of dL/dy only touched padding)" : "")
                + (g.stride() > 1 ? ", and " + full.inserted() + " zero" + (full.inserted() > 1 ? "s" : "")
                + " inserted between its rows and columns (stride " + g.stride()
                + ": that is how a transposed convolution works)" : "")
                + (d > 1 ? "; the flipped filter is spread by the dilation " + d : "") + "."
                + (g.outChannels() > 1 ? " Every filter used this pixel: the sum runs over all " + g.outChannels()
                + ", each with its own dL/dy." : "")
                + (java.util.Arrays.equals(original, turned) ? " Filter " + f + " looks the same turned around (it is"
                + " symmetric), but each term still pairs w[i][j] with the upstream at the opposite offset." : "")
                + " Click a pixel to pick another.");
        if (term != null) {
            float before = k == 0 ? 0f : terms.get(k - 1).sum();
            int[] o = term.original(g);
            arithmetic.setText("Term " + (k + 1) + " of " + n + (g.outChannels() > 1 ? ", filter " + f : "")
                    + ": flipped weight w'" + fc + "[" + term.a() + "][" + term.b() + "] = w" + fc + "[" + o[0] + "][" + o[1]
                    + "] = " + session.format().term(term.weight()) + " over dL/dy[" + f + "][" + term.row() + "]["
                    + term.col() + "] = " + num(term.upstream()) + "; product " + session.format().term(term.weight())
                    + " \u00D7 " + num(term.upstream()) + " = " + num(term.product()));
            sum.setText("running sum: " + num(before) + " + " + num(term.product()) + " = " + num(term.sum()));
        } else {
            int zeros = g.outChannels() * kh * kw - n;
            arithmetic.setText("The sum of all " + n + " products: " + num(trace.sum())
                    + (zeros > 0 ? "; the other " + zeros + " cells under the flipped filter" + (g.outChannels() > 1 ? "s" : "")
                    + " lie on zeros and add nothing" : "") + "\n"
                    + (g.divisor() > 1 ? "divided by " + g.divisor() + " (the divisor of the forward pass)"
                    : "no divisor (this conv does not normalize)"));
            sum.setText(x + " = " + num(trace.sum()) + div + " = " + num(trace.value()));
        }
        double mapsWidth = across * (cell + Grids.GAP) + 2 * Theme.px(1.2) + 9 * Grids.GAP;
        arrange(roomy);
        maps.setPrefWrapLength(roomy ? mapsWidth : Math.max(200, room - Theme.px(1)));
        maps.setMinWidth(roomy ? mapsWidth : Region.USE_COMPUTED_SIZE);
        Grids.relayout(input, padded, result, filter, flipped);
        ViewportFit.settle(this, this::redraw, previous != Grids.cellOf(padded));
    }
}
