package org.convlab.ui.training;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** The width a text takes in a font, to size canvas drawings. */
public final class TextWidth {
    private static final Text PROBE = new Text();

    private TextWidth() {}

    public static double of(String text, Font font) {
        PROBE.setFont(font);
        PROBE.setText(text);
        return PROBE.getLayoutBounds().getWidth();
    }
}
