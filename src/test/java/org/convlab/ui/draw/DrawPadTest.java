package org.convlab.ui.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.convlab.model.ModelSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Drawing on the pad, headless: a stroke changes the class probabilities; Clear brings them back. */
class DrawPadTest {
    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private DrawPad pad;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void show() throws Exception {
        stage = FxToolkit.registerStage(Stage::new);
        FxToolkit.setupStage(s -> {
            pad = new DrawPad(DrawableModel.withDefaultPixels("preset:xo", ModelSource.load("preset:xo")));
            s.setScene(new Scene(pad, 900, 500));
            s.sizeToScene(); // the shared primary stage may have been sized explicitly by a test before
            s.show();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pad.probabilities().length == 2
                && pad.probabilities()[0] + pad.probabilities()[1] > 0.99f);
    }

    @AfterEach
    void close() throws Exception {
        robot.interact(() -> {
            pad.dispose();
            stage.close();
        });
    }

    @Test
    void aStrokeChangesTheProbabilitiesAndClearRestoresThem() throws Exception {
        float[] blank = pad.probabilities();
        Node canvas = robot.lookup("#padCanvas").query();
        Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
        double cell = b.getWidth() / 9;
        // the X's falling diagonal, dragged from cell (1,1) to cell (7,7)
        robot.moveTo(new Point2D(b.getMinX() + cell * 1.5, b.getMinY() + cell * 1.5));
        robot.press(MouseButton.PRIMARY);
        robot.moveTo(new Point2D(b.getMinX() + cell * 7.5, b.getMinY() + cell * 7.5));
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !Arrays.equals(pad.probabilities(), blank));
        float[] drawn = pad.probabilities();
        assertEquals(1.0, drawn[0] + drawn[1], 1e-5, "probabilities sum to 1");
        assertFalse(Arrays.equals(drawn, blank));
        for (int i = 1; i <= 7; i++) {
            assertEquals(1f, pad.pixels().get(i, i), "diagonal cell " + i + " inked");
        }
        assertEquals(0f, pad.pixels().get(0, 0), "the corner outside the stroke stays blank");

        robot.clickOn("#clearPad");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Arrays.equals(pad.probabilities(), blank));
        assertTrue(Arrays.equals(pad.probabilities(), blank), "a cleared pad gives the blank pad's probabilities");
    }
}
