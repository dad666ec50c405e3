package org.convlab.ui.editor;

import java.util.Optional;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;
import org.controlsfx.property.editor.PropertyEditor;
import org.convlab.UserInputException;
import org.convlab.model.LayerInfo;
import org.convlab.model.SummaryReport;

/**
 * The right region: the selected layer's settings in a ControlsFX {@link PropertySheet} with
 * typed editors (text fields for numbers and names, a check box for switches, an editable list
 * for padding, floor/ceil for pooling edges), applied as you type. A refused value stays in its
 * field, marked red, with the reason below ({@code #propertyError}) and nothing applied. Below the
 * sheet the layer's arithmetic: {@code #selectedOutput}, {@code #selectedFormula},
 * {@code #selectedCounts}, and for a misfit the problem and fix. Sheet id {@code #properties};
 * an editor's id is {@code #field-<name>} with dots as underscores ({@code #field-b2_conv1_filters}
 * for a layer inside a block, whose settings come in one section per inner layer).
 */
public final class PropertiesPanel extends VBox {
    private final EditorModel model;
    private final PropertySheet sheet = new PropertySheet();
    private final Label header = new Label();
    private final Label error = new Label();
    private final Label output = new Label();
    private final Label formula = new Label();
    private final Label counts = new Label();
    /** True while a value typed in the sheet is applied: the sheet must not rebuild under the user's cursor. */
    private boolean applying;

