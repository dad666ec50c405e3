package org.convlab.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.convlab.model.LayerSpec;
import org.convlab.model.Presets;
import org.convlab.ui.app.CenterViews;
import org.convlab.ui.app.ConvLabApp;
import org.convlab.ui.app.MainWindow;
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
 * Starts the real window headless for the editor's flow tests, with helpers to act and read by id.
 * The stack editor in the real window, headless, looked up by id: presets read off the summary
 * table, the slides' misfit and its fix, reorder and undo, save and reopen, a corrupt file.
 * Expected numbers come from the slides (AlexNet CONV1: 55x55x96, 11*11*3*96 = 34,848 weights)
 * and from the size formula worked by hand.
 */
@Timeout(60) // a dialog left waiting must fail the test, not hang the build
abstract class EditorWindowFixture {
    @TempDir
    static Path dir;
    private static Application app;
    final FxRobot robot = new FxRobot();

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

    MainWindow window() {
        return (MainWindow) robot.lookup("#layerStack").query().getScene().getRoot();
    }

    EditorModel model() {
        return window().model();
    }

    void fxRun(Runnable r) {
        robot.interact(r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Clicks a start-page card (fired: the page scrolls, the card may be below the fold). With
     * unsaved changes the window asks first; the test answers "Don't save".
     */
    void choosePreset(String name) throws Exception {
        fxRun(() -> window().views().show(CenterViews.START));
        Button card = robot.lookup("#preset-" + name).queryAs(Button.class);
        if (!model().isDirty()) {
            fxRun(card::fire);
            return;
        }
        javafx.application.Platform.runLater(card::fire); // the question waits for an answer
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !dialogs().isEmpty());
        DialogPane pane = (DialogPane) dialogs().get(0).getScene().getRoot();
        assertEquals("unsavedDialog", pane.getId());
        javafx.scene.control.ButtonType discard = pane.getButtonTypes().stream()
                .filter(t -> t.getText().equals("Don't save")).findFirst().orElseThrow();
        robot.clickOn(pane.lookupButton(discard));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Presets.PREFIX + name, model().sourceProperty().get());
    }

    static List<Window> dialogs() {
        return Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .toList();
    }

    /** The text of each cell in the table row showing layer {@code name}, by column id. */
    String cell(String name, String column) {
        TableRow<?> row = robot.lookup("#summaryTable").lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() instanceof LayerRow lr && lr.name().equals(name)).findFirst().orElseThrow();
        return robot.from(row).lookup(".col-" + column).queryAllAs(TableCell.class).stream()
                .map(TableCell::getText).findFirst().orElseThrow();
    }

    void type(String fieldId, String text) {
        TextField f = robot.lookup(fieldId).queryAs(TextField.class);
        robot.clickOn(f);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    String label(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

}
