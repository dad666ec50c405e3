package org.convlab.ui.stepper;

import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * One step of the guided X/O lesson: a title, its sentences (made from the current numbers each
 * time they are shown), the view to show (built the first time the step is shown) and what to set
 * on it when the step is entered (a window to jump to, a layer to trace).
 */
record LessonStep(String title, Supplier<String> text, Supplier<Node> view, Runnable onEnter) {
}
