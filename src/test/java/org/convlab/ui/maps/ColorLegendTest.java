package org.convlab.ui.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.convlab.ui.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The legend draws the map it names: sequential from white at 0 to the darkest orange at max
 * (ColorBrewer Oranges' last class, #7f2704), diverging from PuOr's purple #5e3c99 through white
 * to orange #e66101; its size follows the text size.
 */
class ColorLegendTest {
    private static final FxRobot ROBOT = new FxRobot();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void resetTheme() {
        ROBOT.interact(() -> Theme.setTextSize(Theme.DEFAULT_EM));
    }

    private static void assertClose(Color expected, Color actual, String where) {
        double d = Math.abs(expected.getRed() - actual.getRed()) + Math.abs(expected.getGreen() - actual.getGreen())
                + Math.abs(expected.getBlue() - actual.getBlue());
        assertTrue(d < 0.08, where + ": expected " + expected + ", drawn " + actual);
    }

    @Test
    void sequentialAndDivergingEndsAreTheMapsEnds() {
        ROBOT.interact(() -> {
            ColorLegend legend = new ColorLegend();
            legend.setSequential(0.9);
            assertEquals("0", legend.lowText());
            assertEquals(MapText.number(0.9), legend.highText());
            PixelReader px = legend.snapshot(null, null).getPixelReader();
            double margin = Theme.px(1.6);
            double y = Theme.px(0.45);
            assertClose(Color.web("#f7f7f7"), px.getColor((int) margin + 2, (int) y), "sequential 0");
            assertClose(Color.web("#7f2704"), px.getColor((int) (legend.getWidth() - margin) - 3, (int) y), "sequential max");

            legend.setDiverging(2);
            assertEquals(MapText.number(-2), legend.lowText());
            WritableImage img = legend.snapshot(null, null);
            assertClose(Color.web("#5e3c99"), img.getPixelReader().getColor((int) margin + 2, (int) y), "diverging -limit");
            assertClose(Color.web("#e66101"), img.getPixelReader().getColor((int) (legend.getWidth() - margin) - 3, (int) y), "diverging +limit");
            assertClose(Color.web("#f7f7f7"), img.getPixelReader().getColor((int) (legend.getWidth() / 2), (int) y), "diverging 0");

            double width = legend.getWidth();
            Theme.setTextSize(30);
            assertEquals(2 * width, legend.getWidth(), 1e-6);
        });
    }
}
