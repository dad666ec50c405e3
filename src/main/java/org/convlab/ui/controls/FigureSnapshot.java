package org.convlab.ui.controls;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.transform.Transform;
import org.controlsfx.control.ToggleSwitch;

/**
 * A view drawn as a figure for a slide: what the view shows (grids, arithmetic, legends) without
 * the controls that change it, at 1, 2 or 3 times its pixels. Generic, so every view gets it:
 * during the snapshot every input control (a button of any kind, combo box, choice box, spinner,
 * slider, text field, switch) and every node with the style class {@value #HIDDEN} is hidden and
 * takes no room; a container of three or more children that are at least half such controls and
 * otherwise labels (a bar of buttons, a grid of settings and their names) goes with them; scroll
 * panes inside the view show their whole content, tables all their rows and columns; the view is
 * laid out again at its width, as tall as what is left. Afterwards everything is put back as it was, within the same call, so the
 * window never shows the figure's layout. FX thread.
 */
public final class FigureSnapshot {
    /** Style class of a node a figure leaves out although it is no input control. */
    public static final String HIDDEN = "figure-hidden";
    /** The scales offered: as on screen, for slides, for print. */
    public static final List<Integer> SCALES = List.of(1, 2, 3);

    private FigureSnapshot() {}

    /**
     * Draws {@code view} (laid out, in a scene or a scene's root) without its controls at
     * {@code scale} times its size: the image is the view's width times {@code scale}, rounded
     * up, and its height without the controls times {@code scale}.
     */
    public static WritableImage take(Node view, double scale) {
        if (!(scale > 0 && scale <= 8)) {
            throw new IllegalArgumentException("scale " + scale + " is out of range (0..8]");
        }
        List<Runnable> undo = new ArrayList<>();
        Node focus = view.getScene() == null ? null : view.getScene().getFocusOwner();
        try {
            if (view instanceof Parent p) {
                for (Node child : p.getChildrenUnmodifiable()) {
                    strip(child, undo);
                }
                p.layout();
                int before = undo.size();
                fitTables(p, undo);
                expandScrollPanes(p, undo);
                fitHeight(view, undo.size() > before, undo);
            }
            Bounds b = view.getLayoutBounds();
            SnapshotParameters params = new SnapshotParameters();
            params.setFill(Color.WHITE);
            params.setTransform(Transform.scale(scale, scale));
            params.setViewport(new Rectangle2D(b.getMinX() * scale, b.getMinY() * scale,
                    Math.ceil(b.getWidth() * scale), Math.ceil(b.getHeight() * scale)));
            return view.snapshot(params, null);
        } finally {
            for (int i = undo.size() - 1; i >= 0; i--) {
                undo.get(i).run();
            }
            relayout(view);
            if (focus != null && focus.getScene() != null) {
                focus.requestFocus();
            }
        }
    }

    /** Whether a figure leaves {@code n} out by itself: an input control or a node marked {@value #HIDDEN}. */
    public static boolean isInput(Node n) {
        return n instanceof ButtonBase || n instanceof ComboBoxBase || n instanceof ChoiceBox || n instanceof Spinner
                || n instanceof TextInputControl || n instanceof Slider || n instanceof ToggleSwitch
                || n.getStyleClass().contains(HIDDEN);
    }

    /**
     * Hides {@code n} if a figure leaves it out, else what it holds that a figure leaves out.
     * Returns true when {@code n} shows nothing now.
     */
    private static boolean strip(Node n, List<Runnable> undo) {
        if (!n.isVisible()) {
            return true;
        }
        if (isInput(n)) {
            hide(n, undo);
            return true;
        }
        if (!(n instanceof Parent p) || n instanceof ScrollPane sp && sp.getContent() == null) {
            return false;
        }
        int shown = 0;
        int gone = 0;
        boolean restAreLabels = true;
        for (Node child : p.getChildrenUnmodifiable()) {
            if (child.isVisible()) {
                shown++;
                if (strip(child, undo)) {
                    gone++;
                } else {
                    restAreLabels &= isLabelOrSpacer(child);
                }
            }
        }
        // all of it gone (a group of toggles), or a bar of controls and the labels that name them
        // ("Stride", "speed", "step 3 of 49"): without the controls they mean nothing, and the
        // bar's padding would stay as a gap
        boolean empty = shown > 0 && gone == shown;
        boolean controlBar = p instanceof Pane && !(p instanceof Control) && shown >= 3 && gone * 2 >= shown
                && restAreLabels;
        if (empty || controlBar) {
            hide(n, undo);
            return true;
        }
        return false;
    }

    /**
     * A label, a bit of text, a separator or an empty region (a spacer): what sits between controls
     * in a bar. A title ({@code .section-title}, {@code .panel-title}, ...) is none: a row that
     * starts with one is a heading, kept without its controls.
     */
    private static boolean isLabelOrSpacer(Node n) {
        if (n.getStyleClass().stream().anyMatch(c -> c.endsWith("title"))) {
            return false;
        }
        return n instanceof Label || n instanceof Text || n instanceof Separator
                || n instanceof Region r && !(n instanceof Control) && r.getChildrenUnmodifiable().isEmpty();
    }

    /** Makes {@code n} invisible and frees its room, remembering how to put it back (bound properties are left alone). */
    private static void hide(Node n, List<Runnable> undo) {
        if (!n.visibleProperty().isBound()) {
            n.setVisible(false);
            undo.add(() -> n.setVisible(true));
        } else if (!n.opacityProperty().isBound()) {
            double opacity = n.getOpacity();
            n.setOpacity(0);
            undo.add(() -> n.setOpacity(opacity));
        }
        if (n.isManaged() && !n.managedProperty().isBound()) {
            n.setManaged(false);
            undo.add(() -> n.setManaged(true));
        }
    }

