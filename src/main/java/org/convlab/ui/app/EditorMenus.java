package org.convlab.ui.app;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import org.convlab.model.Presets;
import org.convlab.ui.editor.EditorModel;
import org.convlab.ui.editor.FileActions;

/**
 * The menu bar: File (Open takes ConvLab models and ONNX files; Export Model writes ONNX or a
 * PyTorch project; Export Figure: the current view for a slide), Edit (Undo/Redo name what
 * they will do), Presets, View (the middle tabs, the side panels, and the text size, which is
 * remembered between runs), Help (keyboard shortcuts, About). Ids: {@code #menuBar},
 * {@code #menuUndo}, {@code #menuRedo}, {@code #menuSave}, {@code #menuRecent},
 * {@code #preset-menu-<name>}, {@code #menuSidePanels}, {@code #fontSize-<px>}.
 */
final class EditorMenus {
    static final List<Integer> FONT_SIZES = List.of(14, 15, 16, 18, 20, 24);

    /** What the menus ask of the window beyond the model and the files. */
    interface Window {
        void openPreset(String name);

        void showView(String id);

        void exportDiagram();

        /** The stack in the editor into the step-through views. */
        void stepThroughModel();

        /** The X/O lesson's network back into the step-through views. */
        void stepThroughLesson();

        /** File > Export Step-through (the current input's maps as CSV; pictures of views are File > Export Figure's). */
        Menu stepThroughExportMenu();

        /** File > Export Model: the editor's model as ONNX or as a PyTorch project ({@link ModelExportActions}). */
        Menu modelExportMenu();

        void setFontSize(int px);

        /** Presentation mode on or off (F5): full screen, large, nothing but the view. */
        void togglePresentation();

        int fontSize();

        /** Whether the stack and properties panels are shown (the Train and Draw tabs hide them anyway). */
        javafx.beans.property.BooleanProperty sidePanelsProperty();

        void quit();
    }

    private EditorMenus() {}

    static MenuBar create(EditorModel model, FileActions files, Window window) {
        MenuBar bar = new MenuBar();
        bar.getMenus().addAll(file(files, window, bar::getScene), edit(model), presets(window), view(window),
                HelpDialogs.menu(bar));
        bar.setId("menuBar");
        return bar;
    }

    private static Menu file(FileActions files, Window window, java.util.function.Supplier<javafx.scene.Scene> scene) {
        Menu recent = new Menu("Open Recent");
        recent.setId("menuRecent");
        Menu file = new Menu("_File");
        file.setOnShowing(e -> fillRecent(recent, files));
        file.getItems().addAll(
                item("New...", "menuNew", "Shortcut+N", () -> window.showView(CenterViews.START)),
                item("Open...", "menuOpen", "Shortcut+O", files::openWithChooser),
                recent,
                new SeparatorMenuItem(),
                item("Save", "menuSave", "Shortcut+S", files::save),
                item("Save As...", "menuSaveAs", "Shortcut+Shift+S", files::saveAs),
                new SeparatorMenuItem(),
                window.modelExportMenu(),
                FigureExport.menu(scene),
                item("Export Diagram as PNG...", "menuExportDiagram", null, window::exportDiagram),
                window.stepThroughExportMenu(),
                new SeparatorMenuItem(),
                item("Quit", "menuQuit", "Shortcut+Q", window::quit));
        fillRecent(recent, files);
        return file;
    }

    private static void fillRecent(Menu recent, FileActions files) {
        recent.getItems().clear();
        for (Path p : files.recent().list()) {
            MenuItem i = new MenuItem(p.toString());
            i.setMnemonicParsing(false);
            i.setOnAction(e -> {
                if (files.mayDiscard()) {
                    files.open(p);
                }
            });
            recent.getItems().add(i);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }

    private static Menu edit(EditorModel model) {
        MenuItem undo = item("Undo", "menuUndo", "Shortcut+Z", model::undo);
        undo.textProperty().bind(Bindings.createStringBinding(() -> model.undoTextProperty().get() == null
                ? "Undo" : "Undo " + model.undoTextProperty().get(), model.undoTextProperty()));
        undo.disableProperty().bind(model.undoTextProperty().isNull());
        MenuItem redo = item("Redo", "menuRedo", "Shortcut+Shift+Z", model::redo);
        redo.textProperty().bind(Bindings.createStringBinding(() -> model.redoTextProperty().get() == null
                ? "Redo" : "Redo " + model.redoTextProperty().get(), model.redoTextProperty()));
        redo.disableProperty().bind(model.redoTextProperty().isNull());
        Menu edit = new Menu("_Edit");
        edit.getItems().addAll(undo, redo, new SeparatorMenuItem(),
                item("Duplicate Layer", "menuDuplicate", "Shortcut+D", model::duplicateSelected),
                item("Delete Layer", "menuDelete", null, model::removeSelected),
                item("Move Layer Up", "menuMoveUp", "Alt+Up", () -> model.moveSelected(-1)),
                item("Move Layer Down", "menuMoveDown", "Alt+Down", () -> model.moveSelected(1)));
        return edit;
    }

    private static Menu presets(Window window) {
        Menu m = new Menu("_Presets");
        for (String name : Presets.names()) {
            MenuItem i = item(Presets.get(name).title(), "preset-menu-" + name, null, () -> window.openPreset(name));
            i.setMnemonicParsing(false);
            m.getItems().add(i);
        }
        return m;
    }

    private static Menu view(Window window) {
        Menu m = new Menu("_View");
        String[][] views = {{"Start", CenterViews.START}, {"Lesson", CenterViews.LESSON},
            {"Step through", CenterViews.STEP_THROUGH}, {"Summary", CenterViews.SUMMARY}, {"Diagram", CenterViews.DIAGRAM},
            {"Train", CenterViews.TRAIN}, {"Draw", CenterViews.DRAW},
            {"Kernels on a Photo", CenterViews.KERNELS}};
        for (int i = 0; i < views.length; i++) {
            String id = views[i][1];
            m.getItems().add(item(views[i][0], "menu-" + id, "Shortcut+" + (i + 1), () -> window.showView(id)));
        }
        m.getItems().addAll(new SeparatorMenuItem(),
                item("Step Through This Model", "menuStepThroughModel", "Shortcut+T", window::stepThroughModel),
                item("Step Through the X/O Lesson", "menuStepThroughLesson", null, window::stepThroughLesson));
        Menu size = new Menu("Text Size");
        ToggleGroup g = new ToggleGroup();
        for (int px : FONT_SIZES) {
            RadioMenuItem r = new RadioMenuItem(px + " px");
            r.setId("fontSize-" + px);
            r.setToggleGroup(g);
            r.setSelected(px == window.fontSize());
            r.setOnAction(e -> window.setFontSize(px));
            size.getItems().add(r);
        }
        CheckMenuItem panels = new CheckMenuItem("Side Panels");
        panels.setId("menuSidePanels");
        panels.setAccelerator(KeyCombination.keyCombination("Shortcut+B"));
        panels.selectedProperty().bindBidirectional(window.sidePanelsProperty());
        m.getItems().addAll(new SeparatorMenuItem(), panels, size,
                item("Presentation Mode", "menuPresentation", "F5", window::togglePresentation));
        return m;
    }

    private static MenuItem item(String text, String id, String accelerator, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        if (accelerator != null) {
            i.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        i.setOnAction(e -> action.run());
        return i;
    }

}
