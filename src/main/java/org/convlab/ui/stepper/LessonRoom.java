package org.convlab.ui.stepper;

import javafx.beans.property.ReadOnlyDoubleWrapper;
import org.convlab.ui.Theme;

/**
 * The room a lesson picture may take: the lesson's width less its padding, and the height left
 * under the step's text in the visible part of the Lesson tab (0 while unknown). Pictures size
 * their grids to it, so a step fits the screen without scrolling where it can. FX thread.
 */
final class LessonRoom {
    final ReadOnlyDoubleWrapper width = new ReadOnlyDoubleWrapper();
    final ReadOnlyDoubleWrapper height = new ReadOnlyDoubleWrapper();

    /** Runs {@code redraw} when the room changes by a pixel or more. */
    void onChange(Runnable redraw) {
        width.addListener((o, a, b) -> {
            if (Math.abs(a.doubleValue() - b.doubleValue()) >= 1) {
                redraw.run();
            }
        });
        height.addListener((o, a, b) -> {
            if (Math.abs(a.doubleValue() - b.doubleValue()) >= 1) {
                redraw.run();
            }
        });
    }

    /**
     * A cell size for {@code across} cells plus {@code gapsAcross} px side by side and {@code down}
     * cells plus {@code otherDown} px of titles and captions stacked: {@code ems} body-text sizes
     * when the room allows, smaller when it is short (a grid's lines and frame take about 3 px per
     * cell), never below 12 px.
     */
    double cell(int across, double gapsAcross, int down, double otherDown, double ems) {
        double c = Theme.px(ems);
        if (width.get() > 0) {
            c = Math.min(c, Math.floor((width.get() - gapsAcross) / across) - 3);
        }
        if (height.get() > 0) {
            c = Math.min(c, Math.floor((height.get() - otherDown) / down) - 3);
        }
        return Math.max(12, c);
    }
}