    /**
     * Scroll panes inside the view (innermost first) get a viewport as large as their content,
     * so the figure shows all of it, not the part scrolled into sight.
     */
    private static void expandScrollPanes(Parent p, List<Runnable> undo) {
        for (Node child : p.getChildrenUnmodifiable()) {
            if (child.isVisible() && child instanceof Parent inner) {
                expandScrollPanes(inner, undo);
            }
        }
        if (p instanceof ScrollPane sp && sp.getContent() != null) {
            Node content = sp.getContent();
            double width = sp.isFitToWidth() ? sp.getViewportBounds().getWidth() : content.prefWidth(-1);
            double height = sp.isFitToHeight() ? sp.getViewportBounds().getHeight() : content.prefHeight(width);
            double minW = sp.getMinViewportWidth();
            double minH = sp.getMinViewportHeight();
            double prefW = sp.getPrefViewportWidth();
            double prefH = sp.getPrefViewportHeight();
            ScrollPane.ScrollBarPolicy hbar = sp.getHbarPolicy();
            ScrollPane.ScrollBarPolicy vbar = sp.getVbarPolicy();
            sp.setMinViewportWidth(width);
            sp.setPrefViewportWidth(width);
            sp.setMinViewportHeight(height);
            sp.setPrefViewportHeight(height);
            // no room kept for scroll bars: nothing is left to scroll
            if (!sp.hbarPolicyProperty().isBound() && !sp.vbarPolicyProperty().isBound()) {
                sp.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
                sp.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
            }
            undo.add(() -> {
                sp.setMinViewportWidth(minW);
                sp.setPrefViewportWidth(prefW);
                sp.setMinViewportHeight(minH);
                sp.setPrefViewportHeight(prefH);
                if (!sp.hbarPolicyProperty().isBound() && !sp.vbarPolicyProperty().isBound()) {
                    sp.setHbarPolicy(hbar);
                    sp.setVbarPolicy(vbar);
                }
            });
        }
    }

    /** Tables inside the view are made as tall as their rows and as wide as their columns: no empty rows, no cut-off column. */
    private static void fitTables(Parent p, List<Runnable> undo) {
        for (Node child : p.getChildrenUnmodifiable()) {
            if (!child.isVisible()) {
                continue;
            }
            if (child instanceof TableView<?> table) {
                fit(table, undo);
            } else if (child instanceof Parent inner) {
                fitTables(inner, undo);
            }
        }
    }

    private static void fit(TableView<?> table, List<Runnable> undo) {
        Node row = table.lookup(".table-row-cell");
        Node header = table.lookup(".column-header-background");
        double rowHeight = table.getFixedCellSize() > 0 ? table.getFixedCellSize()
                : row == null ? 0 : row.getLayoutBounds().getHeight();
        if (rowHeight <= 0) {
            return; // not laid out yet: leave it as it is
        }
        double columns = 0;
        for (var c : table.getVisibleLeafColumns()) {
            columns += c.getWidth();
        }
        Insets in = table.getInsets();
        double h = Math.ceil(in.getTop() + in.getBottom() + (header == null ? 0 : header.getLayoutBounds().getHeight())
                + rowHeight * table.getItems().size()) + 1;
        double w = Math.ceil(Math.max(table.getWidth() - in.getLeft() - in.getRight(), columns) + in.getLeft() + in.getRight());
        double[] old = {table.getMinWidth(), table.getPrefWidth(), table.getMinHeight(), table.getPrefHeight(), table.getMaxHeight()};
        table.setMinWidth(w);
        table.setPrefWidth(w);
        table.setMinHeight(h);
        table.setPrefHeight(h);
        table.setMaxHeight(h);
        // all rows are shown, yet the table's flow may keep its scroll bar: drawn transparent
        for (Node bar : table.lookupAll(".scroll-bar")) {
            if (!bar.opacityProperty().isBound()) {
                double opacity = bar.getOpacity();
                bar.setOpacity(0);
                undo.add(() -> bar.setOpacity(opacity));
            }
        }
        undo.add(() -> {
            table.setMinWidth(old[0]);
            table.setPrefWidth(old[1]);
            table.setMinHeight(old[2]);
            table.setPrefHeight(old[3]);
            table.setMaxHeight(old[4]);
        });
    }

    /**
     * Lays the view out again at its width (wider if an expanded scroll pane or a fitted table
     * needs it: {@code widen}) and as tall as it needs: the controls' room goes, and so does the
     * empty space below a view that fills its tab.
     */
    private static void fitHeight(Node view, boolean widen, List<Runnable> undo) {
        if (!(view instanceof Region r)) {
            return;
        }
        double oldW = r.getWidth();
        double oldH = r.getHeight();
        double w = widen ? Math.max(oldW, r.minWidth(-1)) : oldW;
        double h = Math.max(r.minHeight(w), r.prefHeight(w));
        r.resize(w, h);
        r.layout();
        r.layout(); // a table's flow settles its scroll bars in a second pass
        undo.add(() -> r.resize(oldW, oldH));
    }

    /** Lets the window lay the view out as before (at the next pulse, or now when in a scene). */
    private static void relayout(Node view) {
        if (view instanceof Parent p) {
            p.requestLayout();
        }
        if (view.getParent() != null) {
            view.getParent().requestLayout();
        }
        Scene scene = view.getScene();
        if (scene != null && scene.getRoot() != view && scene.getRoot() != null) {
            scene.getRoot().layout();
        }
    }
}
