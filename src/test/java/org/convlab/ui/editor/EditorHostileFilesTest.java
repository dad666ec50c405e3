package org.convlab.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import org.convlab.engine.Shape;
import org.convlab.model.DenseSpec;
import org.convlab.model.FlattenSpec;
import org.convlab.model.ModelFiles;
import org.convlab.model.NetworkSpec;
import org.convlab.model.ParamData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 13 in the window: a hostile file gets the reader's one-line message in
 * {@code #fileErrorDialog} and the current model stays; a multi-MB model is read and written
 * off the FX thread (the open returns before the model changes; no timing is asserted); a failed
 * save leaves the document unsaved.
 */
class EditorHostileFilesTest extends EditorWindowFixture {
    /** 784 inputs x 1,000 units = 784,000 weights: about 4.2 MB of base64, above the background limit. */
    private static final int UNITS = 1000;

    @Test
    void hostileFilesShowTheReadersMessageAndKeepTheModel() throws Exception {
        choosePreset("lenet5");
        StackDocument before = model().document();
        Path nonUtf8 = dir.resolve("latin1.json");
        Files.write(nonUtf8, "{\"format\": \"convlab-model\", \"classes\": [\"caf\u00e9\"]}".getBytes(StandardCharsets.ISO_8859_1));
        Path trailing = dir.resolve("trailing.json");
        Files.writeString(trailing, Files.readString(small("good.json")) + "{}");
        Path nan = dir.resolve("nan.json");
        Files.writeString(nan, "{\"format\": \"convlab-model\", \"version\": 1, \"input\": {\"channels\": 1, \"height\": 1,"
                + " \"width\": 2}, \"layers\": [{\"type\": \"dense\", \"name\": \"fc1\", \"units\": 1, \"weight\":"
                + " {\"shape\": [1, 2], \"data\": [0.5, NaN]}}]}");
        // what each refusal must name besides the file: the reason in the reader's words
        assertRefused(nonUtf8, "UTF-8", before);
        assertRefused(trailing, "after", before);
        assertRefused(nan, "fc1", before);
        assertRefused(Path.of("/dev/zero"), "not a regular file", before);
        assertRefused(dir, "folder", before);
        Path fifo = dir.resolve("pipe.json");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        assertRefused(fifo, "not a regular file", before); // refused before it is opened: a pipe would block
    }

    @Test
    void aMultiMegabyteModelIsReadOffTheFxThread() throws Exception {
        Path file = dir.resolve("wide.json");
        NetworkSpec wide = wideNetwork(0.25f);
        ModelFiles.write(file, wide);
        assertTrue(Files.size(file) > FileActions.BACKGROUND_BYTES, "the test needs a file above the limit");
        choosePreset("xo");
        StackDocument before = model().document();
        String reading = "Reading wide.json (" + org.convlab.MemoryGuard.size(Files.size(file)) + ")\u2026";
        AtomicBoolean started = new AtomicBoolean();
        fxRun(() -> {
            started.set(window().files().open(file));
            // still on the FX thread: the read cannot have been shown yet, whatever its speed
            assertTrue(window().files().isBusy());
            assertSame(before, model().document());
            String status = robot.lookup("#statusBar").queryAs(org.controlsfx.control.StatusBar.class).getText();
            assertTrue(status.startsWith(reading), status);
        });
        assertTrue(started.get());
        waitUntilIdle();
        assertEquals(StackDocument.of(wide), model().document());
        assertEquals("wide.json", model().sourceProperty().get());
        assertFalse(model().isDirty());
        assertTrue(dialogs().isEmpty());
    }

    @Test
    void aReadOvertakenByAPresetIsDropped() throws Exception {
        Path file = dir.resolve("wide-late.json");
        ModelFiles.write(file, wideNetwork(0.125f));
        choosePreset("xo");
        fxRun(() -> {
            assertTrue(window().files().open(file));
            window().openPreset("lenet5"); // the user moves on while the file is read
        });
        waitUntilIdle();
        assertEquals("preset:lenet5", model().sourceProperty().get());
        assertTrue(dialogs().isEmpty());
    }

    @Test
    void savingBeforeAPresetWaitsForTheBackgroundWriteWithoutBlockingTheFxThread() throws Exception {
        Path file = dir.resolve("wide-kept.json");
        ModelFiles.write(file, wideNetwork(1f));
        choosePreset("xo");
        fxRun(() -> window().files().open(file));
        waitUntilIdle();
        fxRun(() -> model().select(0));
        fxRun(() -> model().set("name", "flat2"));
        StackDocument edited = model().document();
        fxRun(() -> window().views().show(org.convlab.ui.app.CenterViews.START));
        javafx.scene.control.Button card = robot.lookup("#preset-tinyvgg").queryAs(javafx.scene.control.Button.class);
        javafx.application.Platform.runLater(card::fire); // asks "save the changes?"
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !dialogs().isEmpty());
        DialogPane pane = (DialogPane) dialogs().get(0).getScene().getRoot();
        assertEquals("unsavedDialog", pane.getId());
        javafx.scene.control.ButtonType save = pane.getButtonTypes().stream()
                .filter(t -> t.getText().equals("Save")).findFirst().orElseThrow();
        robot.clickOn(pane.lookupButton(save));
        WaitForAsyncUtils.waitFor(50, TimeUnit.SECONDS, () -> "preset:tinyvgg".equals(model().sourceProperty().get()));
        assertFalse(window().files().isBusy());
        assertEquals(edited, StackDocument.of(ModelFiles.read(file)), "the preset came only after the save was complete");
    }

    @Test
    void aBigFileThatFailsInTheBackgroundShowsTheDialogAndKeepsTheModel() throws Exception {
        Path file = dir.resolve("wide-trailing.json");
        ModelFiles.write(file, wideNetwork(0.5f));
        Files.writeString(file, "[]", java.nio.file.StandardOpenOption.APPEND);
        choosePreset("tinyvgg");
        StackDocument before = model().document();
        fxRun(() -> assertTrue(window().files().open(file)));
        waitUntilIdle();
        DialogPane pane = errorDialog();
        assertTrue(pane.getContentText().contains("wide-trailing.json"), pane.getContentText());
        assertSame(before, model().document());
        assertEquals("preset:tinyvgg", model().sourceProperty().get());
    }

    @Test
    void aFailedSaveShowsTheDialogAndLeavesTheDocumentUnsaved() throws Exception {
        choosePreset("lenet5");
        robot.clickOn("#layer-conv1");
        type("#field-filters", "7");
        assertTrue(model().isDirty());
        fxRun(() -> assertFalse(window().files().save(dir))); // a folder: small, so written at once
        DialogPane pane = errorDialog();
        assertTrue(pane.getContentText().contains(dir.toString()), pane.getContentText());
        assertTrue(model().isDirty());
        assertEquals("preset:lenet5", model().sourceProperty().get());
    }

    @Test
    void aBigSaveRunsInTheBackgroundFailsCleanlyOntoAFolderAndThenSaves() throws Exception {
        Path file = dir.resolve("wide-saved.json");
        Path source = dir.resolve("wide-source.json");
        NetworkSpec wide = wideNetwork(0.75f);
        ModelFiles.write(source, wide);
        choosePreset("xo");
        fxRun(() -> window().files().open(source));
        waitUntilIdle();
        fxRun(() -> model().select(1));
        fxRun(() -> model().set("name", "wide"));
        assertTrue(model().isDirty());

        fxRun(() -> assertTrue(window().files().save(dir))); // started in the background
        waitUntilIdle();
        assertTrue(errorDialog().getContentText().contains(dir.toString()));
        assertTrue(model().isDirty(), "a failed save does not mark the document saved");
        closeDialogs();

        StackDocument snapshot = model().document();
        fxRun(() -> {
            assertTrue(window().files().save(file));
            assertTrue(window().files().isBusy());
        });
        waitUntilIdle();
        assertTrue(dialogs().isEmpty());
        assertFalse(model().isDirty());
        assertEquals(file, model().fileProperty().get());
        assertEquals(snapshot, StackDocument.of(ModelFiles.read(file)));
    }

    @Test
    void aModelTooLargeForMemoryIsSummarisedAndItsStepThroughRefusedInADialog() throws Exception {
        // 28x28 -> flatten -> dense of 10^8 units: 78.4 billion weights, far beyond any heap
        Path huge = dir.resolve("huge.json");
        Files.writeString(huge, "{\"format\": \"convlab-model\", \"version\": 1, \"input\": {\"channels\": 1, \"height\": 28,"
                + " \"width\": 28}, \"layers\": [{\"type\": \"flatten\"}, {\"type\": \"dense\", \"name\": \"fc1\","
                + " \"units\": 100000000}]}");
        choosePreset("xo");
        fxRun(() -> assertTrue(window().files().open(huge)));
        assertEquals("huge.json", model().sourceProperty().get());
        fxRun(() -> window().views().show(org.convlab.ui.app.CenterViews.SUMMARY));
        String totals = robot.lookup("#summaryTotals").queryAs(Label.class).getText();
        // (784 + 1) * 10^8 parameters, 4 bytes each = 314,000,000,000 bytes = 292.4 GB
        assertTrue(totals.contains(String.format(java.util.Locale.ROOT, "%.1f GB", 785e8 * 4 / (1L << 30))), totals);
        // no weights stored: the file is tiny whatever the layer's size, so it is written at once
        Path copy = dir.resolve("huge-copy.json");
        fxRun(() -> {
            assertTrue(window().files().save(copy));
            assertFalse(window().files().isBusy());
        });
        assertTrue(Files.size(copy) < 1000, Files.size(copy) + " bytes");
        fxRun(() -> window().stepThroughModel());
        DialogPane pane = errorDialog();
        assertTrue(pane.getContentText().contains("multiply-adds"), pane.getContentText());
    }

    private void assertRefused(Path file, String reason, StackDocument before) {
        fxRun(() -> assertFalse(window().files().open(file)));
        DialogPane pane = errorDialog();
        assertTrue(pane.getContentText().contains(file.getFileName().toString()) && pane.getContentText().contains(reason),
                pane.getContentText());
        assertFalse(pane.getContentText().contains("Exception"), pane.getContentText());
        assertTrue(pane.getWidth() <= javafx.stage.Screen.getPrimary().getVisualBounds().getWidth(), "dialog " + pane.getWidth());
        assertSame(before, model().document());
        closeDialogs();
    }

    private DialogPane errorDialog() {
        List<javafx.stage.Window> shown = dialogs();
        assertEquals(1, shown.size(), "one dialog");
        DialogPane pane = (DialogPane) shown.get(0).getScene().getRoot();
        assertEquals("fileErrorDialog", pane.getId());
        assertNotNull(pane.getContentText());
        return pane;
    }

    private void waitUntilIdle() throws Exception {
        WaitForAsyncUtils.waitFor(50, TimeUnit.SECONDS, () -> !window().files().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A small valid model file. */
    private static Path small(String name) {
        Path f = dir.resolve(name);
        if (!Files.exists(f)) {
            ModelFiles.write(f, new NetworkSpec(Shape.of(1, 1, 2), List.of(), List.of(DenseSpec.of(2))));
        }
        return f;
    }

    /** 28x28 -> flatten -> dense of {@link #UNITS} units with every weight set: a file of a few MB. */
    private static NetworkSpec wideNetwork(float scale) {
        float[] w = new float[UNITS * 784];
        for (int i = 0; i < w.length; i++) {
            w[i] = scale * ((i % 97) - 48) / 48f; // exact in float32, varied, no NaN
        }
        DenseSpec fc = new DenseSpec("fc1", UNITS, false, new ParamData(new int[] {UNITS, 784}, w), null);
        return new NetworkSpec(Shape.of(1, 28, 28), List.of(), List.of(new FlattenSpec("flat"), fc));
    }
}
