package org.convlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import org.convlab.ui.Theme;
import org.convlab.ui.training.TrainingSnapshot.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * View &gt; Text Size reaches the whole dashboard (issue 12, item 1): its text, the charts, the
 * confusion matrix's cells and numbers and the gallery captions grow with {@link Theme#em()}; and
 * the filters and maps use the app's diverging colours, the confusion cells its sequential ones.
 */
class DashboardScaleTest extends DashboardWindowTest {

    @AfterEach
    void defaultSize() {
        robot.interact(() -> {
            Theme.setTextSize(Theme.DEFAULT_EM);
            Theme.setPresenting(false, 1);
        });
    }

    private double fontOf(String id) {
        return robot.lookup(id).queryAs(Label.class).getFont().getSize();
    }

    @Test
    void textSize24GrowsTextChartsConfusionAndCaptions() throws Exception {
        robot.interact(() -> dashboard.setDataSource(XO.toString()));
        DataPanel panel = robot.lookup("#dataPanel").queryAs(DataPanel.class);
        DashboardFx.waitUntil(15, () -> panel.preparedProperty().get() != null);
        robot.interact(() -> dashboard.settings().setEpochs(2));
        robot.interact(dashboard::startTraining);
        DashboardFx.waitUntil(30, () -> dashboard.snapshotProperty().get() != null
                && dashboard.snapshotProperty().get().state() == State.FINISHED
                && dashboard.inspector().confusion.shown() != null);
        robot.interact(() -> dashboard.inspector().showCell(0, 0));
        DashboardFx.waitUntil(10, () -> robot.lookup("#cellImage-0").tryQuery().isPresent());

        double status = fontOf("#trainingStatus");
        double caption = captionFont();
        LiveChart loss = robot.lookup("#lossChart").queryAs(LiveChart.class);
        double chart = loss.prefHeight(-1);
        double confusion = robot.lookup("#confusionMatrix").queryAs(javafx.scene.canvas.Canvas.class).getHeight();
        assertEquals(Theme.DEFAULT_EM, status, 1e-9, "body text is one em");
        assertEquals(0.85 * Theme.DEFAULT_EM, caption, 0.1, "captions are 0.85 em (dashboard.css)");

        robot.interact(() -> Theme.setTextSize(24));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage.getScene().getRoot().applyCss());
        double factor = 24 / Theme.DEFAULT_EM;
        assertEquals(24, fontOf("#trainingStatus"), 1e-9, "the progress line");
        assertEquals(0.85 * 24, captionFont(), 0.1, "a gallery caption");
        assertEquals(chart * factor, loss.prefHeight(-1), 1e-6, "the charts are sized in ems");
        double grown = robot.lookup("#confusionMatrix").queryAs(javafx.scene.canvas.Canvas.class).getHeight();
        // rows of 1.4 lines of 0.85 em plus a quarter em, rounded up to whole pixels: about 1.6 times
        assertTrue(grown > confusion * 1.45 && grown < confusion * 1.75, confusion + " -> " + grown);
    }

    private double captionFont() {
        Node tile = robot.lookup("#cellImage-0").query();
        AtomicReference<Double> size = new AtomicReference<>();
        robot.interact(() -> size.set(((Label) ((javafx.scene.layout.VBox) tile).getChildren().get(1)).getFont().getSize()));
        return size.get();
    }

    @Test
    void featureMapsUseTheDivergingMap() {
        // the extremes of a layer's scale are the extremes of the app's diverging map
        int strongest = MapStrip.argb(2f, 2f);
        int weakest = MapStrip.argb(-2f, 2f);
        int zero = MapStrip.argb(0f, 2f);
        assertEquals(argb(Theme.POSITIVE), strongest, "+max is the map's positive end");
        assertEquals(argb(Theme.NEGATIVE), weakest, "-max is the map's negative end");
        assertEquals(argb(Theme.diverging(0, 1)), zero, "zero is the map's middle");
    }

    private static int argb(Color c) {
        return 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}
