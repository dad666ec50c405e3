package org.convlab.ui.stepper;

import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import org.convlab.ui.maps.ValueGrid;

/**
 * Fits a Backward conv view's maps to the height of the tab, presenting or not: at 1366 x 768 with
 * the editor's side panels the tab is about 510 px tall, and grids sized by the width alone made
 * the weight-sharing step scroll down. The biggest cell at which the view's content (measured as
 * last laid out) fits the viewport; the view redraws once more after the next layout pass while
 * the cell keeps changing (a few passes at most), as {@link Grids#settle} does for presenting.
 */
final class ViewportFit {
    private static final String PASSES = "convlab.viewportFitPasses";

    private ViewportFit() {}

    /**
     * The largest cell (px) at which {@code grid}, {@code rows} cells tall and the tallest grid of
     * its row, lets everything in the scroll pane around {@code view} fit without scrolling down;
     * {@link Double#MAX_VALUE} before the first layout.
     */
    static double cell(Region view, ValueGrid grid, int rows) {
        ScrollPane scroll = Grids.enclosingScroll(view);
        if (scroll == null || scroll.getContent() == null || scroll.getViewportBounds().getHeight() <= 0
                || view.getHeight() <= 0 || grid.getHeight() <= 0) {
            return Double.MAX_VALUE;
        }
        double viewport = scroll.getViewportBounds().getHeight();
        double around = scroll.getContent().getLayoutBounds().getHeight() - view.getHeight();
        double inside = view.prefHeight(view.getWidth()) - grid.getHeight();
        return Math.floor((viewport - around - inside - 2 * Grids.GAP - 4) / Math.max(1, rows)) - Grids.GAP;
    }

    /** After a redraw: if the cell changed, redraw again once the new sizes are laid out (at most four times running). */
    static void settle(Region view, Runnable redraw, boolean changed) {
        int passes = (Integer) view.getProperties().getOrDefault(PASSES, 0);
        if (changed && passes < 4) {
            view.getProperties().put(PASSES, passes + 1);
            Grids.afterLayout(view, redraw);
        } else {
            view.getProperties().put(PASSES, 0);
        }
    }
}
