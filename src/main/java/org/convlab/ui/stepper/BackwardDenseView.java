package org.convlab.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convlab.nn.layers.DenseLayer;
import org.convlab.trace.backward.GradTerm;
import org.convlab.trace.backward.GradientTrace;
import org.convlab.ui.Theme;

/**
 * The votes' gradients, for one unit (class) of a dense layer (the traces of
 * {@link org.convlab.trace.backward.BackwardTracer#denseWeight} and friends): the ledger
 * {@code dL/dw[o][j] = x[j] * dL/dy[o]} for every input j, {@code dL/db[o] = dL/dy[o]}, and, for a
 * chosen input j, {@code dL/dx[j] = sum over o of w[o][j] * dL/dy[o]} term by term in the engine's
 * order. Long ledgers stop after {@link #ROWS} rows and say how many are left. Ids:
 * {@code #bdenseLayer}, {@code #bdenseUnit}, {@code #bdenseInput}, {@code #bdenseLedger},
 * {@code #bdenseBias}, {@code #bdenseInputSum}.
 */
final class BackwardDenseView extends BackwardPart {
    static final int ROWS = 64;
    private final List<Integer> denseLayers = new ArrayList<>();
    private final ComboBox<String> layerChoice = new ComboBox<>();
    private final ComboBox<String> unitChoice = new ComboBox<>();
    private final ComboBox<Integer> inputChoice = new ComboBox<>();
    private final Label upstreamLine = math("bdenseUpstream");
    private final Label ledger = math("bdenseLedger");
    private final Label bias = math("bdenseBias");
    private final Label inputSum = math("bdenseInputSum");
    private int layer = -1;
    private boolean updating;

