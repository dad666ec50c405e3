package org.convlab.ui.stepper;

import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Holds one of the Backward tab's views in a lesson step and scales it down, text and grids
 * together, until it fits the height the lesson's {@link LessonRoom} leaves under the step's
 * sentences (never below {@link #MIN_SCALE}, {@link #MIN_SCALE_AT_DESK} outside presentation mode): those views size their grids by width only, and a
 * lesson step should fit the screen without scrolling, in presentation mode above all. The view
 * is laid out at the room's width, so scaled it is narrower than the room and nothing scrolls
 * sideways. FX thread.
 */
final class FitToRoom extends Region {
    @Override
    public String toString() {
        return "FitToRoom w " + getWidth() + " now " + scaleFor(getWidth()) + " scale " + scale.getX() + " room " + room.height.get() + " child pref " + child.prefHeight(getWidth());
    }

    /** Below this the text would be too small to read: the step scrolls instead (on a projector, where text is large). */
    static final double MIN_SCALE = 0.6;
    /** The same at the desk's text size: a narrow window scrolls down rather than shrink the text further. */
    static final double MIN_SCALE_AT_DESK = 0.7;
    private final Region child;
    private final LessonRoom room;
    private final Scale scale = new Scale(1, 1, 0, 0);

    FitToRoom(Region child, LessonRoom room) {
        this.child = child;
        this.room = room;
        child.getTransforms().add(scale);
        getChildren().add(child);
        setMinWidth(0);
        setMaxWidth(Double.MAX_VALUE); // the lesson's content pane stretches it to the room's width
        room.onChange(this::requestLayout);
    }

    Region content() {
        return child;
    }

    /**
     * The scale at which the child, laid out at the room's width, fits the room's height. (Laid out
     * wider it would wrap differently and its grids would grow with the width: no fixed point.)
     */
    double scaleFor(double width) {
        if (width <= 0) {
            return 1;
        }
        // a ledger that must not wrap (its min width) narrower than the room: laid out at its min width, scaled
        double least = org.convlab.ui.Theme.presenting() ? MIN_SCALE : MIN_SCALE_AT_DESK;
        double min = child.minWidth(-1);
        double s = min > width ? width / min : 1;
        double h = room.height.get();
        if (h > 0) {
            s = Math.min(s, h / child.prefHeight(layoutWidth(width, s)));
        }
        return Math.max(least, Math.min(1, s));
    }

    /** The width the child is laid out at: the room's, or its min width when that is wider (then scaled to the room). */
    private double layoutWidth(double width, double s) {
        return Math.max(width, Math.min(child.minWidth(-1), width / s));
    }

    double scale() {
        return scale.getX();
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 0; // the lesson gives it the width it has; the child is laid out to that
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = width > 0 ? width : getWidth();
        if (w <= 0) {
            return child.prefHeight(-1);
        }
        double s = scaleFor(w);
        return Math.ceil(child.prefHeight(layoutWidth(w, s)) * s);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double s = scaleFor(w);
        scale.setX(s);
        scale.setY(s);
        double lw = layoutWidth(w, s);
        child.resizeRelocate(0, 0, lw, child.prefHeight(lw));
        // the views redraw their grids after a layout pass (their cells follow the width): look again
        // once that has happened, a few passes at most, so a late-growing view still gets scaled
        if (checks < 8) {
            checks++;
            javafx.application.Platform.runLater(() -> {
                double again = scaleFor(getWidth());
                if (Math.abs(again - scale.getX()) > 0.005) {
                    requestLayout();
                } else {
                    checks = 0;
                }
            });
        }
    }

    /** Re-checks queued since the scale last held still. */
    private int checks;
}
