package org.convlab.ui.stepper;

import java.math.BigDecimal;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.convlab.trace.ValueFormat;
import org.convlab.trace.backward.BackwardTracer;

/**
 * One view of the Backward tab ({@link BackwardView}): it draws what a {@link BackwardTracer} of
 * the current image and label recorded, and draws again whenever the tab hands it a new one (a
 * flipped pixel, another label, a learning step).
 */
abstract class BackwardPart extends VBox {
    protected final StepperSession session;
    private BackwardTracer tracer;

    BackwardPart(StepperSession session) {
        this.session = session;
        setMinWidth(0);
        setSpacing(10);
        setPadding(new Insets(4, 0, 0, 0));
        Grids.follow(this, this::redraw);
        session.fractionsProperty().addListener((o, a, b) -> redraw());
        widthProperty().addListener((o, a, b) -> Grids.whenWidthChanges(this, this::redraw));
    }

    /** The tab's new trace: remember it and draw it. */
    final void show(BackwardTracer t) {
        tracer = t;
        redraw();
    }

    final BackwardTracer tracer() {
        return tracer;
    }

    /** Draws from {@link #tracer()} (null before the first trace). */
    abstract void redraw();

    /** The width this part has to draw in, px. */
    double room() {
        return getWidth() > 0 ? getWidth() : org.convlab.ui.Theme.px(60);
    }

    /**
     * A gradient as the views print it: whole numbers plainly, else 3 significant digits (gradients
     * are small, and the slides' 2 decimal places would print most of them as 0.00).
     */
    static String num(float v) {
        if (Float.isNaN(v) || Float.isInfinite(v)) {
            return Float.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e7f) {
            return Long.toString((long) v);
        }
        if (Math.abs(v) < 1e-4f) {
            return String.format(java.util.Locale.ROOT, "%.2e", v);
        }
        BigDecimal d = ValueFormat.significant(v, 3).stripTrailingZeros();
        return d.toPlainString();
    }

    /**
     * A forward value (an activation, a pixel, an input to a layer): with the step-through's
     * fractions on, a whole number of ninths (any whole multiple of the conv's divisor) prints
     * exactly, {@code 7/9}, as the forward views print it; otherwise as {@link #num}. Gradients
     * never go through here: they come from softmax's e^x and are not fractions.
     */
    String exact(float v) {
        String fraction = fraction(v);
        return fraction != null ? fraction : num(v);
    }

    /** As {@link #exact}, for a grid's cells ({@link #cell} otherwise). */
    String exactCell(float v) {
        String fraction = fraction(v);
        return fraction != null ? fraction : cell(v);
    }

    private String fraction(float v) {
        int divisor = session.fractionDivisor();
        if (!session.format().showsFractions() || divisor <= 1 || v == Math.rint(v)) {
            return null;
        }
        double numerator = (double) v * divisor;
        long k = Math.round(numerator);
        return Math.abs(numerator - k) < 1e-3 ? k + "/" + divisor : null;
    }

    /** Shorter, for the cells of a grid: 2 significant digits. */
    static String cell(float v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e5f) {
            return Long.toString((long) v);
        }
        if (Math.abs(v) < 1e-5f) {
            return v == 0 ? "0" : String.format(java.util.Locale.ROOT, "%.0e", v);
        }
        if (Math.abs(v) < 1e-3f) {
            return ValueFormat.significant(v, 1).stripTrailingZeros().toPlainString(); // 0.0008 reads better than 8e-04
        }
        return ValueFormat.significant(v, 2).stripTrailingZeros().toPlainString();
    }

    /** A line of arithmetic in the step-through's monospace style, wrapping rather than cut. */
    static Label math(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("stepper-math");
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    /** One plane (channel {@code c}) of a C x H x W array. */
    static float[] plane(float[] values, int c, int h, int w) {
        return java.util.Arrays.copyOfRange(values, c * h * w, (c + 1) * h * w);
    }
}
