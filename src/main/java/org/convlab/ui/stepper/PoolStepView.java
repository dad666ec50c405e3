package org.convlab.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convlab.engine.PoolGeometry;
import org.convlab.nn.layers.Layer;
import org.convlab.nn.layers.PoolLayer;
import org.convlab.trace.PoolCell;
import org.convlab.trace.PoolStep;
import org.convlab.trace.PoolTrace;
import org.convlab.trace.ValueFormat;
import org.convlab.ui.maps.ValueGrid;

/**
 * The pooling step-through: the window walking over a feature map, the max picked and
 * highlighted (or the average written out), partial windows at the edges drawn with the cells past
 * the map dashed (ceil mode), and the smaller map filling up. Ids: {@code #poolInput},
 * {@code #poolOutput}, {@code #poolResult}, step controls {@code #poolForward}...
 */
public final class PoolStepView extends VBox {
    private final StepperSession session;
    private final List<Integer> poolLayers = new ArrayList<>();
    private final ComboBox<String> layerChoice = new ComboBox<>();
    private final ComboBox<Integer> channelChoice = new ComboBox<>();
    private final ValueGrid input = Grids.grid("poolInput", 2.4);
    private final ValueGrid output = Grids.grid("poolOutput", 2.4);
    private final Label inputTitle = new Label();
    private final Label outputTitle = new Label();
    private final Label result = new Label();
    private final Label where = new Label();
    /** The pooled map's size formula, floor or ceil said (shape inference's). */
    private final Label formula = new Label();
    private final StepControls controls = new StepControls("pool");
    private PoolTrace trace;
    private final HBox grids;
    private int layer = -1;
    private boolean updating;

