package org.convlab.ui.app;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Window;
import org.convlab.Launcher;
import org.convlab.engine.Simd;
import org.convlab.ui.Theme;

/**
 * The Help menu: Keyboard Shortcuts (F1) and About ConvLab. The shortcut list is read from the
 * menu bar's accelerators when it opens, so a new or changed menu shortcut is listed without
 * touching this class; the keys that no menu carries (presenting, stepping, the layer stack, typed
 * weights) are listed below them. Both dialogs take the app's scale ({@link Theme}): at a larger
 * text size or in presentation mode they grow with everything else. Ids: {@code #menuHelp},
 * {@code #menuShortcuts}, {@code #menuAbout}, {@code #shortcutsDialog} (keys {@code .shortcut-keys}),
 * {@code #aboutDialog}, {@code #aboutVersion}, {@code #aboutJava}, {@code #aboutJavaFx},
 * {@code #aboutKernels}, {@code #aboutLicences}.
 */
final class HelpDialogs {
    /** One line of the list: the keys as the menus print them, and what they do. */
    record Shortcut(String keys, String action) {}

    /** Keys no menu carries: {group, keys, action}. */
    private static final String[][] OTHER_KEYS = {
        {"Presenting and stepping", "F5", "Presentation mode on and off (full screen, large type)"},
        {"Presenting and stepping", "Right, Page Down, Space", "Next step: the lesson's next slide, the next window of the"
            + " convolution or pooling (a presenter's clicker sends these keys)"},
        {"Presenting and stepping", "Left, Page Up", "Previous step"},
        {"Presenting and stepping", "B", "Blank the screen, and back (presentation mode)"},
        {"Presenting and stepping", "Esc", "Leave presentation mode"},
        {"Layer stack", "Up, Down", "Select the layer above or below"},
        {"Layer stack", "Delete, Backspace", "Delete the selected layer"},
        {"Layer stack", "Space, Enter", "Select the layer card that has the focus"},
        {"Typing a weight", "Enter", "Use the typed number"},
        {"Typing a weight", "Esc", "Cancel, the weight stays as it was"},
    };

    private HelpDialogs() {}

    /** "Help" with Keyboard Shortcuts (F1) and About ConvLab; the shortcuts are read from {@code bar} when shown. */
    static Menu menu(MenuBar bar) {
        MenuItem keys = new MenuItem("Keyboard Shortcuts");
        keys.setId("menuShortcuts");
        keys.setAccelerator(KeyCombination.keyCombination("F1"));
        keys.setOnAction(e -> showShortcuts(bar));
        MenuItem about = new MenuItem("About ConvLab");
        about.setId("menuAbout");
        about.setOnAction(e -> showAbout(window(bar)));
        Menu help = new Menu("_Help", null, keys, about);
        help.setId("menuHelp");
        return help;
    }

    /** Every accelerator of the menu bar, menu by menu, as "File > Save". */
    static List<Shortcut> menuShortcuts(MenuBar bar) {
        List<Shortcut> list = new ArrayList<>();
        for (Menu m : bar.getMenus()) {
            collect(m, plain(m.getText()), list);
        }
        return list;
    }

    private static void collect(Menu menu, String path, List<Shortcut> into) {
        for (MenuItem item : menu.getItems()) {
            String name = path + " > " + plain(item.getText());
            if (item instanceof Menu sub) {
                collect(sub, name, into);
            } else if (item.getAccelerator() != null) {
                into.add(new Shortcut(item.getAccelerator().getDisplayText(), name));
            }
        }
    }

    /** A menu text without its mnemonic mark ("_File" is "File") and without a trailing ellipsis. */
    private static String plain(String text) {
        String t = text == null ? "" : text.replace("_", "");
        return t.endsWith("...") ? t.substring(0, t.length() - 3) : t.endsWith("\u2026") ? t.substring(0, t.length() - 1) : t;
    }

