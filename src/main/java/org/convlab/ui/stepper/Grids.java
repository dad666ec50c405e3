package org.convlab.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convlab.ui.Theme;
import org.convlab.ui.maps.ValueGrid;

/** Small layout helpers shared by the step-through views. */
final class Grids {
    private Grids() {}

    /**
     * The smallest cell, in ems, at which a grid still prints its numbers readably; grids never
     * shrink below it (a view scrolls instead).
     */
    static final double MIN_CELL_EMS = 1.4;
    /** Space between cells, px (ValueGrid's). */
    static final double GAP = 2;

    /**
     * A cell size that fits {@code cells} cells into about {@code room} pixels: at most
     * {@code maxEms} ems, never below {@link #MIN_CELL_EMS}.
     */
    static double cellSize(int cells, double room, double maxEms) {
        return clampCell(Math.floor(room / Math.max(1, cells)) - GAP, maxEms);
    }

    /** {@code px} limited to at most {@code maxEms} ems and at least the readable minimum. */
    static double clampCell(double px, double maxEms) {
        double min = Math.max(18, Theme.px(MIN_CELL_EMS));
        return Math.floor(Math.max(min, Math.min(Theme.px(maxEms), px)));
    }

    /** The ScrollPane a view sits in (the tab's or the lesson's), or null. */
    static ScrollPane enclosingScroll(Node view) {
        for (Node n = view.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane s) {
                return s;
            }
        }
        return null;
    }

    /**
     * In presentation mode, the largest cell at which {@code grid}, {@code rows} cells tall, lets
     * everything in the scroll pane around {@code view} fit its viewport without scrolling (the
     * rest of the content is measured as it is now); elsewhere, and before the view is laid out,
     * no limit. A presenter's room has no scroll wheel. When the grid stands in one column of
     * {@code row} (may be null), only that column's height counts, not its neighbours'.
     */
    static double cellToFitHeight(Node view, ValueGrid grid, int rows, Region row) {
        if (!Theme.presenting()) {
            return Double.MAX_VALUE;
        }
        ScrollPane scroll = enclosingScroll(view);
        if (scroll == null || scroll.getContent() == null || scroll.getViewportBounds().getHeight() <= 0) {
            return Double.MAX_VALUE;
        }
        // around the view: as last laid out (exact right after a layout pass, see settle); inside
        // it: its preferred height with the grids as they are now, the grid's column alone in its row
        double viewport = scroll.getViewportBounds().getHeight();
        Region self = (Region) view;
        double around = scroll.getContent().getLayoutBounds().getHeight() - self.getHeight();
        double inside = self.prefHeight(self.getWidth()) - grid.getHeight();
        Node column = row == null ? null : childOf(row, grid);
        if (column != null) {
            inside += column.prefHeight(-1) - row.prefHeight(-1);
        }
        double overhead = around + inside;
        double shrink = (Double) view.getProperties().getOrDefault(SHRINK, 0.0);
        return Math.floor((viewport - overhead - shrink - 2 * GAP - Theme.px(0.3)) / Math.max(1, rows)) - GAP;
    }

    private static final String SETTLE = "convlab.settlePasses";
    private static final String QUEUED = "convlab.afterLayout";
    /** px the fit gives up after the content still overflowed; reset when the view is shown anew. */
    private static final String SHRINK = "convlab.fitShrink";

    /**
     * A canvas that changes size does not ask its parent for a new layout by itself: after the
     * cells changed, the columns holding these grids are laid out again (and so is every container
     * above them).
     */
    static void relayout(ValueGrid... grids) {
        for (ValueGrid g : grids) {
            if (g.getParent() != null) {
                g.getParent().requestLayout();
            }
        }
        // asked during a pulse (a post-layout listener), the request above can be cleared with the
        // pulse's layout flags: ask again once it is over
        Platform.runLater(() -> {
            for (ValueGrid g : grids) {
                if (g.getParent() != null) {
                    g.getParent().requestLayout();
                }
            }
        });
    }

    /** A grid's cell size now, px. */
    static double cellOf(ValueGrid grid) {
        return grid.cellBounds(0, 0).getWidth();
    }

    /**
     * While presenting, after {@code view} changed its grids' cell sizes: sizes them again right
     * after the next layout pass, when the heights they are fitted to are exact (a grid sized
     * before its neighbour or the text above it changed), until they stop changing (at most four
     * passes in a row).
     */
    static void settle(Node view, Runnable redraw, boolean changed) {
        int passes = (Integer) view.getProperties().getOrDefault(SETTLE, 0);
        ScrollPane scroll = enclosingScroll(view);
        // still taller than the screen as last laid out, though the sizes did not change: the
        // estimate missed something (text that wraps once more); ask for a few px less each pass
        boolean over = !changed && scroll != null && scroll.getContent() != null
                && scroll.getContent().getLayoutBounds().getHeight() > scroll.getViewportBounds().getHeight() + 0.5;
        if (Theme.presenting() && (changed || over) && passes < 8) {
            if (over) {
                view.getProperties().put(SHRINK, (Double) view.getProperties().getOrDefault(SHRINK, 0.0) + 6);
            }
            view.getProperties().put(SETTLE, passes + 1);
            afterLayout(view, redraw);
        } else {
            view.getProperties().put(SETTLE, 0);
        }
    }

    /**
     * A view's width changed (in the middle of a layout pass): outside presentation mode it
     * redraws at once; while presenting, after the pass, when the heights it fits to are settled
     * (in the middle of the pass they are half old, half new, and a vertical scroll bar coming and
     * going would make the grids flip between two sizes).
     */
    static void whenWidthChanges(Node view, Runnable redraw) {
        if (Theme.presenting()) {
            afterLayout(view, redraw);
        } else {
            redraw.run();
        }
    }

    /** Runs {@code redraw} once right after the next layout pass of {@code view}'s scene. */
    static void afterLayout(Node view, Runnable redraw) {
        Scene scene = view.getScene();
        if (scene == null || view.getProperties().containsKey(QUEUED)) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // just outside the pulse: the heights are still the laid-out ones, and what the redraw
            // changes is laid out by the next pulse (changes made inside this one can be missed)
            Platform.runLater(() -> {
                view.getProperties().remove(QUEUED);
                redraw.run();
            });
        };
        view.getProperties().put(QUEUED, once[0]);
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    static double cellToFitHeight(Node view, ValueGrid grid, int rows) {
        return cellToFitHeight(view, grid, rows, null);
    }

    /** The child of {@code parent} that holds {@code node}, or null. */
    private static Node childOf(Region parent, Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getParent() == parent) {
                return n;
            }
        }
        return null;
    }

    /**
     * Redraws {@code view} when the scale changes and (after the next layout pass) when
     * presentation mode starts or ends, when the view is shown somewhere else, and, while
     * presenting, when the viewport around it changes height: its grids keep fitting the screen.
     */
    static void follow(Region view, Runnable redraw) {
        Runnable later = () -> {
            view.getProperties().put(SETTLE, 0);
            view.getProperties().put(SHRINK, 0.0);
            if (view.getScene() != null) {
                afterLayout(view, redraw);
            }
        };
        Theme.onChange(view, redraw);
        Theme.presentingProperty().addListener(new WeakChangeListener<>(keep(view, (o, a, b) -> later.run())));
        ChangeListener<Bounds> viewport = (o, a, b) -> {
            if (Theme.presenting() && Math.abs(a.getHeight() - b.getHeight()) > 0.5) {
                later.run();
            }
        };
        ScrollPane[] watched = {null};
        ChangeListener<Object> placed = (o, a, b) -> {
            ScrollPane now = enclosingScroll(view);
            if (now != watched[0]) {
                if (watched[0] != null) {
                    watched[0].viewportBoundsProperty().removeListener(viewport);
                }
                watched[0] = now;
                if (now != null) {
                    now.viewportBoundsProperty().addListener(viewport);
                }
                later.run();
            }
        };
        view.sceneProperty().addListener(placed);
        view.parentProperty().addListener(placed);
    }

    private static <T> ChangeListener<T> keep(Node owner, ChangeListener<T> listener) {
        owner.getProperties().put(new Object(), listener);
        return listener;
    }

    /**
     * Theme's rule for a map's colours: the diverging map when it holds a negative value, the
     * sequential one (ReLU outputs, pooled matches) when none is negative. Until ValueGrid has a
     * sequential style, the diverging one serves both.
     */
    static ValueGrid.Style styleFor(float[] values) {
        for (float v : values) {
            if (v < 0) {
                return ValueGrid.Style.DIVERGING;
            }
        }
        return SEQUENTIAL;
    }

    private static final ValueGrid.Style SEQUENTIAL = java.util.Arrays.stream(ValueGrid.Style.values())
            .filter(s -> s.name().equals("SEQUENTIAL")).findFirst().orElse(ValueGrid.Style.DIVERGING);

    /** A titled column: title above, node below. */
    static VBox titled(Label title, Node node) {
        title.getStyleClass().add("section-title");
        // squeezed beside other grids, a long title ("Feature map, channel 0 (7 x 7)") wraps rather than ends in "..."
        title.setWrapText(true);
        title.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox box = new VBox(Theme.px(0.4), title, node);
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    /**
     * A label and its control kept together, for a bar that flows onto a second line: the line
     * breaks between pairs, never between "Channel" and its choice.
     */
    static javafx.scene.layout.HBox pair(String label, Node control) {
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(Theme.px(0.3), new Label(label), control);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add(org.convlab.ui.controls.FigureSnapshot.HIDDEN); // a setting, not part of a figure
        return box;
    }

    /** A big operator sign between grids ("x", "=", "->"). */
    static Label sign(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("stepper-sign");
        return l;
    }

    /** A grid whose cells start at {@code cellEms} ems (views resize them to the room they get). */
    static ValueGrid grid(String id, double cellEms) {
        ValueGrid g = new ValueGrid(Theme.px(cellEms));
        g.setId(id);
        return g;
    }

    /** Whole numbers over a divisor written as the format says; {@code null} when the values are not such. */
    static String ratioText(float v, int divisor, org.convlab.trace.ValueFormat f) {
        double numerator = (double) v * divisor;
        long k = Math.round(numerator);
        if (divisor > 1 && Math.abs(numerator - k) < 1e-3) {
            return f.ratio(k, divisor, v);
        }
        return f.decimal(v);
    }

    /** "Reset filters": puts back the weights the session started with; enabled once a weight was typed. */
    static javafx.scene.control.Button resetButton(StepperSession session) {
        javafx.scene.control.Button reset = new javafx.scene.control.Button("Reset filters");
        reset.setId("resetFilters");
        reset.setTooltip(new javafx.scene.control.Tooltip("Put back the filter weights the step-through started with"));
        reset.disableProperty().bind(session.editedProperty().not());
        reset.setOnAction(e -> session.resetWeights());
        return reset;
    }

    /** 0, 1, ..., n-1. */
    static List<Integer> range(int n) {
        List<Integer> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(i);
        }
        return l;
    }

    /** Whether every value is +1 or -1 (a filter still drawn as ink pixels). */
    static boolean plusMinusOne(float[] values) {
        for (float v : values) {
            if (v != 1f && v != -1f) {
                return false;
            }
        }
        return true;
    }
}
