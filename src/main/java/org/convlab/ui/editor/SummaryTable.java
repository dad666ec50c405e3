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
import org.convlab.model.LayerInfo;
import org.convlab.model.ModelSummary;
import org.convlab.model.SummaryReport;

/**
 * The {@code summary} command's columns as a table, in sync with the stack: output shape, the
 * formula with numbers filled in, weights, params, activations and multiply-adds, with totals
 * below. A misfit row shows the model package's message; rows after it "input unknown".
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
        setPadding(new Insets(12));
        getStyleClass().add("summary-view");
        Label title = new Label("Summary");
        title.getStyleClass().add("view-title");
        table.setId("summaryTable");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column("layer", "name", 100, r -> r.name()));
        table.getColumns().add(column("type", "type", 85, r -> r.spec().type()));
        table.getColumns().add(column("output", "output", 110, r -> switch (r.status()) {
            case FITS -> SummaryReport.shape(r.info().output());
            case MISFIT -> "does not fit";
            case UNKNOWN -> "input unknown";
        }));
        table.getColumns().add(number("weights", "weights", LayerInfo::weights));
        table.getColumns().add(number("params", "params", LayerInfo::params));
        table.getColumns().add(number("activations", "activations", LayerInfo::activations));
        table.getColumns().add(number("multiply-adds", "macs", LayerInfo::multiplyAdds));
        table.getColumns().add(column("formula", "formula", 330, r -> r.fits() ? r.info().formula()
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
        totals.setId("summaryTotals");
        totals.getStyleClass().add("caption");
        totals.setWrapText(true);
        getChildren().addAll(title, table, totals);
        model.revisionProperty().addListener((o, a, b) -> refresh());
        model.selectedProperty().addListener((o, a, b) -> selectRow());
        refresh();
    }

    private void refresh() {
        table.setItems(FXCollections.observableArrayList(model.rows()));
        selectRow();
        ModelSummary s = StackAnalysis.summary(model.document());
        if (s == null) {
            totals.setText(model.rows().isEmpty() ? "No layers yet: add one from the palette."
                    : "Totals appear when every layer fits.");
        } else {
            totals.setText("Input " + SummaryReport.shape(s.network().input()) + " -> output "
                    + SummaryReport.shape(s.layers().get(s.layers().size() - 1).output())
                    + ".  Params " + LayerText.count(s.totalParams()) + " (weights " + LayerText.count(s.totalWeights())
                    + " + biases " + LayerText.count(s.totalBiases()) + ").  Activations " + LayerText.count(s.totalActivations())
                    + " values per sample.  Multiply-adds " + LayerText.count(s.totalMultiplyAdds()) + " per sample.");
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

    private static TableColumn<LayerRow, String> column(String title, String id, double width, Function<LayerRow, String> text) {
        TableColumn<LayerRow, String> c = new TableColumn<>(title);
        c.setId("col-" + id);
        c.setPrefWidth(width);
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
        TableColumn<LayerRow, String> c = column(title, id, 112, r -> r.fits() ? LayerText.count(value.apply(r.info())) : "");
        c.setStyle("-fx-alignment: center-right;");
        return c;
    }
}
