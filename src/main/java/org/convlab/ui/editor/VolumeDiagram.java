package org.convlab.ui.editor;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.VPos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javax.imageio.ImageIO;
import org.convlab.engine.Shape;
import org.convlab.model.ActivationSpec;
import org.convlab.model.BatchNormSpec;
import org.convlab.model.DropoutSpec;
import org.convlab.model.LrnSpec;
import org.convlab.model.SoftmaxSpec;
import org.convlab.model.SummaryReport;

/**
 * The network drawn as volumes, the slides' "convolutional pyramid": one box per shape-changing
 * layer (the input, conv, pooling, blocks, dense), its face height following the feature map's
 * height and its thickness the channel count, both on a log scale so 227 pixels and 1 pixel, or 3
 * and 4096 channels, fit one picture; a flat vector (flatten, dense) is an upright bar whose
 * height follows its length. Layers that keep the shape (activations, normalization,
 * dropout, softmax) are not drawn. A misfit is drawn red, later layers are left out.
 */
public final class VolumeDiagram extends Canvas {
    static final double HEIGHT = 420;
    private static final double MARGIN = 24;
    private static final double GAP = 14;
    private static final double MIN_WIDTH = 80;
    private static final Font LABEL = Font.font("DejaVu Sans", 14);

    /** One drawn box: a caption and its shape, or null for a misfit. */
    record Volume(String caption, String type, Shape shape) {}

    private final EditorModel model;

    public VolumeDiagram(EditorModel model) {
        super(800, HEIGHT);
        this.model = model;
        setId("volumeDiagram");
        model.revisionProperty().addListener((o, a, b) -> draw());
        draw();
    }

    /** The boxes for the current stack, input first. */
    List<Volume> volumes() {
        List<Volume> out = new ArrayList<>();
        out.add(new Volume("input", "input", model.document().input()));
        for (LayerRow r : model.rows()) {
            if (r.status() == LayerRow.Status.UNKNOWN) {
                break;
            }
            if (r.status() == LayerRow.Status.MISFIT) {
                out.add(new Volume(r.name(), r.spec().type(), null));
                break;
            }
            if (r.spec() instanceof ActivationSpec || r.spec() instanceof BatchNormSpec || r.spec() instanceof DropoutSpec
                    || r.spec() instanceof LrnSpec || r.spec() instanceof SoftmaxSpec) {
                continue;
            }
            out.add(new Volume(r.name(), r.spec().type(), r.info().output()));
        }
        return out;
    }

    /** Face size in pixels for a height or width of {@code n}: 10 px for 1, about 135 px for 227. */
    static double side(int n) {
        return 10 + 16 * log2(n);
    }

    /** Thickness in pixels for {@code c} channels: 4 px for 1, 43 px for 96, 76 px for 4096. */
    static double depth(int c) {
        return 4 + 6 * log2(c);
    }

    /** Bar height for a flat vector of {@code n} values (dense outputs): 10 px for 1, 130 px for 4096. */
    static double bar(int n) {
        return 10 + 10 * log2(n);
    }

    private static double log2(int n) {
        return Math.log(n) / Math.log(2);
    }

