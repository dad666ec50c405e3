package org.convlab.ui.draw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The pad's edits on a 3x3 picture, expected values worked out by hand. */
class PadPixelsTest {
    @Test
    void shiftMovesInkAndBringsInBlankPixels() {
        PadPixels p = new PadPixels(3, 3);
        p.set(0, 0, 1f);
        p.set(1, 2, 0.5f);
        p.shift(0, 1); // right by one: (0,0) -> (0,1); (1,2) falls off
        assertArrayEquals(new float[] {0, 1, 0, 0, 0, 0, 0, 0, 0}, p.values());
        p.shift(1, 0); // down by one
        assertArrayEquals(new float[] {0, 0, 0, 0, 1, 0, 0, 0, 0}, p.values());
        p.shift(-1, -1);
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 0, 0, 0, 0}, p.values());
    }

    @Test
    void invertAndClear() {
        PadPixels p = new PadPixels(1, 3);
        p.set(0, 1, 0.25f);
        p.invert();
        assertArrayEquals(new float[] {1, 0.75f, 1}, p.values());
        p.clear();
        assertArrayEquals(new float[] {0, 0, 0}, p.values());
    }

    @Test
    void softPenInksTheCentreAndHalfInksTheNeighboursWithoutLighteningAnything() {
        PadPixels p = new PadPixels(3, 3);
        p.set(0, 1, 0.8f);
        p.paint(1, 1, true);
        assertArrayEquals(new float[] {0, 0.8f, 0, 0.5f, 1, 0.5f, 0, 0.5f, 0}, p.values());
    }

    @Test
    void modelInputMapsInkBetweenBackgroundAndInkValues() {
        DrawableModel xo = DrawableModel.withDefaultPixels("xo", org.convlab.model.ModelSource.load("preset:xo"));
        float[] ink = new float[81];
        ink[0] = 1f;
        ink[1] = 0.5f;
        float[] x = xo.toInput(ink);
        // the slides' convention: ink +1, paper -1, half ink 0
        assertArrayEquals(new float[] {1f, 0f, -1f}, new float[] {x[0], x[1], x[2]});
    }
}
