package org.convlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.convlab.UserInputException;
import org.convlab.model.ModelSource;
import org.convlab.ui.training.TrainingSnapshot.State;
import org.junit.jupiter.api.Test;

/**
 * The Train tab's words follow its state (issue 12, item 10): the progress line moves on from
 * "Choose data, then Start." once data is loaded; the filter panel names LeNet-5's conv layer
 * instead of saying it has none; the developer's frame-gap figure stays hidden without
 * {@code -Dconvlab.pulses=log}; and when the editor's model is another one, the tab says which model
 * it trains and offers to switch, but never during a run.
 */
class DashboardStatusTest extends DashboardWindowTest {

    private String status() {
        return robot.lookup("#trainingStatus").queryAs(Label.class).getText();
    }

    @Test
    void theProgressLineMovesOnOnceDataIsLoaded() throws Exception {
        assertEquals("Choose data, then Start.", status(), "before any data");
        robot.interact(() -> dashboard.setDataSource(XO.toString()));
        DataPanel panel = robot.lookup("#dataPanel").queryAs(DataPanel.class);
        DashboardFx.waitUntil(15, () -> panel.preparedProperty().get() != null);
        String loaded = status();
        assertFalse(loaded.contains("Choose data"), loaded);
        // sample-images/xo: 27 images in 2 classes; a validation split of 0.1 keeps one of each class back
        assertTrue(loaded.contains("25 training images in 2 classes"), loaded);
        assertTrue(loaded.contains("Start"), "it says what comes next: " + loaded);
    }

    @Test
    void aMissingFolderSaysSoOnTheProgressLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        robot.interact(() -> dashboard.setDataSource(dir.resolve("nowhere").toString()));
        DashboardFx.waitUntil(10, () -> status().contains("could not be loaded"));
        assertFalse(status().contains("Choose data, then Start."), status());
    }

    @Test
    void theFilterPanelNamesLeNetsFirstConvLayerBeforeTraining() {
        robot.interact(() -> dashboard.setModel("preset:lenet5", ModelSource.load("preset:lenet5")));
        String lenet = robot.lookup("#filterPlaceholder").queryAs(Label.class).getText();
        assertFalse(lenet.contains("no conv layer"), lenet);
        // LeNet-5's first layer is a 5x5 convolution named conv1 (the preset's own name for it)
        String firstConv = ModelSource.load("preset:lenet5").layers().get(0).name();
        assertTrue(lenet.startsWith(firstConv + "'s filters"), lenet);

        robot.interact(() -> dashboard.setModel("preset:mlp-mnist1d", ModelSource.load("preset:mlp-mnist1d")));
        String mlp = robot.lookup("#filterPlaceholder").queryAs(Label.class).getText();
        assertTrue(mlp.contains("no conv layer"), "a net of dense layers has no filters: " + mlp);
    }

    @Test
    void theFrameGapIsADevelopersFigureHiddenFromUsers() {
        assertFalse(PulseMonitor.LOG, "the tests run without -Dconvlab.pulses=log");
        Node gap = robot.lookup("#pulseGap").query();
        assertFalse(gap.isVisible() && gap.isManaged(), "no 'largest frame gap' without -Dconvlab.pulses=log");
    }

    @Test
    void anotherModelInTheEditorIsOfferedAndTakenOnRequest() {
        robot.interact(() -> dashboard.takeEditorModel("preset:xo", 0, () -> ModelSource.load("preset:xo")));
        Node offer = robot.lookup("#editorModelOffer").query();
        assertFalse(offer.isVisible(), "the editor's model is the one trained: nothing to offer");

        robot.interact(() -> dashboard.offerEditorModel("preset:lenet5", 1, () -> ModelSource.load("preset:lenet5")));
        assertTrue(offer.isVisible() && offer.isManaged(), "the editor switched to LeNet-5");
        String text = robot.lookup("#editorModelText").queryAs(Label.class).getText();
        assertTrue(text.contains("trains preset:xo"), text);
        assertTrue(text.contains("preset:lenet5"), text);
        Button take = robot.lookup("#trainEditorModel").queryAs(Button.class);
        assertEquals("Train the editor's model (preset:lenet5)", take.getText());

        robot.interact(take::fire);
        assertEquals("preset:lenet5", dashboard.modelName());
        assertFalse(offer.isVisible(), "taken: the offer goes away");
        assertEquals(List.of("preset:xo", "preset:lenet5", "preset:tinyvgg"),
                robot.lookup("#modelChoice").queryAs(javafx.scene.control.ComboBox.class).getItems().subList(0, 3));
        assertEquals("preset:lenet5", robot.lookup("#modelChoice").queryAs(javafx.scene.control.ComboBox.class).getValue());

        // an edit in the editor (a new revision of the same file) is offered again
        robot.interact(() -> dashboard.offerEditorModel("preset:lenet5", 2, () -> ModelSource.load("preset:lenet5")));
        assertTrue(offer.isVisible(), "the editor changed the stack since it was taken");
    }

    @Test
    void aStackThatDoesNotFitIsExplainedNotTaken() {
        AtomicInteger asked = new AtomicInteger();
        robot.interact(() -> dashboard.offerEditorModel("untitled", 3, () -> {
            asked.incrementAndGet();
            throw new UserInputException("conv2: a 5x5 window does not fit a 3x3 input");
        }));
        robot.interact(() -> robot.lookup("#trainEditorModel").queryAs(Button.class).fire());
        assertEquals(1, asked.get());
        assertEquals("preset:xo", dashboard.modelName(), "the tab keeps its model");
        String text = robot.lookup("#editorModelText").queryAs(Label.class).getText();
        assertTrue(text.contains("does not fit yet") && text.contains("5x5 window"), text);
    }

    @Test
    void noOfferDuringARunAndTheOfferComesBackAfterIt() throws Exception {
        robot.interact(() -> dashboard.setDataSource(XO.toString()));
        DataPanel panel = robot.lookup("#dataPanel").queryAs(DataPanel.class);
        DashboardFx.waitUntil(15, () -> panel.preparedProperty().get() != null);
        robot.interact(() -> dashboard.settings().setEpochs(2000)); // long enough to be running when the editor changes
        robot.interact(dashboard::startTraining);
        DashboardFx.waitUntil(20, () -> dashboard.snapshotProperty().get() != null
                && dashboard.snapshotProperty().get().isActive());
        robot.interact(() -> dashboard.offerEditorModel("preset:lenet5", 1, () -> ModelSource.load("preset:lenet5")));
        Node offer = robot.lookup("#editorModelOffer").query();
        assertTrue(dashboard.snapshotProperty().get().isActive(), "still running");
        assertFalse(offer.isVisible(), "the model cannot change during a run");
        robot.interact(() -> robot.lookup("#stop").queryAs(Button.class).fire());
        DashboardFx.waitUntil(30, () -> dashboard.snapshotProperty().get().state() == State.STOPPED && offer.isVisible());
        assertEquals("preset:xo", dashboard.modelName(), "the run's model until the user switches");
        assertTrue(status().startsWith("stopped"), "the run's own line stays after it: " + status());
    }
}