    private void draw() {
        List<Volume> vols = volumes();
        double width = MARGIN;
        for (Volume v : vols) {
            width += boxWidth(v) + GAP;
        }
        setWidth(Math.max(600, width + MARGIN));
        // as tall as the tallest box (its face plus the receding top), with room for two label lines
        double tallest = 60;
        for (Volume v : vols) {
            if (v.shape() != null) {
                tallest = Math.max(tallest, v.shape().isFlat() ? bar(v.shape().channels())
                        : side(v.shape().height()) + side(v.shape().width()) * 0.35 * 0.6);
            }
        }
        setHeight(tallest + 2 * MARGIN + 52);
        GraphicsContext g = getGraphicsContext2D();
        g.setFill(Color.web("#f7f8fa"));
        g.fillRect(0, 0, getWidth(), getHeight());
        double x = MARGIN;
        double base = MARGIN + tallest;
        g.setFont(LABEL);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (Volume v : vols) {
            double w = boxWidth(v);
            if (v.shape() == null) {
                g.setStroke(Color.web("#c0392b"));
                g.setLineWidth(3);
                g.strokeRect(x, base - 60, 60, 60);
                g.strokeLine(x, base - 60, x + 60, base);
                g.strokeLine(x + 60, base - 60, x, base);
                g.setFill(Color.web("#c0392b"));
                g.fillText(v.caption(), x + 30, base + 8);
                g.fillText("does not fit", x + 30, base + 28);
            } else if (v.shape().isFlat()) {
                flat(g, x + w / 2 - 9, base, v);
                g.setFill(Color.web("#1b1b1b"));
                g.fillText(v.caption(), x + w / 2, base + 8);
                g.setFill(Color.web("#1f3a5f"));
                g.fillText(SummaryReport.shape(v.shape()), x + w / 2, base + 28);
            } else {
                box(g, x + (w - side(v.shape().width()) * 0.35 - depth(v.shape().channels())) / 2, base, v);
                g.setFill(Color.web("#1b1b1b"));
                g.fillText(v.caption(), x + w / 2, base + 8);
                g.setFill(Color.web("#1f3a5f"));
                g.fillText(SummaryReport.shape(v.shape()), x + w / 2, base + 28);
            }
            x += w + GAP;
        }
    }

    private static double boxWidth(Volume v) {
        if (v.shape() == null || v.shape().isFlat()) {
            return MIN_WIDTH;
        }
        double d = depth(v.shape().channels());
        return Math.max(side(v.shape().width()) * 0.35 + d, MIN_WIDTH);
    }

    /** A box seen from the front-right: the front face is width x height, depth goes back and up. */
    private static void box(GraphicsContext g, double x, double base, Volume v) {
        Shape s = v.shape();
        double h = side(s.height());
        double w = side(s.width()) * 0.35; // the width axis recedes into the page
        double d = depth(s.channels());
        Color c = Color.web(v.type().equals("input") ? "#9aa5b1" : toWeb(Palette.colour(v.type())));
        // front face (channels axis running left to right), then top and side
        double fx = x;
        double fy = base - h;
        g.setLineWidth(1.2);
        g.setStroke(c.darker().darker());
        g.setFill(c.brighter());
        g.fillRect(fx, fy, d, h);
        g.strokeRect(fx, fy, d, h);
        double[] topX = {fx, fx + w, fx + w + d, fx + d};
        double[] topY = {fy, fy - w * 0.6, fy - w * 0.6, fy};
        g.setFill(c.brighter().brighter());
        g.fillPolygon(topX, topY, 4);
        g.strokePolygon(topX, topY, 4);
        double[] sideX = {fx + d, fx + d + w, fx + d + w, fx + d};
        double[] sideY = {fy, fy - w * 0.6, base - w * 0.6, base};
        g.setFill(c);
        g.fillPolygon(sideX, sideY, 4);
        g.strokePolygon(sideX, sideY, 4);
    }

    /** A flat vector: a thin upright bar. */
    private static void flat(GraphicsContext g, double x, double base, Volume v) {
        double h = bar(v.shape().channels());
        Color c = Palette.colour(v.type());
        g.setFill(c.brighter());
        g.setStroke(c.darker().darker());
        g.setLineWidth(1.2);
        g.fillRect(x, base - h, 18, h);
        g.strokeRect(x, base - h, 18, h);
    }

    private static String toWeb(Color c) {
        return String.format("#%02x%02x%02x", (int) (c.getRed() * 255), (int) (c.getGreen() * 255), (int) (c.getBlue() * 255));
    }

    /** Writes the diagram as it is drawn to a PNG file (on the FX thread). */
    public void exportPng(Path file) throws IOException {
        WritableImage img = snapshot(new SnapshotParameters(), null);
        BufferedImage out = SwingFXUtils.fromFXImage(img, null);
        if (!ImageIO.write(out, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }
}
