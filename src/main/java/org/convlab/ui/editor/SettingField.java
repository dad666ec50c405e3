package org.convlab.ui.editor;

import java.util.List;
import java.util.function.Function;

/**
 * One editable setting of a layer (or of the input), as text in and a new value out: the
 * properties panel shows {@link #text()} in an editor fitting {@link #kind()}, and every change
 * goes through {@link #parse} which returns the changed layer or throws
 * {@link org.convlab.UserInputException} with the reason the value is refused.
 *
 * @param choices the values offered for a CHOICE (an editable list: padding also takes numbers)
 */
public record SettingField<T>(String name, Kind kind, List<String> choices, String text, String help,
                              Function<String, T> parse) {
    public enum Kind { INT, DECIMAL, BOOL, CHOICE, TEXT }
}
