package org.convlab.ui;

/**
 * A view a presenter can step through with the keyboard or a clicker: Right, PageDown and Space
 * step forward, Left and PageUp back (presentation mode and the main window route those keys to
 * the view that is showing). The guided X/O lesson steps from slide to slide, the convolution and
 * pooling views from window to window.
 */
public interface Stepping {
    /** Moves {@code by} steps (+1 forward, -1 back); false when this view has nothing to step now. */
    boolean step(int by);
}
