package org.convlab.ui.app;

import java.util.Map;
import java.util.Optional;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;
import org.convlab.ui.lesson.XoLessonLayers.Layer;

/**
 * The properties panel on the right: the selected layer's settings, read-only for now. Values
 * are shown as wrapping labels rather than greyed-out text fields, so they stay legible.
 */
final class LayerProperties {
    private LayerProperties() {}

    static PropertySheet create() {
        PropertySheet sheet = new PropertySheet();
        sheet.setId("properties");
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);
        sheet.setPropertyEditorFactory(LayerProperties::readOnlyEditor);
        return sheet;
    }

    static void show(PropertySheet sheet, Layer layer) {
        ObservableList<PropertySheet.Item> items = FXCollections.observableArrayList();
        items.add(new ReadOnlyItem(layer.type(), "Layer", layer.type()));
        for (Map.Entry<String, String> e : layer.settings().entrySet()) {
            items.add(new ReadOnlyItem(layer.type(), e.getKey(), e.getValue()));
        }
        items.add(new ReadOnlyItem(layer.type(), "Output", layer.output()));
        sheet.getItems().setAll(items);
    }

    private static AbstractPropertyEditor<Object, Label> readOnlyEditor(PropertySheet.Item item) {
        Label label = new Label(String.valueOf(item.getValue()));
        label.getStyleClass().add("property-value");
        label.setWrapText(true);
        return new AbstractPropertyEditor<>(item, label, true) {
            @Override
            protected ObservableValue<Object> getObservableValue() {
                return new javafx.beans.property.SimpleObjectProperty<>(item.getValue());
            }

            @Override
            public void setValue(Object value) {
                label.setText(String.valueOf(value));
            }
        };
    }

    /** A text setting that can be read but not changed (editing arrives with the stack editor). */
    private record ReadOnlyItem(String category, String name, String value) implements PropertySheet.Item {
        @Override
        public Class<?> getType() {
            return String.class;
        }

        @Override
        public String getCategory() {
            return category;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getDescription() {
            return name + ": " + value;
        }

        @Override
        public Object getValue() {
            return value;
        }

        @Override
        public void setValue(Object value) {
            // read-only: nothing to change
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }

        @Override
        public boolean isEditable() {
            return false;
        }
    }
}
