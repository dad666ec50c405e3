package org.convlab.ui.training;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.FileChooser;
import org.convlab.UserInputException;
import org.convlab.model.ModelFiles;
import org.convlab.model.NetworkSpec;

/** Saving a trained model: a file chooser, then an atomic write off the FX thread. */
final class ModelSaver {
    private ModelSaver() {}

    /** Asks where to save; {@code lenet5-trained.json} is offered for {@code preset:lenet5}. */
    static Optional<Path> choose(Node owner, String modelName) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Save the trained model");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("ConvLab model", "*.json"));
        String base = modelName.startsWith("preset:") ? modelName.substring(7) : Path.of(modelName).getFileName().toString();
        fc.setInitialFileName(base.replaceFirst("(?i)\\.(json|onnx)$", "") + "-trained.json");
        File f = fc.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        return Optional.ofNullable(f).map(File::toPath);
    }

    /**
     * Writes in the background (temp file, then rename) and tells {@code done} the outcome on the FX
     * thread. If the file cannot be written, the model goes to the temp folder and the message
     * names both paths ({@link ModelFiles#writeOrRescue}): a trained model is never lost.
     */
    static void save(Path file, NetworkSpec trained, Consumer<String> done) {
        Thread t = new Thread(() -> {
            String text;
            try {
                ModelFiles.writeOrRescue(file, trained, String.valueOf(file.getFileName()));
                text = "Saved the trained model to " + file;
            } catch (UserInputException e) {
                text = e.getMessage();
            } catch (OutOfMemoryError e) { // the guard's words, never a dead thread and a silent bar
                text = org.convlab.MemoryGuard.refusal(0, "saving the trained model to " + file, null).getMessage();
            } catch (RuntimeException e) {
                text = file + ": cannot save the model (" + e.getMessage() + ")";
            }
            String shown = text;
            Platform.runLater(() -> done.accept(shown));
        }, "convlab-save");
        t.setDaemon(true);
        t.start();
    }
}
