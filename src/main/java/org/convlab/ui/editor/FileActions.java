package org.convlab.ui.editor;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.convlab.UserInputException;

/**
 * The File menu's work with its dialogs: choosers for open/save, the error dialog for a file
 * that fails to load ({@code #fileErrorDialog}: the model package's message, the current model
 * untouched), and "save changes?" before unsaved work would be lost ({@code #unsavedDialog}).
 * Successful opens and saves go to the recent files.
 */
public final class FileActions {
    private final EditorModel model;
    private final RecentFiles recent;
    private final Consumer<String> status;
    private Window owner;

    public FileActions(EditorModel model, RecentFiles recent, Consumer<String> status) {
        this.model = model;
        this.recent = recent;
        this.status = status;
    }

    public void setOwner(Window owner) {
        this.owner = owner;
    }

    public RecentFiles recent() {
        return recent;
    }

    public void openWithChooser() {
        if (!mayDiscard()) {
            return;
        }
        File f = chooser("Open a model").showOpenDialog(owner);
        if (f != null) {
            open(f.toPath());
        }
    }

    /** Opens {@code file}; on failure shows the error dialog and keeps the current model. Returns success. */
    public boolean open(Path file) {
        try {
            model.open(file);
            recent.add(file);
            status.accept("Opened " + file);
            return true;
        } catch (UserInputException e) {
            error("Cannot open " + file.getFileName(), e.getMessage());
            return false;
        }
    }

    /** Save to the current file, or ask where when there is none. Returns false when nothing was saved. */
    public boolean save() {
        Path f = model.fileProperty().get();
        return f == null ? saveAs() : save(f);
    }

    public boolean saveAs() {
        FileChooser c = chooser("Save the model");
        Path f = model.fileProperty().get();
        c.setInitialFileName(f != null ? f.getFileName().toString() : model.sourceProperty().get().replace("preset:", "") + ".json");
        File chosen = c.showSaveDialog(owner);
        return chosen != null && save(chosen.toPath());
    }

    public boolean save(Path file) {
        try {
            model.save(file);
            recent.add(file);
            status.accept("Saved " + file);
            return true;
        } catch (UserInputException | IOException e) {
            error("Cannot save " + file.getFileName(), e.getMessage());
            return false;
        }
    }

    /** True when there are no unsaved changes, or the user saved or chose to discard them. */
    public boolean mayDiscard() {
        if (!model.isDirty()) {
            return true;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.initOwner(owner);
        a.setTitle("Unsaved changes");
        a.setHeaderText("Save the changes to " + model.sourceProperty().get() + "?");
        a.setContentText("Your changes are lost if you don't save them.");
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        a.getButtonTypes().setAll(save, discard, ButtonType.CANCEL);
        a.getDialogPane().setId("unsavedDialog");
        Optional<ButtonType> answer = a.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return false;
        }
        return answer.get() == discard || save();
    }

    /** A modal message; shown without waiting, so the caller (and a test) carries on. */
    public void error(String header, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setTitle("ConvLab");
        a.setHeaderText(header);
        a.setContentText(message);
        a.getDialogPane().setId("fileErrorDialog");
        a.getDialogPane().setMinWidth(org.convlab.ui.Theme.px(34.5));
        a.show();
        status.accept(header + ": " + message);
    }

    private static FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("ConvLab models (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        return c;
    }
}
