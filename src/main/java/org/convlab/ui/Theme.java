package org.convlab.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The app's one scale and one palette (DESIGN.md: "no view sets its own font size or colour
 * table"). FX thread only.
 *
 * <p><b>Scale.</b> {@link #em()} is the size of the app's body text in pixels: View &gt; Text Size
 * sets the base, presentation mode multiplies it. CSS sizes are written in {@code em} and follow the
 * root's {@code -fx-font-size}, which {@link #styleRoot} keeps equal to {@link #em()}; canvases
 * take their fonts from {@link #font}, {@link #mono} ... and their cell sizes in ems, and redraw on a
 * change through {@link #onChange}. So one change rescales text, grids and the numbers in them,
 * charts, ledgers and legends together.
 *
 * <p><b>Palette.</b> {@link #diverging} for signed values (PuOr: purple negative, white zero,
 * orange positive) and {@link #sequential} for non-negative ones (probabilities, ReLU outputs:
 * white to dark orange, one hue). Both are ColorBrewer schemes that stay readable under the common
 * colour-vision deficiencies and in greyscale. X/O pixels keep the slides' ink: black +1, white -1.
 */
public final class Theme {
    /** Body text at the default text size, px. */
    public static final double DEFAULT_EM = 15;
    public static final String SANS = "DejaVu Sans";
    public static final String MONO = "DejaVu Sans Mono";

    private static final ReadOnlyDoubleWrapper EM = new ReadOnlyDoubleWrapper(DEFAULT_EM);
    private static final ReadOnlyBooleanWrapper PRESENTING = new ReadOnlyBooleanWrapper(false);
    private static double textSize = DEFAULT_EM;
    private static double presentationFactor = 1;

    // ---- colours of the interface (text, lines, accents) ----
    public static final Color TEXT = Color.web("#1b1b1b");
    public static final Color TEXT_MUTED = Color.web("#333a44");
    public static final Color TEXT_FAINT = Color.web("#5b6573");
    public static final Color ACCENT = Color.web("#1f3a5f");
    /** Grid lines and outlines. */
    public static final Color LINES = Color.web("#8a94a3");
    /** Zero-padding cells. */
    public static final Color PADDING = Color.web("#d9dde3");
    /** Cells not computed yet, empty bars. */
    public static final Color EMPTY = Color.web("#f1f3f6");
    public static final Color BACKGROUND = Color.web("#f7f8fa");
    /** The current window (Okabe-Ito blue). */
    public static final Color WINDOW = Color.web("#0072b2");
    /** One highlighted cell: the max, the output being written (Okabe-Ito orange-yellow). */
    public static final Color HIGHLIGHT = Color.web("#e69f00");
    /** The winner's bar; the other bars are {@link #LINES}. */
    public static final Color WINNER = WINDOW;
    /** A problem said in place (a refused weight). */
    public static final Color PROBLEM = Color.web("#b2182b");

    // ---- X/O pixels: the slides' ink ----
    public static final Color INK = Color.web("#1b1b1b");
    public static final Color INK_TEXT = Color.WHITE;
    public static final Color PAPER = Color.WHITE;
    public static final Color PAPER_TEXT = Color.web("#6b7380");

    // PuOr, 5 classes: strong purple, light purple, white, light orange, strong orange
    private static final Color[] DIVERGING = {
        Color.web("#5e3c99"), Color.web("#b2abd2"), Color.web("#f7f7f7"), Color.web("#fdb863"), Color.web("#e66101")
    };
    // Oranges, 5 classes: the positive half of the diverging map carried on to dark brown
    private static final Color[] SEQUENTIAL = {
        Color.web("#f7f7f7"), Color.web("#fdd0a2"), Color.web("#fdae6b"), Color.web("#e6550d"), Color.web("#7f2704")
    };
    /** The diverging map's negative end: votes against, negative weights. */
    public static final Color NEGATIVE = DIVERGING[0];
    /** The diverging map's positive end: votes for, positive weights. */
    public static final Color POSITIVE = DIVERGING[4];
    /** Not a number. */
    public static final Color NAN = Color.web("#9aa1ab");

    private Theme() {}

    // ---------------------------------------------------------------- scale

    /** Body text in px: the text size times the presentation factor. */
    public static double em() {
        return EM.get();
    }

    public static ReadOnlyDoubleProperty emProperty() {
        return EM.getReadOnlyProperty();
    }

    /** {@code ems} body-text sizes in px, e.g. {@code px(2.8)} for a grid cell. */
    public static double px(double ems) {
        return ems * EM.get();
    }

    /** View &gt; Text Size: the body text in px outside presentation mode. */
    public static void setTextSize(double px) {
        textSize = px;
        update();
    }

    public static double textSize() {
        return textSize;
    }

    /** Presentation mode on (body text {@code factor} times the text size) or off (factor 1). */
    public static void setPresenting(boolean on, double factor) {
        presentationFactor = on ? Math.max(1, factor) : 1;
        PRESENTING.set(on);
        update();
    }

    public static boolean presenting() {
        return PRESENTING.get();
    }

    public static ReadOnlyBooleanProperty presentingProperty() {
        return PRESENTING.getReadOnlyProperty();
    }

    private static void update() {
        EM.set(Math.round(textSize * presentationFactor * 4) / 4.0);
    }

    /** Keeps {@code root}'s CSS font size equal to {@link #em()}, so every {@code em} in the style sheets follows. */
    public static void styleRoot(Parent root) {
        Runnable apply = () -> root.setStyle("-fx-font-size: " + em() + "px;");
        apply.run();
        onChange(root, apply);
    }

    /**
     * Runs {@code redraw} after every change of the scale, for as long as {@code owner} lives (the
     * listener is held by the node, so a view that is thrown away is not kept alive by the theme).
     */
    public static void onChange(Node owner, Runnable redraw) {
        ChangeListener<Number> listener = (o, a, b) -> redraw.run();
        owner.getProperties().put(new Object(), listener);
        EM.addListener(new WeakChangeListener<>(listener));
    }

    /** The sans-serif text font at {@code ems} body-text sizes. */
    public static Font font(double ems) {
        return Font.font(SANS, px(ems));
    }

    public static Font bold(double ems) {
        return Font.font(SANS, FontWeight.BOLD, px(ems));
    }

    /** The monospaced font for numbers and arithmetic, at {@code ems}. */
    public static Font mono(double ems) {
        return Font.font(MONO, px(ems));
    }

    public static Font monoBold(double ems) {
        return Font.font(MONO, FontWeight.BOLD, px(ems));
    }

    /** A monospaced bold font of {@code px} pixels, for numbers sized to a cell that is itself sized in ems. */
    public static Font monoBoldPx(double px) {
        return Font.font(MONO, FontWeight.BOLD, px);
    }

    // ---------------------------------------------------------------- palette

    /** The colour of a signed {@code value} on a scale from {@code -limit} to {@code +limit}, white at 0. */
    public static Color diverging(double value, double limit) {
        if (Double.isNaN(value)) {
            return NAN;
        }
        double t = limit <= 0 ? 0 : Math.max(-1, Math.min(1, value / limit));
        return along(DIVERGING, (t + 1) / 2);
    }

    /** The colour of a non-negative {@code value} on a scale from 0 (white) to {@code max} (dark orange). */
    public static Color sequential(double value, double max) {
        if (Double.isNaN(value)) {
            return NAN;
        }
        double t = max <= 0 ? 0 : Math.max(0, Math.min(1, value / max));
        return along(SEQUENTIAL, t);
    }

    private static Color along(Color[] stops, double t) {
        double pos = t * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(pos));
        return stops[i].interpolate(stops[i + 1], pos - i);
    }

    /** Black or white, whichever reads better on {@code background}. */
    public static Color textOn(Color background) {
        double luminance = 0.2126 * background.getRed() + 0.7152 * background.getGreen() + 0.0722 * background.getBlue();
        return luminance < 0.55 ? Color.WHITE : TEXT;
    }
}
