package org.convlab.ui.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.convlab.MemoryGuard;
import org.convlab.UserFiles;
import org.convlab.UserInputException;
import org.convlab.io.ModelFormats;
import org.convlab.model.LayerInfo;
import org.convlab.model.NetworkSpec;
import org.convlab.model.ShapeInference;
import org.convlab.ui.editor.FileActions;

/**
 * File &gt; Export Model: the stack in the editor, with the weights its file carries (the others
 * drawn from the app's seed, {@link StepThroughLink#SEED}, as Step Through This Model draws them),
 * written as an ONNX file or as a PyTorch project folder (model.py, weights.safetensors, train.py,
 * README.md) by {@link ModelFormats}. The network is taken when the item is chosen (documents are
 * immutable, so later edits cannot tear it) and written on a background thread: the status line
 * says "Exporting…", then "Exported to …"; a refusal is the usual error dialog. One export at a
 * time. Ids: {@code #menuExportModel}, {@code #menuExportOnnx}, {@code #menuExportPytorch}.
 */
final class ModelExportActions {
    /** What is written and how: the label in messages, the suggested name's ending. */
    enum Format {
        ONNX("ONNX", ".onnx"),
        PYTORCH("a PyTorch project", "-pytorch");

        final String label;
        final String suffix;

        Format(String label, String suffix) {
            this.label = label;
            this.suffix = suffix;
        }
    }

    /** Writes a network with a seed for the weights it lacks: {@link ModelFormats}'s exports; tests put fakes here. */
    interface Exporter {
        void write(NetworkSpec spec, long seed, Path target);
    }

    /** Asks where to export, offering {@code suggestedName}; null when the user cancels. Tests answer without a dialog. */
    interface Chooser {
        Path choose(Window owner, String suggestedName);
    }

    private final Supplier<NetworkSpec> network;
    private final Supplier<String> source;
    private final Consumer<String> status;
    private final BiConsumer<String, String> error;
    private final Supplier<Window> owner;
    private final ReadOnlyStringWrapper busy = new ReadOnlyStringWrapper(this, "busy");
    private Chooser onnxChooser = ModelExportActions::chooseOnnxFile;
    private Chooser pytorchChooser = ModelExportActions::choosePytorchFolder;
    private Exporter onnxExporter = ModelFormats::exportOnnx;
    private Exporter pytorchExporter = ModelFormats::exportPytorch;

    /**
     * @param network the editor's network now (throws {@link UserInputException} for an empty stack)
     * @param source  where it came from: {@code preset:lenet5}, {@code tiny.json}, {@code net.onnx}
     * @param status  the status line
     * @param error   the error dialog: header, one-line message
     */
    ModelExportActions(Supplier<NetworkSpec> network, Supplier<String> source, Consumer<String> status,
            BiConsumer<String, String> error, Supplier<Window> owner) {
        this.network = network;
        this.source = source;
        this.status = status;
        this.error = error;
        this.owner = owner;
    }

    /** "Export Model" with "ONNX..." (Ctrl+E) and "PyTorch Project..." (Ctrl+Shift+E). */
    Menu menu() {
        MenuItem onnx = item("_ONNX...", "menuExportOnnx", "Shortcut+E", () -> export(Format.ONNX));
        MenuItem pytorch = item("_PyTorch Project...", "menuExportPytorch", "Shortcut+Shift+E", () -> export(Format.PYTORCH));
        Menu menu = new Menu("Export _Model", null, onnx, pytorch);
        menu.setId("menuExportModel");
        return menu;
    }

    private static MenuItem item(String text, String id, String accelerator, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        i.setAccelerator(KeyCombination.keyCombination(accelerator));
        i.setOnAction(e -> action.run());
        return i;
    }

    void setChoosers(Chooser onnx, Chooser pytorch) {
        onnxChooser = onnx;
        pytorchChooser = pytorch;
    }

    void setExporters(Exporter onnx, Exporter pytorch) {
        onnxExporter = onnx;
        pytorchExporter = pytorch;
    }

