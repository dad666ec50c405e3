package org.convlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.convlab.nn.Network;
import org.convlab.nn.Parameter;
import org.convlab.train.Checkpoint;
import org.convlab.ui.training.TrainingSnapshot.State;
import org.junit.jupiter.api.Test;

/**
 * The epoch timeline of a run of the X/O net: one checkpoint per epoch in the run folder, picking
 * an epoch shows that checkpoint's filters, predictions and the charts up to then; Reproduce run
 * gives the same losses, bit for bit.
 */
class DashboardTimelineTest extends DashboardWindowTest {
    @Override
    double width() {
        return 900;
    }

    @Test
    void pickingAnEpochShowsItsCheckpointAndReproduceGivesTheSameLosses() throws Exception {
        robot.interact(() -> dashboard.setDataSource(XO.toString()));
        DataPanel panel = robot.lookup("#dataPanel").queryAs(DataPanel.class);
        DashboardFx.waitUntil(15, () -> panel.preparedProperty().get() != null);
        robot.interact(() -> dashboard.settings().setEpochs(4));
        robot.interact(dashboard::startTraining);
        DashboardFx.waitUntil(20, () -> state() == State.FINISHED);
        TrainingSession first = dashboard.session();
        Path folder = first.runFolder();
        assertTrue(folder.startsWith(RunFolder.root()), folder.toString());
        assertEquals(List.of(1, 2, 3, 4), RunFolder.epochs(folder));
        assertTrue(robot.lookup("#runFolder").queryAs(Label.class).getText().contains(folder.toString()));

        TimelinePanel timeline = robot.lookup("#timelinePanel").queryAs(TimelinePanel.class);
        robot.interact(() -> timeline.select(1));
        FilterView filters = robot.lookup("#filterView").queryAs(FilterView.class);
        Checkpoint cp = Checkpoint.read(Checkpoint.file(folder, 1));
        Network atOne = Network.build(cp.model(), 1);
        float[] conv = firstConvWeight(atOne);
        DashboardFx.waitUntil(10, () -> java.util.Arrays.equals(filters.shown().values(), conv));
        assertEquals("epoch 1 (from its checkpoint)", robot.lookup("#timelineEpoch").queryAs(Label.class).getText());
        LiveChart loss = robot.lookup("#lossChart").queryAs(LiveChart.class);
        // 25 training images in batches of 4 = 7 batches, one point each, epoch 1 only
        assertEquals(7, loss.series().get(0).points().size());
        assertEquals(1, loss.series().get(1).points().size(), "validation loss of epoch 1");
        assertEquals(1, robot.lookup("#confusionView").queryAs(ConfusionView.class).shown().epoch());
        // the chosen image's top-3 come from epoch 1's weights
        ChosenImagePanel chosen = robot.lookup("#chosenImagePanel").queryAs(ChosenImagePanel.class);
        float[] p = atOne.forward(chosen.chosen().input().clone(), 1, false).clone();
        int best = p[0] >= p[1] ? 0 : 1;
        String expected = String.format(Locale.ROOT, "%s %.1f%%", atOne.spec().classes().get(best), 100 * p[best]);
        DashboardFx.waitUntil(10, () -> chosen.top3Shown().get(0).equals(expected));

        Button reproduce = robot.lookup("#reproduceRun").queryAs(Button.class);
        robot.interact(reproduce::fire);
        DashboardFx.waitUntil(20, () -> dashboard.session() != first && state() == State.FINISHED);
        TrainingSession second = dashboard.session();
        assertNotSame(first, second);
        assertEquals(28, first.batchLosses().length);
        assertArrayEquals(first.batchLosses(), second.batchLosses(), "the same losses, bit for bit");
        assertEquals(metrics(first), metrics(second), "losses and accuracies per epoch (times differ, of course)");
    }

    private static List<List<Double>> metrics(TrainingSession s) {
        return s.current().history().stream().map(e -> List.of(e.trainLoss(), e.trainAccuracy(), e.validationLoss(),
                e.validationAccuracy())).toList();
    }

    private static float[] firstConvWeight(Network net) {
        for (Parameter p : net.parameters()) {
            if (p.shape().length == 4) {
                return p.value();
            }
        }
        throw new AssertionError("no conv layer");
    }

    private State state() {
        TrainingSnapshot s = dashboard.snapshotProperty().get();
        return s == null ? null : s.state();
    }
}