    public PropertiesPanel(EditorModel model) {
        super(6);
        this.model = model;
        getStyleClass().add("properties-panel");
        Label title = new Label("Properties");
        title.getStyleClass().add("panel-title");
        header.setId("selectedLayer");
        header.getStyleClass().add("section-title");
        sheet.setId("properties");
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);
        sheet.setPropertyEditorFactory(item -> editor((SettingItem) item));
        sheet.skinProperty().addListener((o, a, b) -> keepNamesWhole());
        VBox.setVgrow(sheet, Priority.ALWAYS);
        error.setId("propertyError");
        error.getStyleClass().add("property-error");
        error.setWrapText(true);
        output.setId("selectedOutput");
        formula.setId("selectedFormula");
        counts.setId("selectedCounts");
        for (Label l : new Label[] {output, formula, counts}) {
            l.getStyleClass().add("property-value");
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // all lines, never "..."
        }
        header.setWrapText(true);
        header.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // the arithmetic keeps every line (its labels never shrink below their text); the sheet
        // takes the room left, at least 9 em, and scrolls its settings itself
        Runnable scale = () -> { // the sheet grows into whatever the arithmetic leaves, but never below 9 em
            sheet.setMinHeight(org.convlab.ui.Theme.px(9));
            sheet.setPrefHeight(org.convlab.ui.Theme.px(9));
        };
        scale.run();
        org.convlab.ui.Theme.onChange(this, scale);
        getChildren().addAll(title, header, sheet, error, output, formula, counts);
        model.selectedProperty().addListener((o, a, b) -> rebuild());
        model.revisionProperty().addListener((o, a, b) -> {
            if (!applying) {
                rebuild();
            } else {
                showArithmetic();
            }
        });
        rebuild();
    }

    private void rebuild() {
        error.setText("");
        ObservableList<PropertySheet.Item> items = FXCollections.observableArrayList();
        boolean grouped = false;
        for (SettingField<?> f : model.selectedFields()) {
            items.add(new SettingItem(f));
            grouped |= f.group() != null;
        }
        // a block shows its own settings, then one section per inner layer
        sheet.setMode(grouped ? PropertySheet.Mode.CATEGORY : PropertySheet.Mode.NAME);
        sheet.getItems().setAll(items);
        keepNamesWhole();
        showArithmetic();
    }

    /**
     * The sheet's setting names never shrink below their text (ControlsFX lets them go down to
     * 100 px, "norm..." at a large text size); the editors give way instead, and the sheet scrolls
     * sideways if it must.
     */
    private void keepNamesWhole() {
        for (javafx.scene.Node n : sheet.lookupAll(".label")) {
            if (n instanceof Label l && !(l.getParent() instanceof Control)) {
                l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
    }

    private void showArithmetic() {
        LayerRow row = model.selectedRow();
        if (row == null) {
            header.setText("Input");
            output.setText("output " + SummaryReport.shape(model.document().input()));
            formula.setText("the image the network reads");
            counts.setText("values " + LayerText.count(org.convlab.model.Dims.of(model.document().input()).count()));
            setMisfit(false);
            return;
        }
        header.setText(row.name() + " (" + row.spec().type() + ")");
        switch (row.status()) {
            case FITS -> {
                LayerInfo i = row.info();
                output.setText("output " + SummaryReport.shape(i.outputDims()));
                formula.setText(i.formula());
                counts.setText("params " + LayerText.count(i.params()) + " (weights " + LayerText.count(i.weights())
                        + "), activations " + LayerText.count(i.activations()) + ", multiply-adds "
                        + LayerText.count(i.multiplyAdds()));
            }
            case MISFIT -> {
                output.setText("does not fit");
                formula.setText(row.problem());
                counts.setText(row.suggestion() == null ? "no nearby stride or padding fits" : "Fix: " + row.suggestion());
            }
            case UNKNOWN -> {
                output.setText("input unknown");
                formula.setText("an earlier layer does not fit");
                counts.setText("");
            }
        }
        setMisfit(row.status() == LayerRow.Status.MISFIT);
    }

    private void setMisfit(boolean misfit) {
        formula.getStyleClass().remove("misfit-text");
        if (misfit) {
            formula.getStyleClass().add("misfit-text");
        }
    }

    /** Applies {@code text} to the setting; a refusal marks the editor and shows why. */
    private void apply(SettingItem item, Control editor, String text) {
        applying = true;
        try {
            model.set(item.field.name(), text);
            editor.getStyleClass().remove("invalid");
            error.setText("");
        } catch (UserInputException e) {
            if (!editor.getStyleClass().contains("invalid")) {
                editor.getStyleClass().add("invalid");
            }
            error.setText(e.getMessage());
        } finally {
            applying = false;
        }
    }

    private PropertyEditor<?> editor(SettingItem item) {
        SettingField<?> f = item.field;
        Control control;
        switch (f.kind()) {
            case BOOL -> {
                CheckBox box = new CheckBox();
                box.setSelected(Boolean.parseBoolean(f.text()));
                box.selectedProperty().addListener((o, a, b) -> apply(item, box, Boolean.toString(b)));
                control = box;
            }
            case CHOICE -> {
                ComboBox<String> combo = new ComboBox<>(FXCollections.observableArrayList(f.choices()));
                combo.setEditable(f.name().equals("padding"));
                combo.setValue(f.text());
                if (combo.isEditable()) {
                    combo.getEditor().textProperty().addListener((o, a, b) -> {
                        if (!b.equals(a)) {
                            apply(item, combo, b);
                        }
                    });
                } else {
                    combo.valueProperty().addListener((o, a, b) -> apply(item, combo, b));
                }
                control = combo;
            }
            default -> {
                TextField field = new TextField(f.text());
                field.textProperty().addListener((o, a, b) -> apply(item, field, b));
                control = field;
            }
        }
        control.setId("field-" + f.name().replace('.', '_')); // a dot would read as a CSS class in a lookup
        control.setMaxWidth(Double.MAX_VALUE);
        return new AbstractPropertyEditor<Object, Control>(item, control, true) {
            @Override
            protected ObservableValue<Object> getObservableValue() {
                return new javafx.beans.property.SimpleObjectProperty<>(f.text());
            }

            @Override
            public void setValue(Object value) {
                // values flow from the control to the model through apply(), never back
            }
        };
    }

    /** A sheet row for one setting; the editor does the applying, so the item only describes it. */
    private static final class SettingItem implements PropertySheet.Item {
        final SettingField<?> field;

        SettingItem(SettingField<?> field) {
            this.field = field;
        }

        @Override
        public Class<?> getType() {
            return String.class;
        }

        @Override
        public String getCategory() {
            return field.group() == null ? "Block" : field.group();
        }

        @Override
        public String getName() {
            return field.label();
        }

        @Override
        public String getDescription() {
            return field.help();
        }

        @Override
        public Object getValue() {
            return field.text();
        }

        @Override
        public void setValue(Object value) {
            // see PropertiesPanel.apply
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }
    }
}
