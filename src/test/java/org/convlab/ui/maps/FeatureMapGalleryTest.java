package org.convlab.ui.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.paint.Color;
import org.convlab.model.Presets;
import org.convlab.nn.Network;
import org.convlab.trace.ActivationSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The colour map is symmetric and white at zero; the gallery shows one tile per channel and a
 * click on a pooled unit enlarges its map and names the input pixels it sees (worked out by hand:
 * pool (1,1) reads conv rows 2..3, which read input rows 2..5).
 */
class FeatureMapGalleryTest {
    private static final FxRobot ROBOT = new FxRobot();
    private static FeatureMapGallery gallery;

    @BeforeAll
    static void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        Network net = Network.build(Presets.get("xo").network(), 1);
        float[] x = new float[81];
        java.util.Arrays.fill(x, -1f);
        for (int i = 1; i < 8; i++) {
            x[i * 9 + i] = 1f; // a diagonal stroke
        }
        ActivationSnapshot s = ActivationSnapshot.capture(net, x);
        FxToolkit.setupStage(stage -> {
            gallery = new FeatureMapGallery(new SimpleObjectProperty<>(s), net.layerInfos(), true, v -> String.format("%.2f", v));
            ScrollPane pane = new ScrollPane(gallery);
            pane.setFitToWidth(true);
            stage.setScene(new Scene(pane, 1200, 760));
            stage.sizeToScene(); // the shared primary stage may have been sized explicitly by a test before
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void colourMapIsSymmetricAndWhiteAtZero() {
        Color zero = ColorMap.of(0, 1);
        assertTrue(zero.getRed() > 0.95 && zero.getGreen() > 0.95 && zero.getBlue() > 0.95, zero.toString());
        assertEquals(Color.web("#e66101"), ColorMap.of(1, 1));
        assertEquals(Color.web("#5e3c99"), ColorMap.of(-2, 1)); // clipped at the limit
        assertNotEquals(ColorMap.of(0.5, 1), ColorMap.of(-0.5, 1));
    }

    @Test
    void layersThatCannotBeNegativeTakeTheSequentialMapAndProbabilitiesRunFrom0To1() {
        // xo: conv1 (0) signed, relu1 (1) and pool1 (2) of ReLU outputs non-negative, fc1 (4) signed, softmax1 (5) probabilities
        assertEquals(ColorLegend.Mode.DIVERGING, legend(0).mode());
        assertEquals(ColorLegend.Mode.SEQUENTIAL, legend(1).mode());
        assertEquals(ColorLegend.Mode.SEQUENTIAL, legend(2).mode());
        assertEquals(ColorLegend.Mode.DIVERGING, legend(4).mode());
        ColorLegend softmax = legend(5);
        assertEquals(ColorLegend.Mode.SEQUENTIAL, softmax.mode());
        assertEquals("0", softmax.lowText());
        assertEquals(MapText.number(1), softmax.highText());
        assertTrue(legend(0).lowText().startsWith("-"), legend(0).lowText());
        // a ReLU tile is coloured on the sequential map: its zero cells are the map's white
        ValueGrid relu = ROBOT.lookup("#map-1-0").queryAs(ValueGrid.class);
        boolean sawZero = false;
        for (int r = 0; r < relu.rows(); r++) {
            for (int c = 0; c < relu.cols(); c++) {
                assertTrue(relu.valueAt(r, c) >= 0);
                sawZero |= relu.valueAt(r, c) == 0;
            }
        }
        assertTrue(sawZero, "the diagonal X makes some conv outputs negative, so ReLU gives zeros");
        // the X/O input keeps its ink and says so instead of a colour legend
        assertTrue(ROBOT.lookup("#legend-1").tryQuery().isEmpty());
        assertTrue(ROBOT.lookup(".caption").queryAllAs(Label.class).stream().anyMatch(l -> l.getText().equals("black = +1, white = -1")));
    }

    private static ColorLegend legend(int layer) {
        return ROBOT.lookup("#legend" + layer).queryAs(ColorLegend.class);
    }

    @Test
    void clickingAPooledUnitShowsItsReceptiveField() {
        ValueGrid tile = ROBOT.lookup("#map-2-1").queryAs(ValueGrid.class); // pool1, channel 1
        assertEquals(4, tile.rows());
        Rectangle2D cell = tile.cellBounds(1, 1);
        Point2D at = tile.localToScreen(cell.getMinX() + cell.getWidth() / 2, cell.getMinY() + cell.getHeight() / 2);
        ROBOT.clickOn(at);
        WaitForAsyncUtils.waitForFxEvents();
        Label field = ROBOT.lookup(".caption").queryAllAs(Label.class).stream()
                .filter(l -> l.getText().startsWith("Unit")).findFirst().orElseThrow();
        assertEquals("Unit (channel 1, row 1, column 1) of pool1 sees input rows 2..5, columns 2..5.", field.getText());
        ValueGrid detail = ROBOT.lookup("#mapsDetail").queryAs(ValueGrid.class);
        assertEquals(4, detail.rows());
        assertEquals(tile.valueAt(1, 1), detail.valueAt(1, 1), 0f);
    }
}
