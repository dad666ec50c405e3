package org.convlab.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.convlab.model.LayerSpec;
import org.convlab.model.Presets;
import org.convlab.ui.app.CenterViews;
import org.convlab.ui.app.ConvLabApp;
import org.convlab.ui.app.MainWindow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Files and export in the real window: save, reopen and compare; a corrupt file's dialog with
 * the model untouched; the volume diagram's boxes and its PNG.
 */
class EditorFilesTest extends EditorWindowFixture {
    @Test
    void saveReopenAndCompare() throws Exception {
        choosePreset("tinyvgg");
        robot.clickOn("#layer-conv1");
        type("#field-filters", "12");
        StackDocument edited = model().document();
        Path file = dir.resolve("tiny.json");
        fxRun(() -> assertTrue(window().files().save(file)));
        assertEquals("ConvLab \u2014 tiny.json", window().titleProperty().get());
        choosePreset("xo");
        fxRun(() -> assertTrue(window().files().open(file)));
        assertEquals(edited, model().document());
        assertEquals(file, model().fileProperty().get());
        assertEquals(file.toAbsolutePath().normalize(), RecentFiles.inUserHome().list().get(0));
        assertTrue(dialogs().isEmpty());
    }

    @Test
    void aCorruptFileShowsTheModelsMessageAndChangesNothing() throws Exception {
        choosePreset("lenet5");
        StackDocument before = model().document();
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"convlab-model\", \"version\": 1, \"input\": {\"channels\": 1, \"height\": 28, "
                + "\"width\": 28}, \"layers\": [{\"type\": \"conv\", \"filters\": \"six\", \"kernel\": 5}]}");
        fxRun(() -> window().files().open(bad));
        Optional<Window> dialog = dialogs().stream().findFirst();
        assertTrue(dialog.isPresent(), "an error dialog");
        DialogPane pane = (DialogPane) dialog.get().getScene().getRoot();
        assertEquals("fileErrorDialog", pane.getId());
        // the model package's message names the file and the JSON path
        assertTrue(pane.getContentText().contains("bad.json") && pane.getContentText().contains("layers[0]"), pane.getContentText());
        assertEquals(before, model().document());
        assertEquals("preset:lenet5", model().sourceProperty().get());
    }

    @Test
    void theDiagramDrawsOneBoxPerShapeAndExportsAPng() throws Exception {
        choosePreset("alexnet");
        fxRun(() -> window().views().show(CenterViews.DIAGRAM));
        // input, 5 convs, 3 pools, flatten, 3 dense: activations, LRN and dropout keep the shape
        List<VolumeDiagram.Volume> vols = window().diagram().volumes();
        assertEquals(13, vols.size(), vols.toString());
        assertEquals(org.convlab.engine.Shape.of(96, 55, 55), vols.get(1).shape());
        Path png = dir.resolve("alexnet.png");
        fxRun(() -> window().exportDiagram(png));
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img);
        assertEquals((int) Math.ceil(window().diagram().getWidth()), img.getWidth());
        assertTrue(VolumeDiagram.side(227) > VolumeDiagram.side(55) && VolumeDiagram.depth(256) > VolumeDiagram.depth(96));
    }

    @Test
    void theDiagramExplainsItselfAndWrapsVgg16OntoRowsThatFitThePane() throws Exception {
        choosePreset("vgg16");
        fxRun(() -> window().views().show(CenterViews.DIAGRAM));
        VolumeDiagram d = window().diagram();
        javafx.scene.control.ScrollPane pane = (javafx.scene.control.ScrollPane) d.getParent().getParent().getParent();
        try {
            for (int textSize : new int[] {15, 24}) {
                fxRun(() -> org.convlab.ui.Theme.setTextSize(textSize));
                double room = pane.getViewportBounds().getWidth();
                // VGG-16: input, 13 convs, 5 pools, flatten, 3 dense = 23 items, far wider than one row
                assertEquals(23, d.volumes().size());
                assertTrue(d.rowCount() >= 2, "rows: " + d.rowCount());
                assertTrue(d.getWidth() <= room + 1, "diagram " + d.getWidth() + " px in a " + room + " px pane at text " + textSize);
                List<String> legend = d.legendTexts();
                for (String words : List.of("Colour: layer family", "input", "convolution", "pooling", "dense, flatten",
                        "Thickness: channels", "3", "64", "512", "Height: feature-map height (ruler at the left)")) {
                    assertTrue(legend.contains(words), words + " not in " + legend);
                }
                assertTrue(legend.stream().anyMatch(s -> s.contains("log scale")), legend.toString());
            }
        } finally {
            fxRun(() -> org.convlab.ui.Theme.setTextSize(org.convlab.ui.Theme.DEFAULT_EM));
        }
        // a short net stays on one row
        choosePreset("xo");
        assertEquals(1, d.rowCount());
    }
}
