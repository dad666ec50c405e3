package org.convlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.convlab.data.input.InputFile;
import org.convlab.data.input.PixelScale;
import org.convlab.nn.Network;
import org.convlab.trace.ActivationSnapshot;
import org.convlab.train.Evaluation;
import org.convlab.ui.training.TrainingSnapshot.State;
import org.junit.jupiter.api.Test;

/**
 * Looking into a run of the X/O net on {@code sample-images/xo}: a confusion cell lists exactly
 * its images, a click opens one in the step-through with the weights of the moment, an image file
 * gets the model's top-3, and the chosen image's feature maps follow the training.
 */
class DashboardInspectionTest extends DashboardWindowTest {
    private final List<OpenRequest> opened = new ArrayList<>();

    @Override
    void prepare(TrainingDashboard d) {
        d.setOnOpenInStepper(opened::add);
    }

    @Test
    void aConfusionCellListsItsImagesAndOneOpensInTheStepThrough() throws Exception {
        train(2, 0.1);
        EpochReport report = dashboard.snapshotProperty().get().report();
        Evaluation e = report.evaluation();
        Canvas matrix = robot.lookup("#confusionMatrix").queryAs(Canvas.class);
        ConfusionView view = robot.lookup("#confusionView").queryAs(ConfusionView.class);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                int ti = i;
                int tj = j;
                robot.interact(() -> DashboardFx.click(matrix, view.cellCenter(ti, tj)));
                ImageGallery cell = robot.lookup("#cellGallery").queryAs(ImageGallery.class);
                assertEquals(e.confusion()[i][j], cell.size(), "images in cell " + i + "," + j);
                for (int t = 0; t < cell.size(); t++) {
                    String caption = caption(robot.lookup("#cellImage-" + t).queryAs(VBox.class));
                    String[] lines = caption.split("\n");
                    assertEquals("is " + e.classes().get(i), lines[0]);
                    assertTrue(lines[1].startsWith(e.classes().get(j) + " "), "top guess is the predicted class: " + caption);
                    assertEquals(Math.min(3, e.classes().size()) + 1, lines.length, "true class and top guesses: " + caption);
                }
            }
        }
        // the diagonal cell of class x holds the x images the net got right: open the first
        robot.interact(() -> DashboardFx.click(matrix, view.cellCenter(0, 0)));
        Node first = robot.lookup("#cellImage-0").query();
        robot.interact(() -> DashboardFx.click(first));
        assertEquals(1, opened.size());
        OpenRequest r = opened.get(0);
        assertTrue(r.inkPixels(), "X/O images are ink pixels");
        assertTrue(r.title().matches("X or O.* — validation image \\d+, true: " + e.classes().get(0) + ", predicted: "
                + e.classes().get(0) + " \\d+%"), r.title());
        // the network handed over computes what the gallery said, on its own
        float[] p = r.network().forward(r.input(), 1, false).clone();
        int best = p[0] >= p[1] ? 0 : 1;
        assertEquals(0, best, "the opened network predicts the cell's class");
        assertEquals(String.format(Locale.ROOT, "%.0f%%", 100 * p[0]), r.title().replaceAll(".* ", ""));
    }

    @Test
    void anImageFileGetsTheCurrentModelsTopThree() throws Exception {
        train(2, 0.1);
        Path file = XO.resolve("o").resolve("o-01-canonical.png");
        robot.interact(() -> dashboard.chooseImage(file));
        ChosenImagePanel panel = robot.lookup("#chosenImagePanel").queryAs(ChosenImagePanel.class);
        DashboardFx.waitUntil(10, () -> panel.top3Shown().get(0).matches("\\S+ \\d+\\.\\d%"));
        // an independent forward of the trained model on the file, read as the data was (ink +1)
        Network net = Network.build(dashboard.session().trainedSpec(), 1);
        float[] x = InputFile.read(file, net.inputShape(), PixelScale.INK, n -> {});
        float[] p = net.forward(x, 1, false).clone();
        List<String> classes = net.spec().classes();
        int best = p[0] >= p[1] ? 0 : 1;
        assertEquals(String.format(Locale.ROOT, "%s %.1f%%", classes.get(best), 100 * p[best]), panel.top3Shown().get(0));
        assertEquals(String.format(Locale.ROOT, "%s %.1f%%", classes.get(1 - best), 100 * p[1 - best]), panel.top3Shown().get(1));
    }

    @Test
    void theChosenImagesFeatureMapsFollowTheTraining() throws Exception {
        loadXo();
        robot.interact(() -> dashboard.settings().setEpochs(3000));
        robot.interact(dashboard::startTraining);
        DashboardFx.waitUntil(20, () -> {
            TrainingSnapshot s = dashboard.snapshotProperty().get();
            return s != null && s.model() != null && s.model().epoch() >= 3;
        });
        MapStrip strip = robot.lookup("#mapStrip").queryAs(MapStrip.class);
        ActivationSnapshot first = strip.shown();
        assertNotNull(first, "maps shown while training");
        DashboardFx.waitUntil(20, () -> strip.shown() != first && dashboard.snapshotProperty().get().model().epoch() > 5);
        ModelState m = dashboard.snapshotProperty().get().model();
        robot.interact(() -> dashboard.dispose());
        DashboardFx.waitUntil(10, () -> !dashboard.snapshotProperty().get().isActive());
        // the captured maps are those of the captured weights: recompute them on a network of our own
        Network own = m.network(7);
        own.forward(m.input().clone(), 1, false);
        for (int l = 0; l < own.layers().size(); l++) {
            float[] expected = Arrays.copyOf(own.layers().get(l).output(), own.layers().get(l).outputShape().size());
            assertArrayEquals(expected, m.activations().layer(l).data(), "layer " + l);
        }
        assertTrue(robot.lookup("#mapRow-0").tryQuery().isPresent(), "a row of maps for the first layer");
    }

    private void loadXo() throws Exception {
        robot.interact(() -> dashboard.setDataSource(XO.toString()));
        DataPanel panel = robot.lookup("#dataPanel").queryAs(DataPanel.class);
        DashboardFx.waitUntil(15, () -> panel.preparedProperty().get() != null);
    }

    private void train(int epochs, double split) throws Exception {
        loadXo();
        robot.interact(() -> dashboard.settings().setEpochs(epochs));
        robot.interact(dashboard::startTraining);
        DashboardFx.waitUntil(20, () -> {
            TrainingSnapshot s = dashboard.snapshotProperty().get();
            return s != null && s.state() == State.FINISHED;
        });
    }

    private static String caption(VBox tile) {
        return ((Label) tile.getChildren().get(1)).getText();
    }
}
