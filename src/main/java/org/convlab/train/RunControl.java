package org.convlab.train;

/**
 * Pause, resume and cancel requests from other threads (the UI's buttons), checked by the
 * training thread before each batch: one volatile read when nothing is asked, so the check costs
 * nothing on the hot path; a paused run waits here without using the CPU.
 */
final class RunControl {
    private volatile boolean paused;
    private volatile boolean cancelled;

    synchronized void pause() {
        paused = true;
    }

    synchronized void resume() {
        paused = false;
        notifyAll();
    }

    synchronized void cancel() {
        cancelled = true;
        notifyAll();
    }

    boolean isPaused() {
        return paused;
    }

    boolean isCancelled() {
        return cancelled;
    }

    /**
     * Blocks while paused. Returns the nanoseconds spent paused (not counted as training time);
     * an interrupt while paused counts as a cancel.
     */
    long awaitRunnable() {
        if (!paused) {
            return 0;
        }
        long start = System.nanoTime();
        synchronized (this) {
            while (paused && !cancelled) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    cancelled = true;
                    Thread.currentThread().interrupt();
                }
            }
        }
        return System.nanoTime() - start;
    }
}
