package org.convlab.ui.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import javafx.scene.text.Text;
import org.convlab.ui.Theme;
import org.convlab.ui.controls.PixelGrid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The grid text rule (issue 12, item 1): a cell's digits are sized from the cell, about 1 em or
 * more in a 2.6 em cell, and "-1", "0.55", "-0.11", "5/9" fit inside the cell, shrinking only
 * when they would not. Widths are measured here with a plain Text node in the same font, so the
 * check does not trust the rule's own arithmetic; cells follow the text size.
 */
class CellTextTest {
    private static final FxRobot ROBOT = new FxRobot();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void resetTheme() {
        ROBOT.interact(() -> {
            Theme.setTextSize(Theme.DEFAULT_EM);
            Theme.setPresenting(false, 1);
        });
    }

    private static double width(String s, double px) {
        Text t = new Text(s);
        t.setFont(Theme.monoBoldPx(px));
        return t.getLayoutBounds().getWidth();
    }

    @Test
    void aCellOf2point6EmGetsDigitsOfAtLeastOneEm() {
        double cell = Theme.px(2.6);
        double size = CellText.size(cell, Set.of("-1", "+1"));
        assertTrue(size >= Theme.em(), size + " px digits in a " + cell + " px cell");
        assertEquals(CellText.FILL * cell, size, 1e-9); // fits: not shrunk
    }

    @Test
    void theSlidesNumbersFitInsideTheCellAndShrinkOnlyWhenNeeded() {
        double cell = Theme.px(2.6);
        for (String s : List.of("-1", "0.55", "-0.11", "5/9")) {
            double size = CellText.size(cell, Set.of(s));
            assertTrue(size > 0, s);
            assertTrue(width(s, size) <= cell - 2, s + " is " + width(s, size) + " px wide at " + size + " px in a " + cell + " px cell");
            if (width(s, CellText.FILL * cell) <= cell - 2 * CellText.inset(cell)) {
                assertEquals(CellText.FILL * cell, size, 1e-9, s + " fits and must not shrink");
            } else {
                assertTrue(size < CellText.FILL * cell, s);
            }
        }
        // one size for a whole grid: the widest text decides
        double mixed = CellText.size(cell, Set.of("-1", "-0.11"));
        assertEquals(CellText.size(cell, Set.of("-0.11")), mixed, 1e-9);
    }

    @Test
    void gridsInEmsGrowWithTheTextSize() {
        ROBOT.interact(() -> {
            ValueGrid grid = ValueGrid.ofEms(2.6);
            float[] pixels = new float[81];
            java.util.Arrays.fill(pixels, -1f);
            pixels[40] = 1f;
            grid.setData(pixels, 9, 9);
            grid.setStyle(ValueGrid.Style.INK);
            grid.setFormatter(v -> String.format("%.0f", v));
            grid.draw();
            PixelGrid pixelGrid = PixelGrid.ofEms(9, 2.6);
            double before = grid.textSize();
            assertTrue(before >= Theme.DEFAULT_EM, "at the default size: " + before);
            assertEquals(before, pixelGrid.textSize(), 1e-9);

            Theme.setTextSize(24); // View > Text Size 24
            assertEquals(Theme.px(2.6), grid.cellSize(), 1e-9);
            assertTrue(grid.textSize() >= 24, "at text size 24: " + grid.textSize());
            assertEquals(grid.textSize(), pixelGrid.textSize(), 1e-9);
            assertEquals(before * 24 / Theme.DEFAULT_EM, grid.textSize(), 0.01);
        });
    }

    @Test
    void aCellGivenInPixelsKeepsItsSizeAndTinyCellsPrintNothing() {
        ROBOT.interact(() -> {
            ValueGrid grid = new ValueGrid(12);
            grid.setData(new float[] {0.55f, -0.11f}, 1, 2);
            grid.draw();
            assertEquals(0, grid.textSize(), 0); // "-0.11" would need a font below the minimum
            Theme.setTextSize(24);
            assertEquals(12, grid.cellSize(), 0);
        });
    }
}
