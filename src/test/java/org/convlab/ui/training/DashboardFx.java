package org.convlab.ui.training;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.testfx.util.WaitForAsyncUtils;

/** Small helpers the dashboard's TestFX classes share. */
final class DashboardFx {
    private DashboardFx() {}

    static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A primary-button click at {@code local} in {@code node}, delivered as the mouse would (works scrolled out of view). */
    static void click(Node node, Point2D local) {
        // a fired event's x, y are scene coordinates: the dispatch turns them into the node's
        Point2D scene = node.localToScene(local);
        Point2D screen = node.localToScreen(local);
        double sx = screen == null ? local.getX() : screen.getX();
        double sy = screen == null ? local.getY() : screen.getY();
        node.fireEvent(new MouseEvent(MouseEvent.MOUSE_CLICKED, scene.getX(), scene.getY(), sx, sy, MouseButton.PRIMARY,
                1, false, false, false, false, true, false, false, true, false, true, null));
    }

    static void click(Node node) {
        click(node, new Point2D(node.getLayoutBounds().getWidth() / 2, node.getLayoutBounds().getHeight() / 2));
    }
}
