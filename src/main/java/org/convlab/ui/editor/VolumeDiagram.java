package org.convlab.ui.editor;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.VPos;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javax.imageio.ImageIO;
import org.convlab.engine.Shape;
import org.convlab.model.ActivationSpec;
import org.convlab.model.BatchNormSpec;
import org.convlab.model.DropoutSpec;
import org.convlab.model.LrnSpec;
import org.convlab.model.SoftmaxSpec;
import org.convlab.model.SummaryReport;
import org.convlab.ui.Theme;

/**
 * The network drawn as volumes, the slides' "convolutional pyramid": one box per shape-changing
 * layer (the input, conv, pooling, blocks, dense), its face height following the feature map's
 * height and its thickness the channel count, both on a log scale so 227 pixels and 1 pixel, or 3
 * and 4096 channels, fit one picture; a flat vector (flatten, dense) is an upright bar whose
 * height follows its length. Layers that keep the shape (activations, normalization,
 * dropout, softmax) are not drawn. A misfit is drawn red, later layers are left out.
 *
 * <p>A legend above the boxes says what height, thickness, bars and colours mean and shows the log
 * scale with reference sizes, so an exported PNG explains itself. A long net (VGG-16) wraps onto
 * several rows to the width of the scroll pane it sits in. Sizes and fonts follow {@link Theme}.
 */
public final class VolumeDiagram extends Canvas {
    static final double HEIGHT = 420;
    /** Sizes below are px at the default text size; {@link #unit()} scales them. */
    private static final double MARGIN = 24;
    private static final double GAP = 18;
    private static final double MIN_WIDTH = 80;
    private static final double BAR_WIDTH = 18;
    /** The width the diagram wraps to when it is not in a scroll pane. */
    private static final double DEFAULT_WRAP = 900;

    /** One drawn box: a caption and its shape, or null for a misfit. */
    record Volume(String caption, String type, Shape shape) {}

    /** Where an item was placed: its volume, left edge, row and the row's baseline. */
    record Placed(Volume volume, double x, double width, int row) {}

    private final EditorModel model;
    private double wrapWidth = Double.NaN;
    private int rowCount;
    private final List<String> legendTexts = new ArrayList<>();

    public VolumeDiagram(EditorModel model) {
        super(800, HEIGHT);
        this.model = model;
        setId("volumeDiagram");
        model.revisionProperty().addListener((o, a, b) -> draw());
        Theme.onChange(this, this::draw);
        // wrap to the scroll pane's visible width
        sceneProperty().addListener((o, a, s) -> followScrollPane());
        draw();
    }

