package org.convlab.ui.app;

import java.lang.management.ManagementFactory;

/**
 * With {@code -Dconvlab.startupTiming=true}, prints how long the app took from JVM start to the
 * first frame of the main window (just after the first pulse that lays it out and renders it),
 * with the milestones on the way. A measurement for the
 * README, never a test.
 */
final class StartupTiming {
    private static final StringBuilder MARKS = new StringBuilder();

    private StartupTiming() {}

    /** On with -Dconvlab.startupTiming=true, or CONVLAB_STARTUP_TIMING=true (reaches javafx:run's JVM). */
    static boolean enabled() {
        return Boolean.getBoolean("convlab.startupTiming") || "true".equals(System.getenv("CONVLAB_STARTUP_TIMING"));
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    private static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
    }

    /** Notes a milestone (e.g. "start()") at the current time. */
    static void mark(String what) {
        if (enabled()) {
            MARKS.append(", ").append(what).append(' ').append(sinceJvmStart()).append(" ms (cpu ")
                    .append(cpuMillis()).append(")");
        }
    }

    /** Prints one line: {@code what} happened this long after JVM start (see {@link FirstFrame}). */
    static void report(String what) {
        if (enabled()) {
            // CPU time (all threads) tells a busy machine apart from a slow start.
            System.out.println("startup: " + what + " " + sinceJvmStart() + " ms after JVM start, process CPU time "
                    + cpuMillis() + " ms (" + MARKS.substring(2) + ")");
        }
    }
}
