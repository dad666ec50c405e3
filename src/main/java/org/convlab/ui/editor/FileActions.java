package org.convlab.ui.editor;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.convlab.MemoryGuard;
import org.convlab.UserInputException;
import org.convlab.io.ModelFormats;
import org.convlab.model.LayerSpec;
import org.convlab.model.ModelFiles;

/**
 * The File menu's work with its dialogs: choosers for open/save, the error dialog for a file
 * that fails to load ({@code #fileErrorDialog}: the model package's message, the current model
 * untouched), and "save changes?" before unsaved work would be lost ({@code #unsavedDialog}).
 * Successful opens and saves go to the recent files. Open takes ConvLab model files (.json) and
 * ONNX files (.onnx, imported); an imported model has no file of its own, so Save asks where to
 * write it as a ConvLab model and never overwrites the .onnx.
 */
public final class FileActions {
    private final EditorModel model;
    private final RecentFiles recent;
    private final Consumer<String> status;
    /** Files larger than this are read and written off the FX thread (a VGG-16 takes seconds). */
    static final long BACKGROUND_BYTES = 2L << 20;

    private final ReadOnlyStringWrapper busy = new ReadOnlyStringWrapper(this, "busy");
    private final List<Runnable> finished = new ArrayList<>();
    /** True while a background save runs (a background read may be overtaken: it is then dropped). */
    private boolean saving;
    private Window owner;
    /** Reads a file into a document; off the FX thread for a large file. Tests put a fake here. */
    private Function<Path, StackDocument> reader = EditorModel::read;

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

    /** Replaces the file reader (tests: an importer that refuses, or one that takes long). */
    void setReader(Function<Path, StackDocument> reader) {
        this.reader = reader;
    }

    /** Whether a drop of {@code dropped} opens a model: the first file (the one opened) is a model file. */
    public static boolean opensDropped(List<File> dropped) {
        return dropped != null && !dropped.isEmpty() && isModelFile(dropped.get(0));
    }

    /** Whether Open and drag-and-drop take {@code file}: a ConvLab model (.json) or an ONNX file (.onnx). */
    public static boolean isModelFile(File file) {
        String name = file.getName().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || ModelFormats.isOnnx(name);
    }

