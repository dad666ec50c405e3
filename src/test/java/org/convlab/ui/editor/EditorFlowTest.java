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
 * Editing in the real window, by id: AlexNet's CONV1 read off the summary table, the slides'
 * misfit refused and fixed by typing, reorder by keys and buttons and undo back. Expected numbers
 * come from the slides (55x55x96, 11*11*3*96 = 34,848 weights) and the size formula by hand.
 */
class EditorFlowTest extends EditorWindowFixture {
    @Test
    void alexNetConv1IsReadOffTheSummaryTable() throws Exception {
        choosePreset("alexnet");
        assertEquals("preset:alexnet", model().sourceProperty().get());
        // the start page sends the user to the summary
        assertTrue(robot.lookup("#summaryTable").query().isVisible());
        assertEquals("55x55x96", cell("conv1", "output"));
        assertEquals("34,848", cell("conv1", "weights"));
        assertEquals("(227 - 11 + 2*0)/4 + 1 = 55", cell("conv1", "formula"));
        // the card on the left says the same
        Node card = robot.lookup("#layer-conv1").query();
        assertTrue(robot.from(card).lookup(".card-output").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("out  55x55x96")));
    }

    /**
     * Why convolution, beside the params (issue 16 item 2), by hand: LeNet-5's conv1 makes 28x28x6 =
     * 4,704 outputs, each from a 5x5x1 window: 117,600 connections from 6 x 25 + 6 = 156 params; a
     * dense layer from the 784 inputs to the same 4,704 outputs needs 3,687,936 weights, 23,641 times more.
     */
    @Test
    void theSummaryShowsAConvsConnectionsBesideWhatADenseLayerWouldNeed() throws Exception {
        choosePreset("lenet5");
        fxRun(() -> window().views().show(CenterViews.SUMMARY));
        assertEquals(String.format(java.util.Locale.ROOT, "%,d", 28 * 28 * 6 * 25), cell("conv1", "macs")); // its connections
        long dense = 784L * 28 * 28 * 6;
        assertEquals(String.format(java.util.Locale.ROOT, "%,d (%,.0fx)", dense, dense / 156.0), cell("conv1", "denseInstead"));
        assertEquals("", cell("pool1", "denseInstead"));
        String totals = robot.lookup("#summaryTotals").queryAs(Label.class).getText();
        assertTrue(totals.contains("Conv layers: "), totals);
    }

    @Test
    void theSlidesMisfitIsRefusedThenFixedByTyping() throws Exception {
        choosePreset("xo"); // a saved state: the new stack needs no question
        fxRun(() -> window().views().show(CenterViews.START));
        fxRun(() -> {
            robot.lookup("#newHeight").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(7);
            robot.lookup("#newWidth").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(7);
        });
        robot.clickOn("#newStack");
        robot.clickOn("#add-conv");
        robot.clickOn("#add-relu");
        robot.clickOn("#layer-conv1");
        // palette conv: 3x3, same padding; make it valid with stride 3 on the 7x7 input
        ComboBox<?> padding = robot.lookup("#field-padding").queryAs(ComboBox.class);
        robot.clickOn(padding.getEditor());
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("valid");
        type("#field-stride", "3");

        Node card = robot.lookup("#layer-conv1").query();
        assertTrue(card.getStyleClass().contains("misfit"), "the card turns red");
        String problem = label("#problem-conv1");
        assertTrue(problem.contains("(7 - 3)/3 + 1 = 2.33"), problem);
        assertTrue(label("#fix-conv1").contains("stride 2"), label("#fix-conv1"));
        assertTrue(robot.lookup("#layer-relu1").query().getStyleClass().contains("unknown"));
        assertTrue(robot.from(robot.lookup("#layer-relu1").queryAs(Node.class)).lookup(".card-output").queryAllAs(Label.class)
                .stream().anyMatch(l -> l.getText().equals("input unknown")));
        assertEquals(2, model().document().size(), "nothing lost");

        // a refused value: stays in the field, marked, with the reason; nothing applied
        type("#field-stride", "0");
        assertTrue(robot.lookup("#field-stride").query().getStyleClass().contains("invalid"));
        assertTrue(label("#propertyError").contains("positive"), label("#propertyError"));

        // (7 - 3)/2 + 1 = 3
        type("#field-stride", "2");
        assertFalse(robot.lookup("#layer-conv1").query().getStyleClass().contains("misfit"));
        assertEquals("output 3x3x8", label("#selectedOutput"));
        assertEquals("(7 - 3 + 2*0)/2 + 1 = 3", label("#selectedFormula"));
        assertEquals("", label("#propertyError"));
    }

    @Test
    void reorderByKeyboardAndButtonThenUndoBackToTheOriginal() throws Exception {
        choosePreset("lenet5");
        List<String> original = model().document().layers().stream().map(LayerSpec::name).toList();
        robot.clickOn("#layer-conv1");
        robot.push(KeyCode.ALT, KeyCode.DOWN);
        robot.clickOn("#moveDown");
        List<String> moved = model().document().layers().stream().map(LayerSpec::name).toList();
        assertEquals("conv1", moved.get(2));
        assertNotEquals(original, moved);
        assertTrue(window().titleProperty().get().endsWith("*"), window().titleProperty().get());
        assertEquals("Move conv1 down", model().undoTextProperty().get());
        robot.clickOn("#layer-conv1");
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(original, model().document().layers().stream().map(LayerSpec::name).toList());
        assertFalse(window().titleProperty().get().endsWith("*"));
        // the cards follow: conv1 is again the first card after the input
        List<String> ids = robot.lookup("#layerCards").lookup(".layer-card").queryAll().stream().map(Node::getId).toList();
        assertEquals(List.of("layer-input", "layer-conv1"), ids.subList(0, 2));
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("conv1", model().document().layers().get(1).name());
    }

    @Test
    void blocksExpandToShowTheirBranches() throws Exception {
        choosePreset("googlenet");
        String block = model().document().layers().stream().filter(l -> l.type().equals("inception"))
                .map(LayerSpec::name).findFirst().orElseThrow();
        assertTrue(robot.lookup("#branches-" + block).tryQuery().isEmpty(), "closed at first");
        fxRun(() -> robot.lookup("#expand-" + block).queryAs(javafx.scene.control.ToggleButton.class).fire());
        Node branches = robot.lookup("#branches-" + block).query();
        // GoogLeNet's inception blocks have four branches
        assertEquals(4, robot.from(branches).lookup(".branch-title").queryAll().size());
    }

    @Test
    void theStepThroughTabHoldsTheStepperViews() {
        fxRun(() -> window().views().show(CenterViews.STEP_THROUGH));
        Node stepper = robot.lookup("#stepperTabs").query();
        assertTrue(stepper.isVisible() && stepper.getScene() != null);
        fxRun(() -> window().views().show(CenterViews.LESSON));
    }
}
