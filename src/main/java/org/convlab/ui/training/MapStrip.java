package org.convlab.ui.training;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convlab.engine.Shape;
import org.convlab.trace.ActivationSnapshot;
import org.convlab.trace.LayerOutput;
import org.convlab.ui.Theme;

/**
 * The chosen sample's feature maps, compact: one row per layer with a spatial output, its first
 * channels side by side in one image (the app's diverging colours, {@link Theme#diverging}: orange
 * +, purple −, one scale per layer). Redrawn in place when
 * new activations arrive during training: the images are rewritten, no nodes are made, so a
 * redraw costs the FX thread little. Rows are {@code #mapRow-L}.
 */
final class MapStrip extends VBox {
    /** Channels shown per layer: enough to see the maps change, small enough for a side panel. */
    static final int CHANNELS = 8;
    private static final int GAP = 2;
    private final List<WritableImage> images = new ArrayList<>();
    private ActivationSnapshot shown;
    private List<String> layout = List.of();

    MapStrip() {
        setId("mapStrip");
        setSpacing(3);
        // rows sized in ems: build them again at the new size
        Theme.onChange(this, () -> {
            ActivationSnapshot s = shown;
            shown = null;
            layout = List.of();
            show(s);
        });
    }

    ActivationSnapshot shown() {
        return shown;
    }

    void show(ActivationSnapshot s) {
        if (s == shown) {
            return;
        }
        shown = s;
        if (s == null) {
            getChildren().clear();
            images.clear();
            layout = List.of();
            return;
        }
        List<LayerOutput> maps = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (LayerOutput out : s.layers()) {
            if (!out.shape().isFlat()) {
                maps.add(out);
                names.add(out.name() + " " + out.shape());
            }
        }
        if (!names.equals(layout)) {
            build(maps);
            layout = names;
        }
        for (int i = 0; i < maps.size(); i++) {
            paint(maps.get(i), images.get(i));
        }
    }

    private void build(List<LayerOutput> maps) {
        getChildren().clear();
        images.clear();
        for (LayerOutput out : maps) {
            Shape sh = out.shape();
            int c = Math.min(CHANNELS, sh.channels());
            WritableImage img = new WritableImage(c * (sh.width() + GAP) - GAP, sh.height());
            images.add(img);
            ImageView view = new ImageView(img);
            double scale = Math.max(1, Math.min(Math.ceil(Theme.px(0.2)), Math.floor(Theme.px(1.9) / sh.height())));
            view.setFitWidth(img.getWidth() * scale);
            view.setFitHeight(img.getHeight() * scale);
            view.setSmooth(false);
            Label name = new Label(out.name());
            name.getStyleClass().add("caption");
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            name.setPrefWidth(Theme.px(3.6));
            HBox row = new HBox(4, name, view);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setId("mapRow-" + out.index());
            getChildren().add(row);
        }
    }

    /** Fills one int per pixel, then hands the image all of them at once (a call per pixel costs far more). */
    private static void paint(LayerOutput out, WritableImage img) {
        Shape sh = out.shape();
        float[] v = out.data();
        int channels = Math.min(CHANNELS, sh.channels());
        int plane = sh.height() * sh.width();
        int width = (int) img.getWidth();
        float scale = 0;
        for (int i = 0; i < channels * plane; i++) {
            scale = Math.max(scale, Math.abs(v[i]));
        }
        int[] argb = new int[width * sh.height()];
        java.util.Arrays.fill(argb, 0xFFFFFFFF);
        for (int c = 0; c < channels; c++) {
            int x0 = c * (sh.width() + GAP);
            for (int r = 0; r < sh.height(); r++) {
                for (int q = 0; q < sh.width(); q++) {
                    argb[r * width + x0 + q] = argb(v[c * plane + r * sh.width() + q], scale);
                }
            }
        }
        img.getPixelWriter().setPixels(0, 0, width, sh.height(), PixelFormat.getIntArgbInstance(), argb, 0, width);
    }

    /** {@link Theme#diverging} as ARGB in 511 steps: a Color per pixel would cost the FX thread far more. */
    private static final int[] DIVERGING = new int[511];

    static {
        for (int i = 0; i < DIVERGING.length; i++) {
            javafx.scene.paint.Color c = Theme.diverging(i - 255, 255);
            DIVERGING[i] = 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                    | (int) Math.round(c.getBlue() * 255);
        }
    }

    /** The diverging colour of {@code v} on the scale -{@code scale} .. +{@code scale}, as ARGB. */
    static int argb(float v, float scale) {
        double t = Math.max(-1, Math.min(1, v / (scale == 0 ? 1 : scale)));
        return DIVERGING[(int) Math.round(t * 255) + 255];
    }
}
