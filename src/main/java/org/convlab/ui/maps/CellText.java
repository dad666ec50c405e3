package org.convlab.ui.maps;

import java.util.Collection;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.convlab.ui.Theme;

/**
 * The one rule for the numbers printed inside grid cells ({@link ValueGrid},
 * {@link org.convlab.ui.controls.PixelGrid}): the digits are sized from the cell, not from a
 * fixed font size, so a grid that views size in ems grows with View &gt; Text Size and
 * presentation mode and its numbers with it. The font is {@value #FILL} of the cell (a cell of
 * 2.6 em gets digits of about 1.2 em); when the widest text of a grid would not fit across a cell
 * ("-0.11" in a small cell), the whole grid's font shrinks just enough for it to fit, so all cells
 * of one grid print at one size. Below {@value #MIN_PX} px no text is printed (the tooltip still
 * gives the value).
 */
public final class CellText {
    /** Font size as a fraction of the cell's side. */
    public static final double FILL = 0.46;
    /** Smallest font printed, px. */
    public static final double MIN_PX = 8;

    private static final Text MEASURE = new Text();

    private CellText() {}

    /** The space left free at each side of a cell's text, px. */
    static double inset(double cell) {
        return Math.max(2, cell * 0.07);
    }

    /**
     * The font size in px for a grid of {@code cell}-px cells whose texts are {@code texts}: {@link #FILL}
     * of the cell, shrunk so the widest text fits; 0 when that would be below {@link #MIN_PX} px.
     */
    public static double size(double cell, Collection<String> texts) {
        double size = cell * FILL;
        double widest = 0;
        for (String s : texts) {
            widest = Math.max(widest, width(s, size));
        }
        double room = cell - 2 * inset(cell);
        if (widest > room && widest > 0) {
            size = Math.floor(size * room / widest * 4) / 4; // quarter pixels: the width is linear in the size
        }
        return size < MIN_PX ? 0 : size;
    }

    /** The font for cell text of {@code px} pixels. */
    public static Font font(double px) {
        return Theme.monoBoldPx(px);
    }

    /** The width of {@code text} in the cell font of {@code px} pixels. */
    static double width(String text, double px) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        MEASURE.setFont(font(px));
        MEASURE.setText(text);
        return MEASURE.getLayoutBounds().getWidth();
    }
}