    public PoolStepView(StepperSession session) {
        this.session = session;
        setMinWidth(0); // take the width the region offers; the grids size themselves to it
        getStyleClass().add("stepper-view");
        List<Layer> layers = session.network().layers();
        LayerChoices.fill(layers, PoolLayer.class, poolLayers, layerChoice);
        layerChoice.setId("poolLayer");
        channelChoice.setId("poolChannel");
        Tips.set(layerChoice, "The pooling layer to step through");
        Tips.set(channelChoice, "The channel (feature map) being pooled");
        layerChoice.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                configure(poolLayers.get(layerChoice.getItems().indexOf(b)), 0, 0);
            }
        });
        channelChoice.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                retrace(controls.step());
            }
        });
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(12, 6, Grids.pair("Layer", layerChoice),
                Grids.pair("Channel", channelChoice));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.visibleProperty().bind(org.convlab.ui.Theme.presentingProperty().not());
        bar.managedProperty().bind(bar.visibleProperty());
        output.setOnCell((r, c) -> controls.setStep(r * trace.geometry().outWidth() + c));
        grids = new HBox(org.convlab.ui.Theme.px(1.6), Grids.titled(inputTitle, input), Grids.sign("\u2192"), Grids.titled(outputTitle, output));
        result.setId("poolResult");
        result.getStyleClass().addAll("stepper-math", "stepper-result");
        result.setWrapText(true);
        where.setWrapText(true);
        where.setId("poolWhere");
        formula.setId("poolFormula");
        formula.getStyleClass().add("caption");
        formula.setWrapText(true);
        controls.stepProperty().addListener((o, a, b) -> redraw());
        session.snapshotProperty().addListener((o, a, b) -> retrace(controls.step()));
        widthProperty().addListener((o, a, b) -> Grids.whenWidthChanges(this, this::redraw));
        Grids.follow(this, () -> {
            grids.setSpacing(org.convlab.ui.Theme.px(1.6));
            redraw();
        });
        getChildren().addAll(bar, grids, where, result, formula, controls);
        setSpacing(10);
        setPadding(new Insets(12));
        if (!poolLayers.isEmpty()) {
            configure(poolLayers.get(0), 0, 0);
        }
    }

    public void configure(int layerIndex, int channel, int step) {
        PoolLayer pool = (PoolLayer) session.network().layers().get(layerIndex);
        updating = true;
        layer = layerIndex;
        layerChoice.setValue(layerIndex + ": " + pool.name());
        List<Integer> channels = new ArrayList<>();
        for (int c = 0; c < pool.geometry().channels(); c++) {
            channels.add(c);
        }
        channelChoice.setItems(FXCollections.observableArrayList(channels));
        channelChoice.setValue(channel);
        updating = false;
        retrace(step);
    }

    private void retrace(int step) {
        if (layer < 0) {
            return;
        }
        PoolLayer pool = (PoolLayer) session.network().layers().get(layer);
        int channel = channelChoice.getValue() == null ? 0 : channelChoice.getValue();
        trace = session.tracer().pool(session.snapshot(), layer, channel);
        formula.setText(sizeText(pool));
        controls.setCount(trace.size());
        controls.setStep(step);
        redraw();
    }

    private void redraw() {
        if (trace == null) {
            return;
        }
        ValueFormat f = session.format();
        PoolGeometry g = trace.geometry();
        PoolStep step = trace.step(controls.step());
        int overhang = 0;
        for (PoolCell c : step.cells()) {
            overhang = Math.max(overhang, Math.max(c.row() - (g.inHeight() + g.padHeight() - 1),
                    c.col() - (g.inWidth() + g.padWidth() - 1)));
        }
        // keep the frame steady: room for the largest overhang of any window
        int frame = Math.max(overhang, maxOverhang(g));
        double before = Grids.cellOf(input);
        int across = g.inWidth() + 2 * g.padWidth() + frame;
        double room = ((getWidth() > 0 ? getWidth() : org.convlab.ui.Theme.px(60)) - org.convlab.ui.Theme.px(8)) * 0.6;
        double cell = Grids.clampCell(Math.min(Math.floor(room / across) - Grids.GAP,
                Grids.cellToFitHeight(this, input, g.inHeight() + 2 * g.padHeight() + frame, grids)), 3.4);
        input.setCellSize(cell);
        input.setData(trace.inputPlane(), g.inHeight(), g.inWidth());
        input.setRing(g.padHeight(), g.padWidth(), frame);
        input.setStyle(Grids.styleFor(trace.inputPlane()));
        input.setFormatter(v -> Grids.ratioText(v, divisor(), f));
        List<int[]> window = new ArrayList<>();
        for (PoolCell c : step.cells()) {
            window.add(new int[] {c.row(), c.col()});
        }
        input.setWindow(window);
        if (step.max()) {
            input.setHighlight(step.argmaxRow(), step.argmaxCol());
        } else {
            input.clearHighlight();
        }
        input.draw();
        inputTitle.setText("Feature map, channel " + trace.channel() + " (" + g.inHeight() + " x " + g.inWidth() + ")");

        output.setCellSize(cell);
        output.setData(trace.outputs(), g.outHeight(), g.outWidth());
        output.setStyle(Grids.styleFor(trace.inputPlane()));
        output.setLimit(org.convlab.ui.maps.ColorMap.limit(trace.inputPlane()));
        input.setLimit(org.convlab.ui.maps.ColorMap.limit(trace.inputPlane()));
        output.setFormatter(v -> Grids.ratioText(v, divisor(), f));
        output.setVisibleCount(controls.step() + 1);
        output.setHighlight(step.outRow(), step.outCol());
        output.draw();
        input.draw();
        outputTitle.setText("Pooled (" + g.outHeight() + " x " + g.outWidth() + ")");

        long outside = step.cells().stream().filter(c -> c.kind() == PoolCell.Kind.OUTSIDE).count();
        where.setText("Window " + g.windowHeight() + " x " + g.windowWidth() + ", stride " + g.stride()
                + (outside > 0 ? ": a partial window at the edge, " + outside + " of its cells lie past the map (ceil mode keeps it)" : ""));
        if (step.max()) {
            result.setText("max of the window = " + Grids.ratioText(step.value(), divisor(), f) + "  (row "
                    + step.argmaxRow() + ", column " + step.argmaxCol() + ")");
        } else {
            result.setText("average = " + f.decimal(step.sum()) + " / " + step.divisor() + " = " + f.decimal(step.value()));
        }
        Grids.relayout(input, output);
        Grids.settle(this, this::redraw, before != cell);
    }

    /** "Output size: ceil((7 - 2 + 2*0)/2) + 1 = 4", and what the rounding keeps or drops. */
    private static String sizeText(PoolLayer pool) {
        String formula = org.convlab.model.ShapeInference.infer(new org.convlab.model.NetworkSpec(pool.inputShape(),
                List.of(), List.of(pool.spec()))).get(0).formula();
        String said = formula.contains("ceil(") ? "; ceil mode keeps the partial windows at the edge"
                : formula.contains("floor(") ? "; floor mode drops the last rows and columns that no whole window covers" : "";
        return "Output size: " + formula + said;
    }

    /** The normalize divisor of the X/O conv feeding this map, so pooled values read as 5/9; 1 otherwise. */
    private int divisor() {
        return session.fractionDivisor();
    }

    private static int maxOverhang(PoolGeometry g) {
        int lastTop = g.windowTop(g.outHeight() - 1);
        int lastLeft = g.windowLeft(g.outWidth() - 1);
        return Math.max(0, Math.max(lastTop + g.windowHeight() - (g.inHeight() + g.padHeight()),
                lastLeft + g.windowWidth() - (g.inWidth() + g.padWidth())));
    }

    public ValueGrid outputGrid() {
        return output;
    }

    /** The feature map being pooled, with its padding ring (rows and columns apart) and the window. */
    public ValueGrid inputGrid() {
        return input;
    }

    /** The trace shown now (null before a pooling layer is chosen). */
    public PoolTrace trace() {
        return trace;
    }

    public StepControls controls() {
        return controls;
    }
}