    public void openWithChooser() {
        if (!mayDiscard()) {
            return;
        }
        FileChooser c = new FileChooser();
        c.setTitle("Open a model");
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Models (*.json, *.onnx)", "*.json", "*.onnx"),
                new FileChooser.ExtensionFilter("ConvLab models (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("ONNX models (*.onnx)", "*.onnx"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = c.showOpenDialog(owner);
        if (f != null) {
            open(f.toPath());
        }
    }

    /**
     * Opens {@code file} (ConvLab JSON or ONNX); on failure shows the error dialog and keeps the
     * current model. A file
     * up to {@link #BACKGROUND_BYTES} opens at once and the result is its success. A larger one
     * is read on a background thread, so the window keeps drawing: the status bar says
     * "Reading vgg16.json (738.2 MB)…", the current model stays on screen, and the new one
     * replaces it only once it is complete (or the error dialog appears). Returns true when that
     * read has started.
     */
    public boolean open(Path file) {
        if (refuseWhileBusy()) {
            return false;
        }
        long size = regularFileSize(file);
        if (size <= BACKGROUND_BYTES) {
            try {
                show(reader.apply(file), file);
                return true;
            } catch (RuntimeException e) { // the user's file, or an importer's bug: a dialog either way
                error("Cannot open " + file.getFileName(), problem(e));
                return false;
            }
        }
        StackDocument before = model.document();
        String source = model.sourceProperty().get();
        run(false, "Reading " + file.getFileName() + " (" + MemoryGuard.size(size) + ")\u2026", "Cannot open " + file.getFileName(),
                () -> reader.apply(file),
                // JSON carries the floats as base64 (4 characters per 3 bytes); ONNX as raw bytes
                e -> MemoryGuard.refusal(ModelFormats.isOnnx(file.toString()) ? size : size / 4 * 3,
                        "reading the model " + file, null),
                doc -> {
                    if (!source.equals(model.sourceProperty().get())) { // a preset or a new stack came first
                        status.accept("Read " + file.getFileName() + ", but another model was opened meanwhile: open it again to show it");
                    } else if (model.document() != before && !mayDiscard()) { // edited while it was read
                        status.accept("Kept your changes; " + file.getFileName() + " was not opened");
                    } else {
                        show(doc, file);
                    }
                });
        return true;
    }

    /**
     * Puts a read document on screen. An imported ONNX model keeps no file: Save then asks where
     * to write the ConvLab model (suggesting {@code net.json} for {@code net.onnx}).
     */
    private void show(StackDocument doc, Path file) {
        if (ModelFormats.isOnnx(file.toString())) {
            model.load(doc, file.getFileName().toString(), null);
            recent.add(file);
            status.accept("Imported " + file + " (Save writes it as a ConvLab model)");
        } else {
            model.opened(doc, file);
            recent.add(file);
            status.accept("Opened " + file);
        }
    }

    /** A refusal's one line; an unexpected exception (a bug, not the user's file) is named as such. */
    public static String problem(RuntimeException e) {
        if (e instanceof UserInputException || e instanceof UnsupportedOperationException && e.getMessage() != null) {
            return e.getMessage(); // a feature not in this build says so in its own words
        }
        e.printStackTrace();
        return "an unexpected internal error (" + e + ")";
    }

    /** Save to the current file, or ask where when there is none. Returns false when nothing was saved. */
    public boolean save() {
        Path f = model.fileProperty().get();
        return f == null ? saveAs() : save(f);
    }

    public boolean saveAs() {
        FileChooser c = new FileChooser();
        c.setTitle("Save the model");
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("ConvLab models (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        c.setInitialFileName(suggestedSaveName());
        File chosen = c.showSaveDialog(owner);
        return chosen != null && save(chosen.toPath());
    }

    /**
     * Saves the document to {@code file}; a failure shows the error dialog and leaves the
     * document unsaved. A small model is written at once and the result is its success. A model
     * whose weights take more than {@link #BACKGROUND_BYTES} is written on a background thread
     * from a snapshot taken now (documents are immutable, so edits made meanwhile cannot tear
     * it; they stay unsaved). Returns true when that write has started.
     */
    public boolean save(Path file) {
        if (refuseWhileBusy()) {
            return false;
        }
        StackDocument doc = model.document();
        long size = fileSizeOf(doc);
        if (size <= BACKGROUND_BYTES) {
            try {
                model.save(file);
                saved(file);
                return true;
            } catch (UserInputException e) {
                error("Cannot save " + file.getFileName(), e.getMessage());
                return false;
            }
        }
        run(true, "Saving " + file.getFileName() + " (about " + MemoryGuard.size(size) + ")\u2026", "Cannot save " + file.getFileName(),
                () -> {
                    EditorModel.write(file, doc);
                    return doc;
                },
                e -> MemoryGuard.refusal(size, "saving the model to " + file, null),
                written -> {
                    model.saved(file, written);
                    saved(file);
                });
        return true;
    }

    /** The name Save As offers: the file's own, else {@code lenet5.json} for a preset, {@code net.json} for {@code net.onnx}. */
    String suggestedSaveName() {
        Path f = model.fileProperty().get();
        if (f != null) {
            return f.getFileName().toString();
        }
        String source = model.sourceProperty().get().replace("preset:", "");
        return (ModelFormats.isOnnx(source) ? source.substring(0, source.length() - ".onnx".length()) : source) + ".json";
    }

    private void saved(Path file) {
        recent.add(file);
        status.accept("Saved " + file + (model.isDirty() ? " (changes made while it was saving are not saved yet)" : ""));
    }

    /** What a background read or write is doing ("Reading vgg16.json (738.2 MB)…"), or null when idle. */
    public ReadOnlyStringProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get() != null;
    }

    /** One file at a time: a second open or save while one runs is declined in the status bar. */
    private boolean refuseWhileBusy() {
        if (isBusy()) {
            status.accept(busy.get() + " Wait until it is done.");
            return true;
        }
        return false;
    }

    /**
     * Runs {@code work} on a background thread and hands its result to {@code done} on the FX
     * thread; a refusal (or an OutOfMemoryError, turned into the memory guard's refusal by
     * {@code outOfMemory}) shows the error dialog under {@code header} instead.
     */
    private <T> void run(boolean writes, String doing, String header, Supplier<T> work,
            Function<OutOfMemoryError, UserInputException> outOfMemory, Consumer<T> done) {
        busy.set(doing);
        saving = writes;
        status.accept(doing);
        Thread t = new Thread(() -> {
            T result = null;
            String problem;
            try {
                result = work.get();
                problem = null;
            } catch (UserInputException e) {
                problem = e.getMessage();
            } catch (OutOfMemoryError e) {
                result = null; // let the half-built model go before anything else is allocated
                problem = outOfMemory.apply(e).getMessage();
            } catch (RuntimeException e) { // a bug, not the user's file: still a dialog, never a dead thread
                problem = problem(e);
            }
            T r = result;
            String p = problem;
            Platform.runLater(() -> {
                busy.set(null);
                saving = false;
                if (p != null) {
                    error(header, p);
                } else {
                    done.accept(r);
                }
                finished.forEach(Runnable::run);
                finished.clear();
            });
        }, "convlab-file");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The file's length when it is a regular file, else 0: anything else (a named pipe, a device,
     * a folder, a missing file) goes the quick way and gets the reader's refusal at once.
     */
    private static long regularFileSize(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException | SecurityException e) {
            return 0;
        }
    }

    /** About how many bytes a model file of this document takes (see {@link ModelFiles#tensorBytes}). */
    static long fileSizeOf(StackDocument doc) {
        return ModelFiles.tensorBytes(doc.layers());
    }

    /** True when there are no unsaved changes, or the user saved or chose to discard them. */
    public boolean mayDiscard() {
        if (saving) { // the document is being written: what replaces it waits until it is safe
            status.accept(busy.get() + " Wait until it is done.");
            return false;
        }
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
        return answer.get() == discard || saveAndWait();
    }

    /**
     * Saves before the document goes away (quit, open, a preset). A background save is waited for
     * in a nested event loop, so the window keeps drawing and the status bar shows the progress,
     * and the caller still learns whether the work is safe before it replaces the document.
     */
    private boolean saveAndWait() {
        if (!save()) {
            return false;
        }
        if (isBusy()) {
            Object key = new Object();
            finished.add(() -> Platform.exitNestedEventLoop(key, null));
            Platform.enterNestedEventLoop(key);
        }
        return !model.isDirty();
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
        // A long one-line message (a path, a memory refusal) wraps inside a dialog that fits the
        // screen, and the dialog grows in height to show every wrapped line.
        double screen = javafx.stage.Screen.getPrimary().getVisualBounds().getWidth();
        double width = Math.min(org.convlab.ui.Theme.px(42), screen * 0.9);
        a.getDialogPane().setMinWidth(Math.min(org.convlab.ui.Theme.px(34.5), width));
        a.getDialogPane().setPrefWidth(width);
        a.getDialogPane().setMaxWidth(width);
        a.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        a.show();
        status.accept(header + ": " + message);
    }
}
