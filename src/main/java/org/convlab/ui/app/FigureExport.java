package org.convlab.ui.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.FileChooser;
import org.convlab.ui.controls.FigureSnapshot;
import org.convlab.ui.stepper.ViewRenderer;

/**
 * File &gt; Export Figure: whatever the middle region shows (a lesson step, a step-through view,
 * the summary, the diagram, the training charts, the draw pad) as a PNG for a slide, without its
 * controls ({@link FigureSnapshot}), at 1x, 2x or 3x its pixels on screen, written atomically.
 * The view is found by walking down from {@code #mainView}: the selected tab of every tab pane,
 * the content of every scroll pane. Ids: {@code #menuExportFigure}, {@code #menuFigure1x} ... {@code 3x}.
 */
final class FigureExport {
    private static final String[] PURPOSE = {"as on screen", "for slides", "for print"};

    private FigureExport() {}

    /** "Export Figure" with one item per scale, each asking for a file. */
    static Menu menu(Supplier<Scene> scene) {
        Menu menu = new Menu("Export Figure");
        menu.setId("menuExportFigure");
        for (int scale : FigureSnapshot.SCALES) {
            MenuItem item = new MenuItem(scale + "x (" + PURPOSE[scale - 1] + ")\u2026");
            item.setId("menuFigure" + scale + "x");
            item.setOnAction(e -> exportWithChooser(scene.get(), scale));
            menu.getItems().add(item);
        }
        return menu;
    }

    /** The view the middle region shows now: below the selected tabs and inside the scroll panes. */
    static Node currentView(Scene scene) {
        Node n = scene.lookup("#mainView");
        if (n == null) {
            n = scene.getRoot();
        }
        while (true) {
            if (n instanceof TabPane tabs && tabs.getSelectionModel().getSelectedItem() != null
                    && tabs.getSelectionModel().getSelectedItem().getContent() != null) {
                n = tabs.getSelectionModel().getSelectedItem().getContent();
            } else if (n instanceof ScrollPane sp && sp.getContent() != null) {
                n = sp.getContent();
            } else {
                return n;
            }
        }
    }

    /** A file name from the selected tabs: "convlab-step-through-convolution@2x.png". */
    static String suggestedName(Scene scene, int scale) {
        StringBuilder name = new StringBuilder("convlab");
        Node n = scene.lookup("#mainView");
        while (n instanceof TabPane || n instanceof ScrollPane) {
            if (n instanceof TabPane tabs) {
                Tab t = tabs.getSelectionModel().getSelectedItem();
                if (t == null) {
                    break;
                }
                String title = String.valueOf(t.getProperties().getOrDefault(org.convlab.ui.stepper.StepperTabs.FULL_NAME, t.getText()));
                name.append('-').append(title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("^-|-$", ""));
                n = t.getContent();
            } else {
                n = ((ScrollPane) n).getContent();
            }
        }
        return name + (scale == 1 ? "" : "@" + scale + "x") + ".png";
    }

    /** Writes the current view as a figure at {@code scale} to {@code out} (temporary file, then rename). FX thread. */
    static void export(Scene scene, int scale, Path out) throws IOException {
        var image = FigureSnapshot.take(currentView(scene), scale);
        ViewRenderer.writePng(SwingFXUtils.fromFXImage(image, null), out);
    }

    private static void exportWithChooser(Scene scene, int scale) {
        if (scene == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the view as a figure at " + scale + "x");
        chooser.setInitialFileName(suggestedName(scene, scale));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File chosen = chooser.showSaveDialog(scene.getWindow());
        if (chosen == null) {
            return;
        }
        if (!chosen.getName().toLowerCase(Locale.ROOT).endsWith(".png")) {
            chosen = new File(chosen.getParentFile(), chosen.getName() + ".png");
        }
        try {
            export(scene, scale, chosen.toPath());
        } catch (IOException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, chosen + ": cannot write the figure (" + e.getMessage() + ")");
            alert.initOwner(scene.getWindow());
            alert.setHeaderText("Export failed");
            alert.showAndWait();
        }
    }
}
