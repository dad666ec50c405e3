package org.convlab.ui.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convlab.model.ModelSource;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Preprocessing;
import org.junit.jupiter.api.Test;

/** Which ink the pad draws for a model, from how the model reads images (train.InputPreparation). */
class DrawableModelTest {
    private static final NetworkSpec XO = ModelSource.load("preset:xo");
    private static final NetworkSpec LENET = ModelSource.load("preset:lenet5");

    @Test
    void theXoNetReadsTheSlidesInkPlusOneOnMinusOnePaper() {
        DrawableModel m = DrawableModel.withDefaultPixels("preset:xo", XO);
        assertEquals("ink", m.normalization(), "9x9 grey inputs read the slides' way");
        assertEquals(-1f, m.background());
        assertEquals(1f, m.ink());
        assertTrue(m.darkInk());
        assertEquals(-1f, m.toInput(new float[81])[0], "an empty pixel is paper, -1");
    }

    @Test
    void aTrainedXoNetDrawsExactlyPlusAndMinusOneNotTheMeasuredCornerMean() {
        // the dashboard measures the background as the mean of the corners: -0.82 on sample-images/xo
        DrawableModel m = DrawableModel.trained("xo", XO.withPreprocessing(Preprocessing.of("ink", "fit")), -0.82f, 0.99f);
        assertEquals(-1f, m.background());
        assertEquals(1f, m.ink());
        assertTrue(m.darkInk());
        assertTrue(m.inkSentence().startsWith("The model reads dark ink on white, as its training images"), m.inkSentence());
    }

    @Test
    void aNetOfBrightnessValuesReadsLightInkWhenItsDataWasLightOnDark() {
        NetworkSpec unit = LENET.withPreprocessing(Preprocessing.of("unit", "fit"));
        DrawableModel shapes = DrawableModel.trained("shapes", unit, 0.02f, 0.97f);
        assertEquals(0f, shapes.background());
        assertEquals(1f, shapes.ink());
        assertFalse(shapes.darkInk(), "white shapes on black: light ink");
        DrawableModel paper = DrawableModel.trained("paper", unit, 0.95f, 0.03f);
        assertEquals(1f, paper.background());
        assertEquals(0f, paper.ink());
        assertTrue(paper.darkInk(), "dark drawings on white paper: dark ink");
    }

    @Test
    void aModelFileWithoutDataReadsMnistsBrightInkAndSaysSo() {
        DrawableModel m = DrawableModel.withDefaultPixels("lenet.json", LENET);
        assertEquals("unit", m.normalization());
        assertFalse(m.darkInk());
        assertTrue(m.inkSentence().contains("light ink on black") && m.inkSentence().contains("MNIST"), m.inkSentence());
    }
}
