package org.convlab.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.StatusBar;
import org.convlab.UserInputException;
import org.convlab.io.ModelFormats;
import org.convlab.model.ModelFiles;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Presets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File &gt; Export Model in the real window, headless, with the file choosers and the exporters
 * replaced by recorders (no native dialogs; the ONNX and PyTorch writers are tested in io): the
 * two items and their shortcuts, which network and seed reach the exporter, where the files go,
 * the status line, and the error dialog.
 */
@Timeout(60)
class ModelExportMenuTest {
    @TempDir
    static Path dir;
    private static Application app;
    private final FxRobot robot = new FxRobot();

    /** What an exporter was asked to do. */
    record Call(NetworkSpec spec, long seed, Path target) {}

    private final List<Call> onnxCalls = new ArrayList<>();
    private final List<Call> pytorchCalls = new ArrayList<>();
    private final List<String> suggested = new ArrayList<>();

    @BeforeAll
    static void startApp() throws Exception {
        System.setProperty("convlab.home", dir.resolve("home").toString());
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(ConvLabApp.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> new FxRobot().lookup("#properties").tryQuery().map(n -> n.getScene() != null).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @AfterEach
    void closeDialogs() {
        robot.interact(() -> dialogs().forEach(w -> ((Stage) w).close()));
    }

    private static List<Window> dialogs() {
        return Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane).toList();
    }

    private MainWindow window() {
        return (MainWindow) robot.lookup("#menuBar").query().getScene().getRoot();
    }

    private MenuBar bar() {
        return robot.lookup("#menuBar").queryAs(MenuBar.class);
    }

    private static void addAll(Menu m, List<MenuItem> into) {
        for (MenuItem i : m.getItems()) {
            into.add(i);
            if (i instanceof Menu sub) {
                addAll(sub, into);
            }
        }
    }

    private MenuItem menuItem(String id) {
        List<MenuItem> all = new ArrayList<>();
        bar().getMenus().forEach(m -> addAll(m, all));
        return all.stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    private String status() {
        return robot.lookup("#statusBar").queryAs(StatusBar.class).getText();
    }

    /** Choosers that answer {@code onnx} / {@code folder}, exporters that record, on the window's export actions. */
    private void fake(Path onnx, Path folder) {
        robot.interact(() -> {
            window().modelExports().setChoosers((owner, name) -> {
                suggested.add(name);
                return onnx;
            }, (owner, name) -> {
                suggested.add(name);
                return folder;
            });
            window().modelExports().setExporters((spec, seed, target) -> onnxCalls.add(new Call(spec, seed, target)),
                    (spec, seed, target) -> pytorchCalls.add(new Call(spec, seed, target)));
        });
    }

    private void choose(String id) {
        robot.interact(() -> menuItem(id).fire());
        waitUntilExported();
    }

    private void waitUntilExported() {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window().modelExports().busyProperty().get() == null);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the export never finished", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openPreset(String name) {
        robot.interact(() -> window().openPreset(name));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theFileMenuHasExportModelWithOnnxAndPytorchProjectAndNoShortcutClashes() {
        Menu file = bar().getMenus().get(0);
        assertEquals("_File", file.getText());
        Menu export = (Menu) file.getItems().stream().filter(i -> "menuExportModel".equals(i.getId())).findFirst().orElseThrow();
        assertEquals("Export _Model", export.getText());
        assertEquals(List.of("menuExportOnnx", "menuExportPytorch"), export.getItems().stream().map(MenuItem::getId).toList());
        assertEquals(List.of("_ONNX...", "_PyTorch Project..."), export.getItems().stream().map(MenuItem::getText).toList());
        // beside the other exports
        List<String> ids = file.getItems().stream().map(MenuItem::getId).toList();
        assertEquals(ids.indexOf("menuExportModel") + 1, ids.indexOf("menuExportFigure"), ids.toString());
        // every accelerator of the menu bar is different, and Help > Keyboard Shortcuts lists the new ones
        List<MenuItem> all = new ArrayList<>();
        bar().getMenus().forEach(m -> addAll(m, all));
        Set<String> keys = new HashSet<>();
        for (MenuItem i : all) {
            if (!(i instanceof Menu) && i.getAccelerator() != null) {
                assertTrue(keys.add(i.getAccelerator().getName()), "two menu items on " + i.getAccelerator().getName());
            }
        }
        List<String> listed = HelpDialogs.menuShortcuts(bar()).stream().map(HelpDialogs.Shortcut::action).toList();
        assertTrue(listed.contains("File > Export Model > ONNX"), listed.toString());
        assertTrue(listed.contains("File > Export Model > PyTorch Project"), listed.toString());
    }

    @Test
    void onnxExportsTheEditorsNetworkWithItsWeightsAndTheAppsSeed() throws Exception {
        // a model file with trained-looking weights: the export must carry exactly these
        NetworkSpec weighted = ModelFormats.withAllWeights(Presets.get("lenet5").network(), 42);
        Path json = dir.resolve("mynet.json");
        ModelFiles.write(json, weighted);
        robot.interact(() -> assertTrue(window().files().open(json)));
        WaitForAsyncUtils.waitForFxEvents();
        NetworkSpec shown = window().model().document().toNetwork();
        assertEquals(weighted.layers(), shown.layers(), "the file's weights are in the editor");
        fake(dir.resolve("out").resolve("mynet"), null);
        Files.createDirectories(dir.resolve("out"));
        choose("menuExportOnnx");
        assertEquals(List.of("mynet.onnx"), suggested);
        assertEquals(1, onnxCalls.size());
        Call call = onnxCalls.get(0);
        assertEquals(shown, call.spec());
        assertEquals(StepThroughLink.SEED, call.seed());
        assertEquals(dir.resolve("out").resolve("mynet.onnx"), call.target(), "the .onnx ending is added");
        assertEquals("Exported to " + call.target(), status().substring(0, status().indexOf("  |  ")));
        assertTrue(pytorchCalls.isEmpty());
        assertTrue(dialogs().isEmpty());
    }

    @Test
    void ctrlEStartsTheOnnxExport() {
        openPreset("xo");
        fake(dir.resolve("xo.onnx"), null);
        robot.interact(() -> javafx.event.Event.fireEvent(window(), new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.E,
                false, true, false, false)));
        waitUntilExported();
        assertEquals(List.of("xo.onnx"), suggested);
        assertEquals(1, onnxCalls.size());
        assertEquals(Presets.get("xo").network(), onnxCalls.get(0).spec());
    }

    @Test
    void pytorchGoesIntoAnEmptyFolderOrANewFolderInsideABusyOne() throws Exception {
        openPreset("lenet5");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        fake(null, empty);
        choose("menuExportPytorch");
        assertEquals(List.of("lenet5-pytorch"), suggested);
        assertEquals(1, pytorchCalls.size());
        assertEquals(empty, pytorchCalls.get(0).target());
        assertEquals(Presets.get("lenet5").network(), pytorchCalls.get(0).spec());
        assertEquals(StepThroughLink.SEED, pytorchCalls.get(0).seed());
        assertTrue(status().startsWith("Exported to " + empty + "  |"), status());

        Path busy = Files.createDirectories(dir.resolve("Documents"));
        Files.writeString(busy.resolve("README.md"), "someone's notes");
        fake(null, busy);
        choose("menuExportPytorch");
        Path inside = busy.resolve("lenet5-pytorch");
        assertEquals(inside, pytorchCalls.get(1).target());
        assertTrue(Files.isDirectory(inside), "the project folder is made before the exporter writes into it");
        assertEquals("someone's notes", Files.readString(busy.resolve("README.md")));
        assertTrue(onnxCalls.isEmpty());
    }

    @Test
    void anEarlierExportIsReplacedInPlace() throws Exception {
        Path project = Files.createDirectories(dir.resolve("earlier"));
        Files.writeString(project.resolve("model.py"), "");
        Files.writeString(project.resolve("train.py"), "");
        assertEquals(project, ModelExportActions.projectFolder(project, "x-pytorch"));
        Path busy = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(busy.resolve("notes.txt"), "");
        Files.createDirectories(busy.resolve("x-pytorch"));
        Files.writeString(busy.resolve("x-pytorch").resolve("other.txt"), "");
        assertEquals(busy.resolve("x-pytorch-2"), ModelExportActions.projectFolder(busy, "x-pytorch"));
        assertEquals("net", ModelExportActions.baseName("net.onnx"));
        assertEquals("lenet5", ModelExportActions.baseName("preset:lenet5"));
        assertEquals("tiny", ModelExportActions.baseName("tiny.JSON"));
    }

    @Test
    void aCancelledChooserExportsNothing() {
        openPreset("xo");
        fake(null, null);
        choose("menuExportOnnx");
        choose("menuExportPytorch");
        assertTrue(onnxCalls.isEmpty() && pytorchCalls.isEmpty());
        assertNull(window().modelExports().busyProperty().get());
        assertTrue(dialogs().isEmpty());
    }

    @Test
    void aRefusedExportIsTheErrorDialogWithItsOneLine() {
        openPreset("lenet5");
        fake(dir.resolve("locked.onnx"), dir.resolve("p"));
        robot.interact(() -> window().modelExports().setExporters((spec, seed, target) -> {
            throw new UserInputException(target + ": permission denied");
        }, (spec, seed, target) -> {
            throw new UnsupportedOperationException("PyTorch export is not built yet");
        }));
        choose("menuExportOnnx");
        DialogPane pane = (DialogPane) dialogs().get(0).getScene().getRoot();
        assertEquals("fileErrorDialog", pane.getId());
        assertEquals("Cannot export lenet5 as ONNX", pane.getHeaderText());
        assertEquals(dir.resolve("locked.onnx") + ": permission denied", pane.getContentText());
        closeDialogs();
        choose("menuExportPytorch");
        pane = (DialogPane) dialogs().get(0).getScene().getRoot();
        assertEquals("Cannot export lenet5 as a PyTorch project", pane.getHeaderText());
        assertEquals("PyTorch export is not built yet", pane.getContentText());
        assertFalse(status().startsWith("Exported"), status());
        assertFalse(Files.exists(dir.resolve("p")), "the folder made for the failed export is removed again");
    }

    @Test
    void anEmptyStackCannotBeExportedAndSaysWhy() {
        robot.interact(() -> window().model().newStack(1, 28, 28));
        fake(dir.resolve("empty.onnx"), null);
        choose("menuExportOnnx");
        assertTrue(suggested.isEmpty(), "refused before asking where");
        assertEquals(1, dialogs().size());
        DialogPane pane = (DialogPane) dialogs().get(0).getScene().getRoot();
        assertEquals("Cannot export untitled", pane.getHeaderText());
        assertFalse(pane.getContentText().isBlank());
        assertTrue(onnxCalls.isEmpty());
    }

    @Test
    void dropsOfOnnxAndModelFilesAreAcceptedOthersAreNot() {
        assertTrue(org.convlab.ui.editor.FileActions.opensDropped(List.of(new File("/tmp/resnet.onnx"))));
        assertTrue(org.convlab.ui.editor.FileActions.opensDropped(List.of(new File("/tmp/lenet5.json"), new File("/tmp/x.png"))));
        assertFalse(org.convlab.ui.editor.FileActions.opensDropped(List.of(new File("/tmp/x.png"), new File("/tmp/resnet.onnx"))));
        assertFalse(org.convlab.ui.editor.FileActions.opensDropped(List.of()));
        assertFalse(org.convlab.ui.editor.FileActions.opensDropped((List<File>) null));
    }
}
