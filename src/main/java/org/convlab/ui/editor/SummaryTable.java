package org.convlab.ui.editor;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.convlab.MemoryGuard;
import org.convlab.model.LayerInfo;
import org.convlab.model.MemoryEstimate;
import org.convlab.model.ModelSummary;
import org.convlab.model.SummaryReport;
import org.convlab.model.WhyConvolution;
import org.convlab.ui.Theme;

/**
 * The {@code summary} command's columns as a table, in sync with the stack: output shape, params,
 * activations, multiply-adds, weights and the formula with numbers filled in, with totals below.
 * Every column is as wide as its widest text (measured in the theme's fonts, again when the scale
 * changes), so nothing is cut off, and the counts come before the long formula so that they stay
 * in view in a narrow window. A misfit row shows the model package's message; rows after it "input unknown".
 * Ids: {@code #summaryTable}, {@code #summaryTotals}; cells carry the column's id as a style
 * class ({@code col-output}, {@code col-weights}, ...).
 */
public final class SummaryTable extends VBox {
    private final EditorModel model;
    private final TableView<LayerRow> table = new TableView<>();
    private final Label totals = new Label();

    public SummaryTable(EditorModel model) {
        super(8);
        this.model = model;
        Theme.onChange(this, () -> setPadding(new Insets(Theme.px(0.8))));
        setPadding(new Insets(Theme.px(0.8)));
        getStyleClass().add("summary-view");
        Label title = new Label("Summary");
        title.getStyleClass().add("view-title");
        table.setId("summaryTable");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column("layer", "name", r -> r.name()));
        table.getColumns().add(column("type", "type", r -> r.spec().type()));
        table.getColumns().add(column("output", "output", r -> switch (r.status()) {
            case FITS -> SummaryReport.shape(r.info().outputDims());
            case MISFIT -> "does not fit";
            case UNKNOWN -> "input unknown";
        }));
        table.getColumns().add(number("params", "params", LayerInfo::params));
        table.getColumns().add(number("activations", "activations", LayerInfo::activations));
        table.getColumns().add(number("multiply-adds", "macs", LayerInfo::multiplyAdds));
        // why convolution: a conv's multiply-adds are its connections (outputs x window), made with few params;
        // beside them, what a dense layer joining the same input and output would need
        TableColumn<LayerRow, String> dense = right(column("dense instead", "denseInstead", r -> {
            if (!conv(r)) {
                return "";
            }
            WhyConvolution w = WhyConvolution.of(r.info());
            return WhyConvolution.count(w.denseWeights()) + " (" + WhyConvolution.ratioText(w.ratio()) + ")";
        }));
        table.getColumns().add(dense);
        table.getColumns().add(number("weights", "weights", LayerInfo::weights));
        table.getColumns().add(column("formula", "formula", r -> r.fits() ? r.info().formula()
                : r.status() == LayerRow.Status.MISFIT ? r.problem() : ""));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(LayerRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("misfit", "unknown");
                if (!empty && row != null && !row.fits()) {
                    getStyleClass().add(row.status() == LayerRow.Status.MISFIT ? "misfit" : "unknown");
                }
            }
        });
        table.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0 && b.intValue() != model.selected()) {
                model.select(b.intValue());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        // the table scrolls its own rows: on a short screen it gives up height so the totals below show whole
        table.setMinHeight(0);
        totals.setId("summaryTotals");
        totals.getStyleClass().add("caption");
        totals.setWrapText(true);
        totals.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(title, table, totals);
        model.revisionProperty().addListener((o, a, b) -> refresh());
        model.selectedProperty().addListener((o, a, b) -> selectRow());
        Theme.onChange(this, this::fitColumns);
        refresh();
    }

    /**
     * Sets every column's width to its widest text, header included, measured in the fonts the
     * style sheet gives them (body text; the formula in the monospaced font at 0.93 em), plus the
     * cell's padding.
     */
    private void fitColumns() {
        Text measure = new Text();
        for (TableColumn<LayerRow, ?> c : table.getColumns()) {
            @SuppressWarnings("unchecked")
            TableColumn<LayerRow, String> column = (TableColumn<LayerRow, String>) c;
            boolean mono = column.getId().equals("col-formula");
            measure.setFont(mono ? Theme.mono(0.93) : Theme.font(1));
            double widest = 0;
            for (LayerRow row : table.getItems()) {
                String s = column.getCellObservableValue(row).getValue();
                measure.setText(s == null ? "" : s);
                widest = Math.max(widest, measure.getLayoutBounds().getWidth());
            }
            measure.setFont(Theme.bold(1));
            measure.setText(column.getText());
            widest = Math.max(widest, measure.getLayoutBounds().getWidth());
            double width = Math.ceil(widest + Theme.px(0.7)); // the cell's padding and border, a little air
            column.setMinWidth(width);
            column.setPrefWidth(width);
        }
    }

    private void refresh() {
        table.setItems(FXCollections.observableArrayList(model.rows()));
        fitColumns();
        selectRow();
        ModelSummary s = StackAnalysis.summary(model.document());
        if (s == null) {
            totals.setText(model.rows().isEmpty() ? "No layers yet: add one from the palette."
                    : "Totals appear when every layer fits.");
        } else {
            totals.setText("Input " + SummaryReport.shape(s.network().input()) + " -> output "
                    + SummaryReport.shape(s.layers().get(s.layers().size() - 1).outputDims())
                    + ".  Params " + LayerText.count(s.totalParams()) + " (weights " + LayerText.count(s.totalWeights())
                    + " + biases " + LayerText.count(s.totalBiases()) + ").  Activations " + LayerText.count(s.totalActivations())
                    + " values per sample.  Multiply-adds " + LayerText.count(s.totalMultiplyAdds()) + " per sample.  "
                    + memory(s) + whyConvolution(s));
        }
    }

    private void selectRow() {
        int i = model.selected();
        if (i >= 0 && i < table.getItems().size()) {
            table.getSelectionModel().select(i);
        } else {
            table.getSelectionModel().clearSelection();
        }
    }

    private static TableColumn<LayerRow, String> column(String title, String id, Function<LayerRow, String> text) {
        TableColumn<LayerRow, String> c = new TableColumn<>(title);
        c.setId("col-" + id);
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(text.apply(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
            }

            {
                getStyleClass().add("col-" + id);
            }
        });
        return c;
    }

    private static TableColumn<LayerRow, String> number(String title, String id, Function<LayerInfo, Long> value) {
        return right(column(title, id, r -> r.fits() ? LayerText.count(value.apply(r.info())) : ""));
    }

    private static TableColumn<LayerRow, String> right(TableColumn<LayerRow, String> c) {
        c.setStyle("-fx-alignment: center-right;");
        return c;
    }

    private static boolean conv(LayerRow r) {
        return r.fits() && r.spec() instanceof org.convlab.model.ConvSpec;
    }

    /** The conv layers' connections and params against the dense layers that would do the same, or "". */
    static String whyConvolution(ModelSummary s) {
        java.util.List<WhyConvolution> convs = WhyConvolution.of(s);
        if (convs.isEmpty()) {
            return "";
        }
        WhyConvolution t = WhyConvolution.total(convs);
        return "  Conv layers: " + WhyConvolution.count(t.connections()) + " connections (their multiply-adds) from "
                + LayerText.count(t.params()) + " params, shared by all windows; dense layers joining the same inputs"
                + " and outputs would need " + WhyConvolution.count(t.denseWeights()) + " weights ("
                + WhyConvolution.ratioText(t.ratio()) + ").";
    }

    /** What the stack would take in memory: weights, one image, training at the summary's batch; and what Java has. */
    static String memory(ModelSummary s) {
        MemoryEstimate m = MemoryEstimate.of(s);
        return "Memory: weights " + MemoryGuard.size(m.weightBytes()) + ", activations "
                + MemoryGuard.size(m.activationBytesPerImage()) + " per image, training at batch "
                + SummaryReport.SUMMARY_BATCH + " " + MemoryGuard.size(m.trainingBytes(SummaryReport.SUMMARY_BATCH, 1))
                + " (Java may use " + MemoryGuard.size(Runtime.getRuntime().maxMemory()) + ").";
    }
}
