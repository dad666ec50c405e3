package org.convlab.ui.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.convlab.model.ModelSource;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Preprocessing;
import org.convlab.ui.training.OpenRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The pad draws in the ink the model reads and says so (issue 12, item 10): the X/O model reads the
 * slides' dark ink on white (+1 ink, -1 paper), a model trained on light shapes on black reads light
 * ink; "Step through this drawing" hands the step-through the drawing as the model's input.
 */
class DrawPadInkTest {
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
            pad = new DrawPad();
            s.setScene(new Scene(pad, 1000, 620));
            s.sizeToScene(); // the shared primary stage may have been sized explicitly by a test before
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        robot.interact(() -> {
            pad.dispose();
            stage.close();
        });
    }

    private String caption() {
        return robot.lookup("#inkCaption").queryAs(Label.class).getText();
    }

    /** The colour on screen at the centre of pad pixel (row, col). */
    private Color shownAt(int row, int col) {
        AtomicReference<Color> c = new AtomicReference<>();
        robot.interact(() -> {
            Canvas canvas = pad.view().canvas();
            WritableImage img = canvas.snapshot(null, null);
            double cell = pad.view().cellSize();
            c.set(img.getPixelReader().getColor((int) ((col + 0.5) * cell), (int) ((row + 0.5) * cell)));
        });
        return c.get();
    }

    private static double brightness(Color c) {
        return (c.getRed() + c.getGreen() + c.getBlue()) / 3;
    }

    @Test
    void theXoModelReadsDarkInkOnWhiteAndThePadDrawsIt() {
        robot.interact(() -> pad.setModel(DrawableModel.withDefaultPixels("preset:xo", ModelSource.load("preset:xo"))));
        assertTrue(caption().startsWith("The model reads dark ink on white"), caption());
        robot.interact(() -> {
            pad.pixels().set(4, 4, 1f);
            pad.view().draw();
        });
        assertTrue(brightness(shownAt(4, 4)) < 0.2, "an inked pixel is dark: " + shownAt(4, 4));
        assertTrue(brightness(shownAt(0, 0)) > 0.9, "paper is white: " + shownAt(0, 0));
    }

    @Test
    void aModelTrainedOnLightShapesOnBlackGetsLightInk() {
        // as the dashboard hands it over after training on sample-images/shapes: [0,1] pixels, the
        // background measured 0 (black corners) and the ink 1 (white shapes)
        NetworkSpec lenet = ModelSource.load("preset:lenet5").withPreprocessing(Preprocessing.of("unit", "fit"));
        robot.interact(() -> pad.setModel(new DrawableModel("preset:lenet5 trained on shapes", lenet, 0f, 1f)));
        assertEquals("The model reads light ink on black, as its training images: the pad draws that way.", caption());
        robot.interact(() -> {
            pad.pixels().set(14, 14, 1f);
            pad.view().draw();
        });
        assertTrue(brightness(shownAt(14, 14)) > 0.9, "an inked pixel is light: " + shownAt(14, 14));
        assertTrue(brightness(shownAt(0, 0)) < 0.2, "the page is black: " + shownAt(0, 0));

        // the same net trained on dark drawings on white paper reads dark ink
        robot.interact(() -> pad.setModel(new DrawableModel("lenet on paper", lenet, 1f, 0f)));
        assertTrue(caption().startsWith("The model reads dark ink on white"), caption());
        assertTrue(brightness(shownAt(14, 14)) < 0.2, "the same stroke now shows dark: " + shownAt(14, 14));
    }

    @Test
    void stepThroughThisDrawingHandsOverTheDrawingAsTheModelsInput() {
        AtomicReference<OpenRequest> asked = new AtomicReference<>();
        Button step = robot.lookup("#stepThroughDrawing").queryAs(Button.class);
        assertTrue(step.isDisabled(), "nothing to step through without a model");
        robot.interact(() -> {
            pad.setOnStepThrough(asked::set);
            pad.setModel(DrawableModel.withDefaultPixels("preset:xo", ModelSource.load("preset:xo")));
        });
        assertFalse(step.isDisabled());
        robot.interact(() -> {
            for (int i = 0; i < 9; i++) {
                pad.pixels().set(i, i, 1f); // the falling diagonal
            }
        });
        robot.interact(step::fire);
        OpenRequest r = asked.get();
        assertNotNull(r, "the handler got the drawing");
        assertTrue(r.inkPixels(), "the X/O net reads the slides' ink convention");
        assertEquals(81, r.input().length);
        for (int row = 0; row < 9; row++) {
            for (int col = 0; col < 9; col++) {
                // the slides: ink +1, paper -1
                assertEquals(row == col ? 1f : -1f, r.input()[row * 9 + col], 0f, "pixel " + row + "," + col);
            }
        }
        assertEquals(2, r.network().classes());
        assertTrue(r.title().contains("preset:xo"), r.title());
    }

    @Test
    void thePadGrowsWithTheTextSizeAndComesBack() throws Exception {
        robot.interact(() -> pad.setModel(DrawableModel.withDefaultPixels("preset:xo", ModelSource.load("preset:xo"))));
        WaitForAsyncUtils.waitForFxEvents();
        double normal = pad.view().canvas().getWidth();
        assertEquals(Math.floor(org.convlab.ui.Theme.px(PadView.PREFERRED_EMS)), normal, 0.0, "24 ems at the default size");
        try {
            robot.interact(() -> org.convlab.ui.Theme.setTextSize(20));
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> pad.view().canvas().getWidth() > normal);
            assertTrue(pad.view().canvas().getWidth() <= 480, "never more than 24 ems of 20 px");
        } finally {
            robot.interact(() -> org.convlab.ui.Theme.setTextSize(org.convlab.ui.Theme.DEFAULT_EM));
        }
    }
}