    BackwardDenseView(StepperSession session) {
        super(session);
        LayerChoices.fill(session.network().layers(), DenseLayer.class, denseLayers, layerChoice);
        layerChoice.setId("bdenseLayer");
        unitChoice.setId("bdenseUnit");
        inputChoice.setId("bdenseInput");
        Tips.set(layerChoice, "The fully connected layer shown");
        Tips.set(unitChoice, "The unit (for the last layer: the class) whose weights' gradients are listed");
        Tips.set(inputChoice, "The input j whose gradient dL/dx[j] is written out term by term");
        layerChoice.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                select(denseLayers.get(layerChoice.getItems().indexOf(b)));
            }
        });
        unitChoice.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                redraw();
            }
        });
        inputChoice.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                redraw();
            }
        });
        for (Label l : List.of(ledger, inputSum)) {
            l.setWrapText(false);
            l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        bias.getStyleClass().add("stepper-result");
        FlowPane bar = new FlowPane(12, 6, Grids.pair("Layer", layerChoice), Grids.pair("Unit", unitChoice),
                Grids.pair("Input j", inputChoice));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.visibleProperty().bind(Theme.presentingProperty().not());
        bar.managedProperty().bind(bar.visibleProperty());
        Label ledgerTitle = new Label("dL/dw[o][j] = x[j] \u00D7 dL/dy[o]  (the vote's gradient)");
        Label inputTitle = new Label("dL/dx[j] = \u03A3 over units o of w[o][j] \u00D7 dL/dy[o]  (sent down to the layer"
                + " below; \u03A3: the running sum)");
        VBox left = new VBox(Theme.px(0.4), Grids.titled(ledgerTitle, ledger));
        VBox right = new VBox(Theme.px(0.4), Grids.titled(inputTitle, inputSum));
        left.setAlignment(Pos.TOP_LEFT);
        right.setAlignment(Pos.TOP_LEFT);
        ledgerTitle.setMaxWidth(Theme.px(28));
        inputTitle.setMaxWidth(Theme.px(28));
        FlowPane columns = new FlowPane(Theme.px(2), Theme.px(1), left, right);
        columns.setAlignment(Pos.TOP_LEFT);
        columns.prefWrapLengthProperty().bind(widthProperty().subtract(20));
        getChildren().addAll(bar, upstreamLine, bias, columns);
        if (!denseLayers.isEmpty()) {
            select(denseLayers.get(denseLayers.size() - 1));
        }
    }

    void select(int layerIndex) {
        DenseLayer d = (DenseLayer) session.network().layers().get(layerIndex);
        int units = d.outputShape().size();
        int inputs = d.inputShape().size();
        updating = true;
        layer = layerIndex;
        layerChoice.setValue(layerIndex + ": " + d.name());
        List<String> names = new ArrayList<>();
        boolean last = layerIndex == session.network().layers().size() - 1
                || layerIndex == session.network().layers().size() - 2;
        for (int o = 0; o < units; o++) {
            names.add(o + (last && units == session.classes().size() ? " (" + session.classes().get(o) + ")" : ""));
        }
        unitChoice.setItems(FXCollections.observableArrayList(names));
        unitChoice.getSelectionModel().select(0);
        inputChoice.setItems(FXCollections.observableArrayList(Grids.range(inputs)));
        inputChoice.setValue(0);
        updating = false;
        redraw();
    }

    /** Shows unit (class) {@code o}'s gradients (render --channel). */
    void selectUnit(int o) {
        unitChoice.getSelectionModel().select(o);
    }

    private int unit() {
        return Math.max(0, unitChoice.getSelectionModel().getSelectedIndex());
    }

    @Override
    void redraw() {
        if (tracer() == null || layer < 0) {
            return;
        }
        int o = unit();
        int j = inputChoice.getValue() == null ? 0 : inputChoice.getValue();
        // value by value (the rows shown only): the whole ledger of a large layer (VGG's 25088 x 4096) would not fit the heap
        DenseLayer dense = (DenseLayer) session.network().layers().get(layer);
        int inputs = dense.inputShape().size();
        float g = tracer().upstream(layer)[o];
        boolean output = layer >= session.network().layers().size() - 2 && dense.outputShape().size() == session.classes().size();
        String unitName = output ? session.classes().get(o) : "unit " + o;
        upstreamLine.setText("dL/dy[" + o + "] for " + unitName + " = " + num(g)
                + (output ? " (dL/dlogit = p - y, from the loss)" : " (from the layer above)"));
        float[] x = tracer().layerInput(layer);
        StringBuilder b = new StringBuilder();
        int rows = Math.min(inputs, ROWS);
        int width = Math.max(2, Integer.toString(inputs - 1).length());
        for (int k = 0; k < rows; k++) {
            b.append(String.format("j=%-" + width + "d %8s \u00D7 %8s = %8s%n", k, exact(x[k]), num(g),
                    num(tracer().denseWeight(layer, o, k).value())));
        }
        if (inputs > rows) {
            b.append("... ").append(inputs - rows).append(" more inputs (choose Input j to trace one)");
        }
        ledger.setText(b.toString().stripTrailing());
        bias.setText(dense.bias() == null ? "This layer has no bias."
                : "dL/db[" + o + "] = dL/dy[" + o + "] = " + num(tracer().denseBias(layer, o).value()));

        GradientTrace t = tracer().denseInput(layer, j);
        StringBuilder s = new StringBuilder();
        int shown = Math.min(t.terms().size(), ROWS);
        for (int k = 0; k < shown; k++) {
            GradTerm term = t.terms().get(k);
            s.append(String.format("o=%-2d %8s \u00D7 %8s = %8s  \u03A3 %8s%n", term.output()[0], num(term.forward()),
                    num(term.upstream()), num(term.product()), num(term.sum())));
        }
        if (t.terms().size() > shown) {
            s.append("... ").append(t.terms().size() - shown).append(" more terms\n");
        }
        s.append("dL/dx[").append(j).append("] = ").append(num(t.value()));
        inputSum.setText(s.toString());
    }
}
