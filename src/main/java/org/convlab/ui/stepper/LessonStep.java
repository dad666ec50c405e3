package org.convlab.ui.stepper;

import javafx.scene.Node;

/**
 * One step of the guided X/O lesson: a title, one or two sentences, the view to show and what to
 * set on it when the step is entered (a window to jump to, a layer to trace).
 */
record LessonStep(String title, String text, Node view, Runnable onEnter) {
}
