package org.convlab.ui.training;

import javafx.collections.ListChangeListener;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;
import org.convlab.ui.Theme;

/**
 * A combo box as wide as its longest choice at the current text size, never narrower: its own
 * preferred width stays at the size it first measured (after View &gt; Text Size 24 and back, the
 * boxes kept their large width and squeezed the labels beside them to "M..."), and a fixed pixel
 * width cut "constant" to "cons" at a larger text size.
 */
final class ChoiceWidth {
    /** The arrow button and the cell's padding, in ems. */
    private static final double CHROME_EMS = 4;

    private ChoiceWidth() {}

    static <T> void fit(ComboBox<T> box) {
        Runnable apply = () -> {
            StringConverter<T> text = box.getConverter();
            double widest = TextWidth.of(box.getPromptText() == null ? "" : box.getPromptText(), Theme.font(1));
            for (T item : box.getItems()) {
                widest = Math.max(widest, TextWidth.of(text == null ? String.valueOf(item) : text.toString(item), Theme.font(1)));
            }
            double width = Math.ceil(widest + Theme.px(CHROME_EMS));
            box.setMinWidth(width);
            box.setPrefWidth(width);
        };
        apply.run();
        box.getItems().addListener((ListChangeListener<T>) c -> apply.run());
        Theme.onChange(box, apply);
    }
}
