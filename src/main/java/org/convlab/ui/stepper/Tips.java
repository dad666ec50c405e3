package org.convlab.ui.stepper;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;

/** Every control of the step-through says what it does when the pointer rests on it. */
final class Tips {
    private Tips() {}

    static <T extends Control> T set(T control, String text) {
        control.setTooltip(new Tooltip(text));
        return control;
    }
}
