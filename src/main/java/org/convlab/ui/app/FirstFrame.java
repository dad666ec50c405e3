package org.convlab.ui.app;

import javafx.application.Platform;
import javafx.scene.Scene;

/** Runs something once, just after the scene's first frame has been laid out and drawn. */
final class FirstFrame {
    private FirstFrame() {}

    static void then(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // Leave the pulse first, so the frame reaches the screen before the action's work.
            Platform.runLater(action);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
