package org.convlab.ui.training;

import java.io.File;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import org.convlab.UserInputException;
import org.convlab.io.ModelFormats;
import org.convlab.model.NetworkSpec;

/** Which net to train: one of the small presets, or a model file. */
final class ModelPicker extends HBox {
    /** Presets small enough to train on a laptop in minutes. */
    static final List<String> TRAINABLE = List.of("preset:xo", "preset:lenet5", "preset:tinyvgg");

    private final ComboBox<String> choice = new ComboBox<>();

    /** @param chosen called with (name, spec) when the user picks a model; errors as a message */
    ModelPicker(BiConsumer<String, NetworkSpec> chosen, java.util.function.Consumer<String> error) {
        setSpacing(4);
        setPadding(new Insets(6));
        setAlignment(Pos.CENTER_LEFT);
        choice.setId("modelChoice");
        choice.getItems().addAll(TRAINABLE);
        choice.setValue(TRAINABLE.get(0));
        choice.setOnAction(e -> {
            String name = choice.getValue();
            if (name != null && name.startsWith("preset:")) {
                chosen.accept(name, ModelFormats.load(name));
            }
        });
        Button open = new Button("Open…");
        open.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Model file");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Models (*.json, *.onnx)", "*.json", "*.onnx"));
            File f = fc.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (f != null) {
                try {
                    NetworkSpec spec = ModelFormats.load(f.toString());
                    show(f.getName());
                    chosen.accept(f.toString(), spec);
                } catch (UserInputException ex) {
                    error.accept(ex.getMessage());
                }
            }
        });
        Label title = new Label("Model");
        title.getStyleClass().add("section-title");
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        open.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ChoiceWidth.fit(choice);
        getChildren().addAll(title, choice, open);
    }

    /** Shows {@code name} as the current model without firing the callback. */
    void show(String name) {
        var handler = choice.getOnAction();
        choice.setOnAction(null);
        if (!choice.getItems().contains(name)) {
            choice.getItems().add(name);
        }
        choice.setValue(name);
        choice.setOnAction(handler);
    }
}
