package org.convlab.ui.lab;

import java.util.Locale;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import org.convlab.trace.filtering.ImageFiltering.Result;

/**
 * How a filtered image is turned into pixels. An edge detector's results go negative and past 1,
 * so the choice matters and the caption says which scale is shown: {@link #ABSOLUTE} (|y|, black 0,
 * white the largest |y|), {@link #SIGNED} (grey 0, white the largest positive, black as negative)
 * or {@link #CLIP} (y itself, below 0 black, above 1 white: right for blurs, which stay in 0..1).
 * Three result channels are drawn as red, green and blue; one as grey.
 */
public enum Display {
    ABSOLUTE("absolute value"), SIGNED("signed (grey = 0)"), CLIP("clip to 0..1");

    private final String label;

    Display(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** The name {@code render --display} takes: absolute, signed or clip. */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The largest |value| of the result (1 when all are 0, so nothing divides by 0). */
    static float largest(Result r) {
        float m = 0;
        for (float v : r.values()) {
            m = Math.max(m, Math.abs(v));
        }
        return m == 0 ? 1 : m;
    }

    /** The 0..1 brightness shown for value {@code v}, given the result's largest |value|. */
    public float shade(float v, float largest) {
        float s = switch (this) {
            case ABSOLUTE -> Math.abs(v) / largest;
            case SIGNED -> 0.5f + v / (2 * largest);
            case CLIP -> v;
        };
        return Math.max(0, Math.min(1, s));
    }

    /** The result as an image, one pixel per result value. */
    public WritableImage draw(Result r) {
        float largest = largest(r);
        int h = r.height();
        int w = r.width();
        int plane = h * w;
        WritableImage img = new WritableImage(w, h);
        PixelWriter pw = img.getPixelWriter();
        int[] row = new int[w];
        float[] y = r.values();
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                int k = i * w + j;
                int red = byteOf(shade(y[k], largest));
                int green = r.channels() >= 3 ? byteOf(shade(y[plane + k], largest)) : red;
                int blue = r.channels() >= 3 ? byteOf(shade(y[2 * plane + k], largest)) : red;
                row[j] = 0xff000000 | red << 16 | green << 8 | blue;
            }
            pw.setPixels(0, i, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
        }
        return img;
    }

    /** The photo itself ([0,1] values) as an image. */
    static WritableImage draw(Photo p) {
        WritableImage img = new WritableImage(p.width(), p.height());
        PixelWriter pw = img.getPixelWriter();
        int plane = p.height() * p.width();
        float[] x = p.values();
        int[] row = new int[p.width()];
        for (int i = 0; i < p.height(); i++) {
            for (int j = 0; j < p.width(); j++) {
                int k = i * p.width() + j;
                int red = byteOf(x[k]);
                int green = p.channels() >= 3 ? byteOf(x[plane + k]) : red;
                int blue = p.channels() >= 3 ? byteOf(x[2 * plane + k]) : red;
                row[j] = 0xff000000 | red << 16 | green << 8 | blue;
            }
            pw.setPixels(0, i, p.width(), 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, p.width());
        }
        return img;
    }

    private static int byteOf(float v) {
        return Math.round(Math.max(0, Math.min(1, v)) * 255);
    }

    /** What the picture shows, for its caption. */
    public String caption(Result r) {
        String top = String.format(Locale.ROOT, "%.3g", largest(r));
        return switch (this) {
            case ABSOLUTE -> "shown: |value|, black 0, white " + top + " (the largest |value|)";
            case SIGNED -> "shown: signed, grey 0, white +" + top + ", black -" + top;
            case CLIP -> "shown: the value clipped to 0..1 (below 0 black, above 1 white)";
        };
    }
}