    static void showShortcuts(MenuBar bar) {
        GridPane table = new GridPane();
        table.setId("shortcutsTable");
        table.setHgap(Theme.px(1.2));
        table.setVgap(Theme.px(0.3));
        int row = 0;
        List<Shortcut> fromMenus = menuShortcuts(bar);
        Set<String> taken = new LinkedHashSet<>();
        for (Shortcut s : fromMenus) {
            taken.add(s.keys());
        }
        // the keys a teacher needs in front of a class first (presenting and stepping), the menus' after
        String group = null;
        for (String[] k : OTHER_KEYS) {
            if (taken.contains(k[1])) {
                continue; // a menu carries it now (View > Presentation Mode, F5): listed with the menus
            }
            if (!k[0].equals(group)) {
                group = k[0];
                row = section(table, row, group);
            }
            row = line(table, row, k[1], k[2]);
        }
        row = section(table, row, "Menus");
        for (Shortcut s : fromMenus) {
            row = line(table, row, s.keys(), s.action());
        }
        ScrollPane scroll = new ScrollPane(table);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(Theme.px(28), screen(bar).getHeight() * 0.7));
        Dialog<Void> d = dialog(window(bar), "Keyboard Shortcuts", "shortcutsDialog", scroll);
        d.getDialogPane().setPrefWidth(Math.min(Theme.px(42), screen(bar).getWidth() * 0.9));
        d.show();
    }

    private static int section(GridPane table, int row, String title) {
        Label l = new Label(title);
        l.getStyleClass().add("section-title");
        l.setStyle("-fx-padding: " + (row == 0 ? 0 : 0.6) + "em 0 0.2em 0;");
        table.add(l, 0, row, 2, 1);
        return row + 1;
    }

    private static int line(GridPane table, int row, String keys, String action) {
        Label k = new Label(keys);
        k.getStyleClass().add("shortcut-keys");
        k.setStyle("-fx-font-family: \"" + Theme.MONO + "\"; -fx-font-weight: bold;");
        k.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label a = new Label(action);
        a.setWrapText(true);
        GridPane.setValignment(k, javafx.geometry.VPos.TOP); // beside the first line of a long action
        table.add(k, 0, row);
        table.add(a, 1, row);
        return row + 1;
    }

    /** The About box: version, Java, JavaFX, the kernels and the libraries' licences; Copy puts it on the clipboard. */
    static void showAbout(Window owner) {
        Label title = new Label("ConvLab " + Launcher.version());
        title.setId("aboutVersion");
        title.getStyleClass().add("view-title");
        Label what = new Label("A desktop lab for convolutional networks: step through filter matching, pooling and"
                + " votes one number at a time, and train small nets on your own images.");
        what.setWrapText(true);
        Label java = info("aboutJava", "Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.name") + ", " + System.getProperty("java.vendor") + ")");
        Label fx = info("aboutJavaFx", "JavaFX " + System.getProperty("javafx.runtime.version",
                System.getProperty("javafx.version", "(version unknown)")));
        Label kernels = info("aboutKernels", "Kernels: " + Simd.describe() + lanes() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPU threads");
        Label licences = info("aboutLicences", "Built on OpenJFX (GPL 2.0 with the Classpath Exception), ControlsFX"
                + " (BSD 3-Clause), Jackson and picocli (Apache 2.0).");
        VBox box = new VBox(Theme.px(0.5), title, what, java, fx, kernels, licences);
        box.setPrefWidth(Theme.px(34));
        Dialog<Void> d = dialog(owner, "About ConvLab", "aboutDialog", box);
        ButtonType copy = new ButtonType("Copy");
        d.getDialogPane().getButtonTypes().add(0, copy);
        d.getDialogPane().lookupButton(copy).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            ClipboardContent text = new ClipboardContent();
            text.putString(String.join("\n", title.getText(), java.getText(), fx.getText(), kernels.getText()));
            Clipboard.getSystemClipboard().setContent(text);
            e.consume(); // keep the box open
        });
        d.show();
    }

    private static Label info(String id, String text) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        return l;
    }

    /** ", 8 float lanes (256-bit vectors)" when the Vector API runs, else nothing. */
    private static String lanes() {
        if (!Simd.AVAILABLE) {
            return "";
        }
        int lanes = VectorLanes.floats();
        return ", " + lanes + " float lanes (" + lanes * 32 + "-bit vectors)";
    }

    /** Touches the Vector API; loaded only when {@link Simd#AVAILABLE}, so a plain {@code java -jar} never loads it. */
    private static final class VectorLanes {
        static int floats() {
            return jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length();
        }
    }

    /** A non-modal dialog with a Close button, styled and sized like the app. */
    private static Dialog<Void> dialog(Window owner, String title, String id, javafx.scene.Node content) {
        Dialog<Void> d = new Dialog<>();
        d.setTitle(title);
        if (owner != null) {
            d.initOwner(owner);
        }
        d.initModality(javafx.stage.Modality.NONE);
        DialogPane pane = d.getDialogPane();
        pane.setId(id);
        pane.getStylesheets().add(HelpDialogs.class.getResource(ConvLabApp.CSS).toExternalForm());
        Theme.styleRoot(pane);
        pane.setContent(content);
        pane.getButtonTypes().add(ButtonType.CLOSE);
        d.setResizable(true);
        return d;
    }

    private static Window window(MenuBar bar) {
        Scene s = bar.getScene();
        return s == null ? null : s.getWindow();
    }

    private static Rectangle2D screen(MenuBar bar) {
        Window w = window(bar);
        List<Screen> screens = w == null ? List.of() : Screen.getScreensForRectangle(w.getX(), w.getY(), 1, 1);
        return (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getVisualBounds();
    }
}