    private void followScrollPane() {
        for (Parent p = getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp) {
                sp.viewportBoundsProperty().addListener((o, a, b) -> {
                    if (Math.abs(b.getWidth() - (Double.isNaN(wrapWidth) ? 0 : wrapWidth)) >= 1) {
                        setWrapWidth(b.getWidth());
                    }
                });
                if (sp.getViewportBounds().getWidth() > 0) {
                    setWrapWidth(sp.getViewportBounds().getWidth());
                }
                return;
            }
        }
    }

    /** Wraps the boxes onto rows no wider than {@code width} px. */
    public void setWrapWidth(double width) {
        this.wrapWidth = width;
        draw();
    }

    /** The words of the legend as last drawn, in order. */
    List<String> legendTexts() {
        return List.copyOf(legendTexts);
    }

    /** How many rows of boxes the last drawing needed. */
    public int rowCount() {
        return rowCount;
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

    /** Face size in pixels (default text size) for a height or width of {@code n}: 10 px for 1, about 135 px for 227. */
    static double side(int n) {
        return 10 + 16 * log2(n);
    }

    /** Thickness in pixels (default text size) for {@code c} channels: 4 px for 1, 43 px for 96, 76 px for 4096. */
    static double depth(int c) {
        return 4 + 6 * log2(c);
    }

    /** Bar height in pixels (default text size) for a flat vector of {@code n} values: 10 px for 1, 130 px for 4096. */
    static double bar(int n) {
        return 10 + 10 * log2(n);
    }

    private static double log2(int n) {
        return Math.log(n) / Math.log(2);
    }

    /** The scale: 1 at the default text size. */
    static double unit() {
        return Theme.em() / Theme.DEFAULT_EM;
    }

    // ------------------------------------------------------------------ layout

    /** Height of an item's drawing above its baseline, default-size px. */
    private static double tall(Volume v) {
        if (v.shape() == null) {
            return 60;
        }
        return v.shape().isFlat() ? bar(v.shape().channels())
                : side(v.shape().height()) + side(v.shape().width()) * 0.35 * 0.6;
    }

    /** Width of an item: its drawing or its two labels, whichever is wider, px at the current scale. */
    private double itemWidth(Volume v) {
        double drawing;
        if (v.shape() == null || v.shape().isFlat()) {
            drawing = MIN_WIDTH;
        } else {
            drawing = Math.max(side(v.shape().width()) * 0.35 + depth(v.shape().channels()), MIN_WIDTH);
        }
        double label = Math.max(textWidth(v.caption(), captionFont()),
                textWidth(v.shape() == null ? "does not fit" : SummaryReport.shape(v.shape()), shapeFont()));
        return Math.max(drawing * unit(), label + Theme.px(0.4));
    }

    /** Puts the items on rows no wider than the wrap width. */
    List<Placed> place(List<Volume> vols) {
        double limit = room() - gutter();
        List<Placed> out = new ArrayList<>();
        double x = 0;
        int row = 0;
        for (Volume v : vols) {
            double w = itemWidth(v);
            if (x > 0 && x + w > limit) {
                row++;
                x = 0;
            }
            out.add(new Placed(v, x, w, row));
            x += w + GAP * unit();
        }
        return out;
    }

    /** The width inside the margins, px. */
    private double room() {
        return Math.max(Theme.px(20), Double.isNaN(wrapWidth) ? DEFAULT_WRAP * unit() : wrapWidth) - 2 * MARGIN * unit();
    }

    /** Room for the height ruler left of the boxes. */
    private static double gutter() {
        return Theme.px(2.6);
    }

    private static Font captionFont() {
        return Theme.font(0.93);
    }

    private static Font shapeFont() {
        return Theme.mono(0.87);
    }

    static double textWidth(String s, Font f) {
        Text t = new Text(s);
        t.setFont(f);
        return t.getLayoutBounds().getWidth();
    }

    // ------------------------------------------------------------------ drawing

    private void draw() {
        double u = unit();
        List<Volume> vols = volumes();
        List<Placed> placed = place(vols);
        rowCount = placed.isEmpty() ? 0 : placed.get(placed.size() - 1).row() + 1;
        double[] rowTall = new double[rowCount];
        double rowsWidth = 0;
        for (Placed p : placed) {
            rowTall[p.row()] = Math.max(rowTall[p.row()], Math.max(40, tall(p.volume())) * u);
            rowsWidth = Math.max(rowsWidth, p.x() + p.width());
        }
        double labels = Theme.px(0.93) * 1.4 + Theme.px(0.87) * 1.4 + Theme.px(0.6);
        VolumeLegend legend = new VolumeLegend(vols, room(), legendTexts);
        double width = Math.max(rowsWidth + gutter(), legend.width()) + 2 * MARGIN * u;
        double height = MARGIN * u + legend.height() + Theme.px(1.2);
        for (double t : rowTall) {
            height += t + labels + GAP * u;
        }
        setWidth(Math.ceil(width));
        setHeight(Math.ceil(height + MARGIN * u));

        GraphicsContext g = getGraphicsContext2D();
        g.setFill(Theme.BACKGROUND);
        g.fillRect(0, 0, getWidth(), getHeight());
        double top = MARGIN * u;
        legendTexts.clear();
        legend.draw(g, MARGIN * u, top);
        top += legend.height() + Theme.px(1.2);
        double[] baseline = new double[rowCount];
        for (int r = 0; r < rowCount; r++) {
            baseline[r] = top + rowTall[r];
            top += rowTall[r] + labels + GAP * u;
        }
        boolean[] hasBox = new boolean[rowCount];
        for (Placed p : placed) {
            hasBox[p.row()] |= p.volume().shape() != null && !p.volume().shape().isFlat();
        }
        for (int r = 0; r < rowCount; r++) {
            if (hasBox[r]) {
                ruler(g, MARGIN * u + gutter() - Theme.px(0.6), baseline[r], rowTall[r]);
            }
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < placed.size(); i++) {
            Placed p = placed.get(i);
            double x = MARGIN * u + gutter() + p.x();
            double base = baseline[p.row()];
            drawItem(g, p.volume(), x, p.width(), base);
            if (i + 1 < placed.size() && placed.get(i + 1).row() != p.row()) {
                // the net goes on in the next row
                g.setFill(Theme.TEXT_FAINT);
                g.setFont(Theme.bold(1.3));
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.CENTER);
                g.fillText("\u2192", x + p.width() + Theme.px(0.3), base - rowTall[p.row()] / 2);
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.TOP);
            }
        }
    }

    private void drawItem(GraphicsContext g, Volume v, double x, double w, double base) {
        double u = unit();
        double line = Theme.px(0.93) * 1.4;
        double labelTop = base + Theme.px(0.5);
        if (v.shape() == null) {
            double s = 60 * u;
            double left = x + (w - s) / 2;
            g.setStroke(Theme.PROBLEM);
            g.setLineWidth(3);
            g.strokeRect(left, base - s, s, s);
            g.strokeLine(left, base - s, left + s, base);
            g.strokeLine(left + s, base - s, left, base);
            g.setFill(Theme.PROBLEM);
            g.setFont(captionFont());
            g.fillText(v.caption(), x + w / 2, labelTop);
            g.setFont(shapeFont());
            g.fillText("does not fit", x + w / 2, labelTop + line);
            return;
        }
        if (v.shape().isFlat()) {
            flat(g, x + w / 2 - BAR_WIDTH * u / 2, base, bar(v.shape().channels()) * u, Palette.colour(v.type()));
        } else {
            double boxW = (side(v.shape().width()) * 0.35 + depth(v.shape().channels())) * u;
            box(g, x + (w - boxW) / 2, base, v.shape(), v.type());
        }
        g.setFill(Theme.TEXT);
        g.setFont(captionFont());
        g.fillText(v.caption(), x + w / 2, labelTop);
        g.setFill(Theme.ACCENT);
        g.setFont(shapeFont());
        g.fillText(SummaryReport.shape(v.shape()), x + w / 2, labelTop + line);
    }

    /** A box seen from the front-right: the front face is width x height, depth goes back and up. */
    private static void box(GraphicsContext g, double x, double base, Shape s, String type) {
        double u = unit();
        double h = side(s.height()) * u;
        double w = side(s.width()) * 0.35 * u; // the width axis recedes into the page
        double d = depth(s.channels()) * u;
        Color c = Palette.colour(type);
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

    /** A flat vector: a thin upright bar of height {@code h}. */
    private static void flat(GraphicsContext g, double x, double base, double h, Color c) {
        double u = unit();
        g.setFill(c.brighter());
        g.setStroke(c.darker().darker());
        g.setLineWidth(1.2);
        g.fillRect(x, base - h, BAR_WIDTH * u, h);
        g.strokeRect(x, base - h, BAR_WIDTH * u, h);
    }

    /** The height ruler left of a row: ticks at 1, 4, 16, 64 and 256 pixels, as tall as the row's boxes. */
    private static void ruler(GraphicsContext g, double right, double base, double tallest) {
        double u = unit();
        g.setStroke(Theme.LINES);
        g.setLineWidth(1);
        g.setFill(Theme.TEXT_MUTED);
        g.setFont(Theme.font(0.8));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        double topTick = base;
        for (int n = 1; n <= 256; n *= 4) {
            double y = base - side(n) * u;
            if (base - y > tallest + 1) {
                break;
            }
            g.strokeLine(right - Theme.px(0.4), y, right, y);
            g.fillText(Integer.toString(n), right - Theme.px(0.55), y);
            topTick = y;
        }
        g.strokeLine(right, base, right, topTick);
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
