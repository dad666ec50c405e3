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
 * @param group   null for the layer's own settings, else the inner layer of a block the setting
 *                belongs to (the panel shows one section per inner layer)
 * @param label   what the panel calls it ({@code name} is the unique key, "b2.conv1.filters")
 */
public record SettingField<T>(String name, Kind kind, List<String> choices, String text, String help,
                              Function<String, T> parse, String group, String label) {
    public enum Kind { INT, DECIMAL, BOOL, CHOICE, TEXT }

    /** A setting of the layer itself. */
    public SettingField(String name, Kind kind, List<String> choices, String text, String help, Function<String, T> parse) {
        this(name, kind, choices, text, help, parse, null, name);
    }

    /** This setting of an inner layer, keyed {@code <inner>.<name>}, its value going through {@code into}. */
    public <R> SettingField<R> inner(String inner, Function<T, R> into) {
        return new SettingField<>(inner + "." + name, kind, choices, text, help, t -> into.apply(parse.apply(t)), inner, label);
    }
}