    /** What a running export is doing ("Exporting lenet5 as ONNX…"), or null when idle. */
    ReadOnlyStringProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The model's name for suggested file names: {@code lenet5} for {@code preset:lenet5}, {@code net} for {@code net.onnx}. */
    static String baseName(String source) {
        String name = source.startsWith("preset:") ? source.substring("preset:".length()) : source;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ending : new String[] {".json", ".onnx"}) {
            if (lower.endsWith(ending) && name.length() > ending.length()) {
                return name.substring(0, name.length() - ending.length());
            }
        }
        return name;
    }

    /** Asks where, then exports the network as it is now. FX thread. */
    void export(Format format) {
        if (busy.get() != null) {
            status.accept(busy.get() + " Wait until it is done.");
            return;
        }
        String name = baseName(source.get());
        NetworkSpec spec;
        try {
            spec = network.get();
        } catch (UserInputException e) {
            error.accept("Cannot export " + source.get(), e.getMessage());
            return;
        }
        Chooser chooser = format == Format.ONNX ? onnxChooser : pytorchChooser;
        Path chosen = chooser.choose(owner.get(), name + format.suffix);
        if (chosen == null) {
            return;
        }
        Path target = format == Format.ONNX ? withOnnxEnding(chosen) : projectFolder(chosen, name + format.suffix);
        start(format, spec, name, target);
    }

    /** {@code net} becomes {@code net.onnx}: the file is an ONNX model and Open recognises it by its ending. */
    static Path withOnnxEnding(Path file) {
        return ModelFormats.isOnnx(file.toString()) ? file : file.resolveSibling(file.getFileName() + ".onnx");
    }

    /**
     * The folder the project goes into. The chosen folder itself when it is empty (or new) or
     * holds an earlier export (model.py and train.py), which is replaced; otherwise a new
     * {@code lenet5-pytorch} folder inside it, so that choosing a busy folder (Documents) never
     * overwrites someone's README.md.
     */
    static Path projectFolder(Path chosen, String folderName) {
        if (emptyOrProject(chosen)) {
            return chosen;
        }
        Path p = chosen.resolve(folderName);
        for (int n = 2; !emptyOrProject(p); n++) {
            p = chosen.resolve(folderName + "-" + n);
        }
        return p;
    }

    private static boolean emptyOrProject(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        if (!Files.isDirectory(dir)) {
            return false;
        }
        if (Files.isRegularFile(dir.resolve("model.py")) && Files.isRegularFile(dir.resolve("train.py"))) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException | SecurityException e) {
            return true; // unreadable: the export's own refusal names the problem
        }
    }

    /** Writes on a background thread; the outcome goes to the status line or the error dialog on the FX thread. */
    private void start(Format format, NetworkSpec spec, String name, Path target) {
        String doing = "Exporting " + name + " as " + format.label + "\u2026";
        busy.set(doing);
        status.accept(doing);
        Exporter exporter = format == Format.ONNX ? onnxExporter : pytorchExporter;
        Thread t = new Thread(() -> {
            String problem = null;
            boolean made = format == Format.PYTORCH && !Files.exists(target);
            try {
                if (made) {
                    createFolder(target);
                }
                exporter.write(spec, StepThroughLink.SEED, target);
            } catch (OutOfMemoryError e) {
                problem = MemoryGuard.refusal(weightBytes(spec), "exporting " + name + " to " + target, null).getMessage();
            } catch (RuntimeException e) { // a refusal, or an exporter's bug: a dialog either way, never a dead thread
                problem = FileActions.problem(e);
            }
            if (problem != null && made) {
                removeIfEmpty(target); // a failed export leaves no empty folder behind
            }
            String p = problem;
            Platform.runLater(() -> {
                busy.set(null);
                if (p == null) {
                    status.accept("Exported to " + target);
                } else { // the dialog also puts the message on the status line
                    error.accept("Cannot export " + name + " as " + format.label, p);
                }
            });
        }, "convlab-export");
        t.setDaemon(true);
        t.start();
    }

    /** The float32 bytes of every parameter (what the export holds in memory at least), 0 when unknown. */
    private static long weightBytes(NetworkSpec spec) {
        try {
            long params = 0;
            for (LayerInfo l : ShapeInference.infer(spec)) {
                params = MemoryGuard.plus(params, l.params());
            }
            return MemoryGuard.times(params, Float.BYTES);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static void removeIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException | SecurityException e) {
            // not empty (the exporter wrote part of it) or not ours to remove: left as it is
        }
    }

    private static void createFolder(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw UserFiles.problem(dir, "the PyTorch project folder", e);
        }
    }

    private static Path chooseOnnxFile(Window owner, String suggestedName) {
        FileChooser c = new FileChooser();
        c.setTitle("Export the model as ONNX");
        c.setInitialFileName(suggestedName);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("ONNX models (*.onnx)", "*.onnx"));
        File f = c.showSaveDialog(owner);
        return f == null ? null : f.toPath();
    }

    private static Path choosePytorchFolder(Window owner, String suggestedName) {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("Export a PyTorch project: choose an empty folder (else " + suggestedName + " is made in it)");
        File f = c.showDialog(owner);
        return f == null ? null : f.toPath();
    }
}
