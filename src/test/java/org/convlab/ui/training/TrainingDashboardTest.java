package org.convlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.convlab.train.EpochStats;
import org.convlab.ui.training.TrainingSnapshot.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dashboard driven as a student would, headless: load the X/O sample images, press Start and
 * watch the charts fill and the accuracy reach 100%; Stop and Pause/Resume; a corrupt image in a
 * dropped folder listed as skipped; a folder that does not exist reported inline.
 */
class TrainingDashboardTest extends DashboardWindowTest {

    @Test
    void trainsXoFromTheDashboardToFullAccuracy() throws Exception {
        loadAndWait(XO.toString());
        robot.interact(() -> dashboard.settings().setEpochs(10));
        robot.clickOn("#start");
        waitUntil(20, () -> state() == State.FINISHED);

        TrainingSnapshot done = dashboard.snapshotProperty().get();
        assertEquals(10, done.history().size());
        EpochStats last = done.history().get(9);
        assertEquals(1.0, last.trainAccuracy(), "training accuracy after 10 epochs");
        assertEquals(1.0, last.validationAccuracy(), "validation accuracy after 10 epochs");
        LiveChart loss = robot.lookup("#lossChart").queryAs(LiveChart.class);
        LiveChart accuracy = robot.lookup("#accuracyChart").queryAs(LiveChart.class);
        // 25 training images in batches of 4 = 7 batches per epoch, one smoothed point each
        assertEquals(70, loss.series().get(0).points().size());
        assertEquals(10, loss.series().get(1).points().size(), "validation loss per epoch");
        List<double[]> acc = accuracy.series().get(0).points();
        assertEquals(100.0, acc.get(acc.size() - 1)[1], 1e-9);
        assertFalse(robot.lookup("#saveModel").queryAs(Button.class).isDisabled(), "the trained model can be saved");
        assertTrue(dashboard.trainedModelProperty().get() != null, "the draw pad gets the trained model");
    }

    @Test
    void stopStopsTheRun() throws Exception {
        loadAndWait(XO.toString());
        robot.interact(() -> dashboard.settings().setEpochs(2000));
        press("#start");
        waitUntil(20, () -> dashboard.snapshotProperty().get() != null && dashboard.snapshotProperty().get().batch() > 0);
        press("#stop");
        waitUntil(10, () -> state() == State.STOPPED);
        int epochs = dashboard.snapshotProperty().get().history().size();
        assertTrue(epochs < 2000);
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(State.STOPPED, state());
        assertEquals(epochs, dashboard.snapshotProperty().get().history().size(), "no epoch after Stop");
        assertFalse(robot.lookup("#start").queryAs(Button.class).isDisabled(), "Start is offered again");
    }

    @Test
    void pauseHoldsTheRunAndResumeContinuesIt() throws Exception {
        loadAndWait(XO.toString());
        robot.interact(() -> dashboard.settings().setEpochs(2000));
        press("#start");
        waitUntil(20, () -> dashboard.snapshotProperty().get() != null && dashboard.snapshotProperty().get().batch() > 0);
        press("#pause");
        waitUntil(10, () -> state() == State.PAUSED);
        Thread.sleep(200); // a batch in flight when Pause was pressed may still finish
        WaitForAsyncUtils.waitForFxEvents();
        TrainingSnapshot held = dashboard.snapshotProperty().get();
        assertEquals("Resume", robot.lookup("#pause").queryAs(Button.class).getText());
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        TrainingSnapshot later = dashboard.snapshotProperty().get();
        assertEquals(held.epoch() + "/" + held.batch(), later.epoch() + "/" + later.batch(), "no batch while paused");

        press("#pause");
        waitUntil(10, () -> {
            TrainingSnapshot s = dashboard.snapshotProperty().get();
            return s.state() == State.RUNNING && (s.epoch() > held.epoch() + 1);
        });
        assertEquals("Pause", robot.lookup("#pause").queryAs(Button.class).getText());
        press("#stop");
        waitUntil(10, () -> state() == State.STOPPED);
    }

    @Test
    void aDroppedFolderWithACorruptImageListsItAsSkipped(@TempDir Path dir) throws Exception {
        for (String c : List.of("x", "o")) {
            Files.createDirectories(dir.resolve(c));
            try (var files = Files.list(XO.resolve(c))) {
                for (Path f : files.toList()) {
                    Files.copy(f, dir.resolve(c).resolve(f.getFileName()));
                }
            }
        }
        Files.write(dir.resolve("x").resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4});
        DataPanel panel = robot.lookup("#dataPanel").queryAs(DataPanel.class);
        robot.interact(() -> panel.useDropped(dir));
        waitUntil(15, () -> panel.preparedProperty().get() != null);
        ListView<?> skipped = robot.lookup("#skippedList").queryAs(ListView.class);
        assertEquals(1, skipped.getItems().size());
        assertTrue(skipped.getItems().get(0).toString().startsWith("broken.png: "), skipped.getItems().get(0).toString());
        assertEquals(27, panel.preparedProperty().get().train().size() + panel.preparedProperty().get().validation().size(),
                "the 27 good images are kept");
    }

    @Test
    void aMissingFolderIsReportedInline(@TempDir Path dir) throws Exception {
        robot.interact(() -> dashboard.setDataSource(dir.resolve("nowhere").toString()));
        Label message = robot.lookup("#dataMessage").queryAs(Label.class);
        waitUntil(10, () -> !message.getText().isEmpty());
        assertTrue(message.getText().contains("nowhere"), message.getText());
        assertFalse(message.getText().contains("Exception"), message.getText());
    }

    private void loadAndWait(String source) throws Exception {
        robot.interact(() -> dashboard.setDataSource(source));
        DataPanel panel = robot.lookup("#dataPanel").queryAs(DataPanel.class);
        waitUntil(15, () -> panel.preparedProperty().get() != null);
    }

    /** Presses a button as a click would (fires its action) without moving the robot's mouse. */
    private void press(String id) {
        Button b = robot.lookup(id).queryAs(Button.class);
        assertFalse(b.isDisabled(), id + " is enabled");
        robot.interact(b::fire);
    }

    private State state() {
        TrainingSnapshot s = dashboard.snapshotProperty().get();
        return s == null ? null : s.state();
    }

    private static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
