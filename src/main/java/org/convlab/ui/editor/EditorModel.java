package org.convlab.ui.editor;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;
import org.convlab.io.ModelFormats;
import org.convlab.model.LayerSpec;
import org.convlab.model.ModelFiles;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Preset;
import org.convlab.model.Presets;

/**
 * The stack editor's view model: the document, its analysis (shape inference per layer), the
 * selection, the undo history and the file. No nodes and no stage: every edit is a method here,
 * so the command and undo logic is tested without a window. Selection index -1 is the input.
 */
public final class EditorModel {
    public static final int INPUT = -1;

    private final ReadOnlyObjectWrapper<StackDocument> document = new ReadOnlyObjectWrapper<>(this, "document");
    private final ReadOnlyObjectWrapper<List<LayerRow>> rows = new ReadOnlyObjectWrapper<>(this, "rows", List.of());
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(this, "selected", INPUT);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper(this, "redoText");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "untitled");
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final UndoHistory history = new UndoHistory();

    public EditorModel(StackDocument doc, String sourceName) {
        source.set(sourceName);
        show(doc, 0);
    }

    /** Opens on a preset, as {@code preset:NAME}. */
    public static EditorModel ofPreset(String name) {
        return new EditorModel(StackDocument.of(Presets.get(name).network()), Presets.PREFIX + name);
    }

    // ---- read-only state -------------------------------------------------------------------

    public ReadOnlyObjectProperty<StackDocument> documentProperty() {
        return document.getReadOnlyProperty();
    }

    public StackDocument document() {
        return document.get();
    }

    /** One row per layer with its shapes, or why it does not fit; replaced after every edit. */
    public ReadOnlyObjectProperty<List<LayerRow>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public List<LayerRow> rows() {
        return rows.get();
    }

    /**
     * Counts document changes; it changes after the document, its rows and the selection are all
     * updated, so a view listening to it never sees half an edit.
     */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public int selected() {
        return selected.get();
    }

    /** Undo's menu text ("Undo Move conv1 down"), or null when there is nothing to undo. */
    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /** Where the document came from: a file name, {@code preset:NAME} or "untitled". */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** The file it is saved in, or null (a preset or a new stack: Save asks where). */
    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    // ---- selection ---------------------------------------------------------------------------

    public void select(int index) {
        selected.set(Math.max(INPUT, Math.min(index, document().size() - 1)));
    }

    public LayerRow selectedRow() {
        int i = selected();
        return i < 0 || i >= rows().size() ? null : rows().get(i);
    }

    // ---- edits (each one undoable) ----------------------------------------------------------

    /** Adds a new layer of this palette type just after the selected one (after the input: at the top). */
    public void add(String type) {
        insert(selected() + 1, LayerCatalog.entry(type).create().get());
    }

    public void insert(int index, LayerSpec layer) {
        StackDocument after = document().insert(index, layer);
        edit("Add " + after.layers().get(index).name(), after, index, null);
    }

    public void removeSelected() {
        int i = selected();
        if (i >= 0) {
            edit("Delete " + document().layers().get(i).name(), document().remove(i), Math.min(i, document().size() - 2), null);
        }
    }

    /** A copy of the selected layer (with a new name) just below it. */
    public void duplicateSelected() {
        int i = selected();
        if (i >= 0) {
            LayerSpec l = document().layers().get(i);
            StackDocument after = document().insert(i + 1, l);
            edit("Duplicate " + l.name(), after, i + 1, null);
        }
    }

    /** Moves the selected layer up (-1) or down (+1), keeping it selected. */
    public void moveSelected(int delta) {
        int i = selected();
        int to = i + delta;
        if (i >= 0 && to >= 0 && to < document().size()) {
            move(i, to);
        }
    }

    public void move(int from, int to) {
        if (from == to) {
            return;
        }
        String name = document().layers().get(from).name();
        edit("Move " + name + (to < from ? " up" : " down"), document().move(from, to), to, null);
    }

    /**
     * Applies a typed value to the selected layer's (or the input's) setting {@code field}.
     * A refused value changes nothing and throws {@link UserInputException} with the reason.
     * Consecutive changes of one setting are one undo step.
     */
    public void set(String field, String text) {
        int i = selected();
        if (i == INPUT) {
            SettingField<Shape> f = find(LayerFields.input(document().input()), field);
            Shape in = f.parse().apply(text);
            if (!in.equals(document().input())) {
                edit("Set input " + field + " to " + text.strip(), document().withInput(in), INPUT, "input." + field);
            }
            return;
        }
        LayerSpec old = document().layers().get(i);
        SettingField<LayerSpec> f = find(LayerFields.of(old), field);
        LayerSpec now = f.parse().apply(text);
        if (now.equals(old)) {
            return;
        }
        if (!document().nameFree(i, now.name())) {
            throw new UserInputException("name: '" + now.name() + "' is already used by another layer");
        }
        edit("Set " + old.name() + " " + field + " to " + text.strip(), document().replace(i, now), i, i + "." + field);
    }

    /** Replaces layer {@code index} with {@code layer}: one undo step, described as {@code description}. */
    public void replace(int index, LayerSpec layer, String description) {
        edit(description, document().replace(index, layer), index, null);
    }

    /** Applies the suggested fix of the misfit layer at {@code index} (one undo step). */
    public void applyFix(int index) {
        LayerRow row = rows().get(index);
        if (row.fix() != null) {
            select(index);
            set(row.fix().field(), row.fix().value());
        }
    }

    /** The editable settings of the current selection (the input's when it is selected). */
    public List<? extends SettingField<?>> selectedFields() {
        int i = selected();
        return i == INPUT ? LayerFields.input(document().input()) : LayerFields.of(document().layers().get(i));
    }

    private static <T> SettingField<T> find(List<SettingField<T>> fields, String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no setting " + name));
    }

    public void undo() {
        history.undo();
        refreshHistory();
    }

    public void redo() {
        history.redo();
        refreshHistory();
    }

    private void edit(String description, StackDocument after, int selectAfter, String mergeKey) {
        DocumentEdit e = new DocumentEdit(description, document(), after, selected(), selectAfter, mergeKey,
                d -> show(d.current(), d.selection()));
        if (mergeKey != null) {
            history.runMerging(e);
        } else {
            history.run(e);
        }
        refreshHistory();
    }

    private void show(StackDocument doc, int select) {
        rows.set(StackAnalysis.rows(doc));
        document.set(doc);
        selected.set(Math.max(INPUT, Math.min(select, doc.size() - 1)));
        revision.set(revision.get() + 1);
    }

    private void refreshHistory() {
        undoText.set(history.canUndo() ? history.undoDescription() : null);
        redoText.set(history.canRedo() ? history.redoDescription() : null);
        dirty.set(history.isDirty());
    }

    // ---- whole documents and files ---------------------------------------------------------

    /** Replaces the document (a preset, a new stack, an opened file): not undoable, history cleared. */
    public void load(StackDocument doc, String sourceName, Path from) {
        source.set(sourceName);
        file.set(from);
        show(doc, doc.size() > 0 ? 0 : INPUT);
        history.clear();
        refreshHistory();
    }

    public void loadPreset(String name) {
        Preset p = Presets.get(name);
        load(StackDocument.of(p.network()), Presets.PREFIX + name, null);
    }

    /** An empty stack on an input of this size. */
    public void newStack(int channels, int height, int width) {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new UserInputException("input: channels, height and width must be positive, got "
                    + channels + ", " + height + ", " + width);
        }
        load(StackDocument.empty(Shape.of(channels, height, width)), "untitled", null);
    }

    /**
     * Reads a model file. A file that fails to load throws the model package's message and
     * leaves the current document untouched.
     */
    public void open(Path path) {
        opened(read(path), path);
    }

    /**
     * Reads a model file (ConvLab JSON, or ONNX, imported by {@link ModelFormats}) into a document
     * without touching any editor: safe on a background thread (a VGG-16 file takes seconds), and
     * {@link #opened} shows the result on the FX thread.
     */
    public static StackDocument read(Path path) {
        // a relative path spelled "preset:..." would name a preset to ModelFormats: the absolute one never does
        String name = path.toString().startsWith(Presets.PREFIX) ? path.toAbsolutePath().toString() : path.toString();
        return StackDocument.of(ModelFormats.load(name, null));
    }

    /** Shows a document read by {@link #read} as the opened file. */
    public void opened(StackDocument doc, Path path) {
        load(doc, path.getFileName().toString(), path);
    }

    /**
     * Writes the document atomically (the model package's writer). A stack with no layers
     * cannot be a model file; a stack that does not fit can (it is what the user drew).
     */
    public void save(Path path) {
        StackDocument doc = document();
        write(path, doc);
        saved(path, doc);
    }

    /**
     * Writes {@code doc} (a snapshot taken on the FX thread; documents are immutable) without
     * touching any editor: safe on a background thread. Throws the model package's one-line
     * {@link UserInputException} when the file cannot be written.
     */
    public static void write(Path path, StackDocument doc) {
        ModelFiles.write(path, doc.toNetwork());
    }

    /**
     * Records that {@code doc} was written to {@code path}. The document counts as saved only if
     * it is still the one on screen: edits made while a background save ran stay unsaved.
     */
    public void saved(Path path, StackDocument doc) {
        file.set(path);
        source.set(path.getFileName().toString());
        if (document() == doc) {
            history.markSaved();
        }
        refreshHistory();
    }
}
