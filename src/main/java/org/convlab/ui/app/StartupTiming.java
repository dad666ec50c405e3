package org.convlab.ui.app;

import java.lang.management.ManagementFactory;
import javafx.scene.Scene;

/**
 * With {@code -Dconvlab.startupTiming=true}, prints how long the app took from JVM start to the
 * first frame of the main window (the end of the first layout pulse after the stage is shown,
 * which is when JavaFX renders it). A measurement for the README, never a test.
 */
final class StartupTiming {
    private StartupTiming() {}

    static boolean enabled() {
        return Boolean.getBoolean("convlab.startupTiming");
    }

    static void reportFirstFrame(Scene scene) {
        if (!enabled()) {
            return;
        }
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            long ms = System.currentTimeMillis() - jvmStart;
            System.out.println("startup: first frame " + ms + " ms after JVM start");
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
