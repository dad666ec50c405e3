package org.convlab.ui.stepper;

import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Holds one of the Backward tab's views in a lesson step and scales it down, text and grids
 * together, until it fits the height the lesson's {@link LessonRoom} leaves under the step's
 * sentences (never below {@link #MIN_SCALE}): those views size their grids by width only, and a
 * lesson step should fit the screen without scrolling, in presentation mode above all. The view
 * is laid out {@code 1/scale} wider than the room, so after scaling it fills the width exactly
 * and nothing scrolls sideways. FX thread.
 */
final class FitToRoom extends Region {
    /** Below this the text would be too small to read: the step scrolls instead. */
    static final double MIN_SCALE = 0.6;
    private final Region child;
    private final LessonRoom room;
    private final Scale scale = new Scale(1, 1, 0, 0);

    FitToRoom(Region child, LessonRoom room) {
        this.child = child;
        this.room = room;
        child.getTransforms().add(scale);
        getChildren().add(child);
        setMinWidth(0);
        room.onChange(this::requestLayout);
    }

    Region content() {
        return child;
    }

    /** The scale at which the child, laid out {@code 1/scale} wider, fits the room's height. */
    double scaleFor(double width) {
        double h = room.height.get();
        if (h <= 0 || width <= 0) {
            return 1;
        }
        double s = 1;
        for (int i = 0; i < 6; i++) {
            double next = Math.max(MIN_SCALE, Math.min(1, h / child.prefHeight(width / s)));
            if (Math.abs(next - s) < 0.005) {
                return Math.min(s, next);
            }
            s = next;
        }
        return s;
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
        return Math.ceil(child.prefHeight(w / s) * s);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double s = scaleFor(w);
        scale.setX(s);
        scale.setY(s);
        child.resizeRelocate(0, 0, w / s, child.prefHeight(w / s));
    }
}
