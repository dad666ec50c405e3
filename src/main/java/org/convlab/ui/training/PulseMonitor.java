package org.convlab.ui.training;

import javafx.animation.AnimationTimer;

/**
 * Measures how smoothly the window redraws: the largest gap between two JavaFX pulses since the
 * last reset. A pulse every 16.7 ms is a smooth 60 frames a second; a gap above 50 ms is visible
 * as a stutter. Runs every pulse, so it also keeps pulses coming while it is started.
 */
final class PulseMonitor extends AnimationTimer {
    /** {@code -Dconvlab.pulses=log} prints every gap above 50 ms, to find what causes it. */
    static final boolean LOG = "log".equals(System.getProperty("convlab.pulses"));
    private long last;
    private volatile long maxGapNanos;
    private volatile long pulses;

    @Override
    public void handle(long now) {
        if (last != 0) {
            maxGapNanos = Math.max(maxGapNanos, now - last);
            if (LOG && now - last > 50_000_000L) {
                System.err.printf(java.util.Locale.ROOT, "pulse gap %.1f ms at %tT.%<tL%n", (now - last) / 1e6,
                        System.currentTimeMillis());
            }
        }
        last = now;
        pulses++;
    }

    /** Starts a new measurement from the next pulse. */
    void reset() {
        last = 0;
        maxGapNanos = 0;
        pulses = 0;
    }

    double maxGapMillis() {
        return maxGapNanos / 1e6;
    }

    long pulses() {
        return pulses;
    }
}
