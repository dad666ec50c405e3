package org.convlab.ui;

import java.util.Collection;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;

/**
 * What the classroom-size sweeps count as cut off, in one place (NothingCutOffTest for the whole
 * window, BackwardViewTest for every Backward view): a label whose skin shows less than its text
 * (an ellipsis took the end), a control reaching past the window without a scroll pane, a scroll
 * pane whose content is wider than its viewport (unless it holds a wide picture and says so with
 * the style class {@value #SIDEWAYS_OK}), and a control hidden past the right edge of its scroll
 * pane's viewport with nothing scrolling to it.
 */
public final class CutOffWalk {
    /** The style class of a scroll pane meant to scroll sideways (a wide picture, not a panel of controls). */
    public static final String SIDEWAYS_OK = "scrolls-sideways";

    private CutOffWalk() {}

    /** Adds one line per problem under {@code node} to {@code problems}, each starting with {@code where}. */
    public static void walk(Node node, Scene scene, String where, Collection<String> problems) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getWidth() > 0) {
            String full = expected(l);
            String shown = shownText(l);
            if (!full.isBlank() && shown != null && !shown.equals(full)) {
                problems.add(where + ": " + describe(l) + " shows \"" + shown + "\" for \"" + full + "\"");
            }
        }
        if (node instanceof Control c && c.getWidth() > 0 && !insideScrollPane(c)) {
            Bounds b = c.localToScene(c.getLayoutBounds());
            if (b.getMaxX() > scene.getWidth() + 1 || b.getMaxY() > scene.getHeight() + 1) {
                problems.add(where + ": " + describe(c) + " reaches past the window (" + Math.round(b.getMaxX()) + ", "
                        + Math.round(b.getMaxY()) + ")");
            }
        }
        if (node instanceof Control c && c.getWidth() > 0 && pastViewport(c)) {
            problems.add(where + ": " + describe(c) + " reaches past the right edge of its scroll pane, where nothing"
                    + " scrolls to it (" + Math.round(c.localToScene(c.getLayoutBounds()).getMaxX()) + " px)");
        }
        if (node instanceof ScrollPane s && s.getContent() != null && s.getViewportBounds().getWidth() > 0
                && !s.getStyleClass().contains(SIDEWAYS_OK)) {
            double over = s.getContent().getLayoutBounds().getWidth() - s.getViewportBounds().getWidth();
            if (over > 1) {
                problems.add(where + ": " + describe(s) + " scrolls sideways, its content is " + Math.round(over)
                        + " px wider than the room it has");
            }
        }
        if (node instanceof javafx.scene.control.TabPane t && t.getWidth() > 0 && tabsOverflow(t)) {
            problems.add(where + ": " + describe(t) + " has more tabs than its bar shows: some hide behind the"
                    + " overflow arrow");
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, scene, where, problems);
            }
        }
    }

    /** The text a label means to show: its text, without the mnemonic's underscore. */
    private static String expected(Labeled l) {
        String text = l.getText() == null ? "" : l.getText();
        return l.isMnemonicParsing() ? text.replaceFirst("_(?=.)", "") : text;
    }

    /** The text the skin drew (the LabeledText child), or null when the skin has none yet. */
    private static String shownText(Labeled l) {
        for (Node n : l.getChildrenUnmodifiable()) {
            if (n instanceof Text t && n.getStyleClass().contains("text")) {
                return t.getText();
            }
        }
        return null;
    }

    /**
     * A control hidden past the right edge of the scroll pane it is in: its parent is wider than
     * the scroll pane's content (a table or a row of grids that does not shrink), so the viewport
     * cuts it off and the scroll pane, whose content fits, offers no scroll bar to reach it.
     */
    private static boolean pastViewport(Control c) {
        for (Node p = c.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.TableView<?> || p.getStyleClass().contains("virtual-flow")) {
                return false; // a table scrolls its own columns
            }
            if (p instanceof ScrollPane s) {
                if (!inside(c, s.getContent())) {
                    return false; // the scroll pane's own scroll bars and corner
                }
                if (s.getStyleClass().contains(SIDEWAYS_OK) || s.getContent() == null
                        || s.getContent().getLayoutBounds().getWidth() > s.getViewportBounds().getWidth() + 1) {
                    return false; // it scrolls sideways: counted there, or meant to
                }
                Node viewport = s.getChildrenUnmodifiable().stream()
                        .filter(n -> n.getStyleClass().contains("viewport")).findFirst().orElse(null);
                if (viewport == null) {
                    return false;
                }
                double right = viewport.localToScene(viewport.getLayoutBounds()).getMaxX();
                return c.localToScene(c.getLayoutBounds()).getMaxX() > right + 1;
            }
        }
        return false;
    }

    /** The tab bar's overflow arrow (modena's tab-down-button) shows: a tab title is cut or hidden. */
    private static boolean tabsOverflow(javafx.scene.control.TabPane t) {
        for (Node area : t.getChildrenUnmodifiable()) {
            if (area.getStyleClass().contains("tab-header-area") && area instanceof Parent header) {
                for (Node buttons : header.getChildrenUnmodifiable()) {
                    if (buttons.getStyleClass().contains("control-buttons-tab") && buttons.isVisible()) {
                        return visibleDescendant(buttons, "tab-down-button");
                    }
                }
            }
        }
        return false;
    }

    private static boolean visibleDescendant(Node n, String styleClass) {
        if (!n.isVisible()) {
            return false;
        }
        if (n.getStyleClass().contains(styleClass)) {
            return true;
        }
        return n instanceof Parent p && p.getChildrenUnmodifiable().stream().anyMatch(c -> visibleDescendant(c, styleClass));
    }

    private static boolean inside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideScrollPane(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            // a table scrolls its columns sideways itself: a wide last column is reached with its scroll bar
            if (p instanceof ScrollPane || p instanceof javafx.scene.control.TableView<?>
                    || p.getStyleClass().contains("virtual-flow")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Node n) {
        String id = n.getId() != null ? "#" + n.getId() : "";
        for (Node p = n.getParent(); id.isEmpty() && p != null; p = p.getParent()) {
            if (p.getId() != null) {
                id = "in #" + p.getId();
            }
        }
        return n.getClass().getSimpleName() + " " + id;
    }
}
