package org.convlab.ui.stepper;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.convlab.trace.ActivationSnapshot;
import org.convlab.ui.controls.FigureSnapshot;
import org.convlab.trace.SnapshotCsv;

/**
 * Export of what the step-through shows: the current view as a PNG figure (the view node drawn
 * whole, also the parts scrolled out of sight, without its controls: {@link FigureSnapshot}) and
 * the current input's maps as CSV ({@link SnapshotCsv}); both written atomically. Also the File
 * menu's "Export Step-through" items: the maps as CSV with a file chooser (the picture of a view is
 * File &gt; Export Figure's, for whatever view is showing).
 */
final class ViewExport {
    private ViewExport() {}

    /** The view inside a tab: a scroll pane's content, or the node itself. */
    static Node viewOf(Node tabContent) {
        return tabContent instanceof ScrollPane sp && sp.getContent() != null ? sp.getContent() : tabContent;
    }

    /** Draws {@code view} (laid out, in a scene) as a figure at its size on screen to a PNG. FX thread. */
    static void png(Node view, File out) {
        var image = FigureSnapshot.take(view, 1);
        try {
            ViewRenderer.writePng(SwingFXUtils.fromFXImage(image, null), out.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(out + ": cannot write the PNG (" + e.getMessage() + ")", e);
        }
    }

    static void csv(ActivationSnapshot snapshot, File out) {
        try {
            SnapshotCsv.write(snapshot, out.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(out + ": cannot write the CSV (" + e.getMessage() + ")", e);
        }
    }

    /** "Export" with "Feature maps as CSV...", asking for a file. */
    static Menu menu(Window owner, Consumer<File> csv) {
        MenuItem toCsv = new MenuItem("Feature maps as CSV\u2026");
        toCsv.setId("exportCsv");
        toCsv.setOnAction(e -> save(owner, "Export the current input's feature maps", "convlab-maps.csv",
                "CSV table", csv));
        Menu menu = new Menu("Export", null, toCsv);
        menu.setId("exportMenu");
        return menu;
    }

    private static void save(Window owner, String title, String name, String kind, Consumer<File> writer) {
        String ext = name.substring(name.lastIndexOf('.'));
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, "*" + ext));
        File chosen = chooser.showSaveDialog(owner);
        if (chosen == null) {
            return;
        }
        if (!chosen.getName().toLowerCase(Locale.ROOT).endsWith(ext)) {
            chosen = new File(chosen.getParentFile(), chosen.getName() + ext);
        }
        try {
            writer.accept(chosen);
        } catch (UncheckedIOException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
            alert.initOwner(owner);
            alert.setHeaderText("Export failed");
            alert.showAndWait();
        }
    }
}
