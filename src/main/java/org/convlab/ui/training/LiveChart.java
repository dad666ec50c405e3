package org.convlab.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.convlab.ui.Theme;

/**
 * A line chart drawn on one canvas, for values that change several times a second while a model
 * trains. Why not JavaFX's LineChart: its series line is a Path, and every changed Path is
 * rasterised by the Marlin renderer, whose big scanline loop the JIT compiled again and again
 * during the first epoch (8 times in one run, 10 s of the C2 compiler's time on two cores, time
 * taken from training), besides the chart's layout and CSS at every new point. Here a redraw is a
 * few canvas calls and makes no nodes.
 *
 * <p>x runs over [0, {@link #setXRange}]; y is fixed ({@link #setYRange}) or from 0 to the
 * largest value.
 */
final class LiveChart extends Region {
    /** One series: its name for the legend, colour, and points as (x, y). */
    static final class Series {
        final String name;
        final Color color;
        final boolean symbols;
        final List<double[]> points = new ArrayList<>();

        Series(String name, Color color, boolean symbols) {
            this.name = name;
            this.color = color;
            this.symbols = symbols;
        }

        /** The points as (x, y) pairs, a copy. */
        List<double[]> points() {
            return List.copyOf(points);
        }
    }

    /** Tick labels, axis names and the legend: a little smaller than body text, in the app's scale. */
    private static final double SMALL_EMS = 0.85;
    private final Canvas canvas = new Canvas();
    private final String title;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private double xMax = 1;
    private double xTick = 0.1;
    private double yFixedMax = Double.NaN;
    private double yFixedTick;

    LiveChart(String title, String yLabel) {
        this.title = title;
        this.yLabel = yLabel;
        getChildren().add(canvas);
        size();
        Theme.onChange(this, () -> {
            size();
            redraw();
        });
    }

    /** About 27 by 15 body-text sizes (400 x 230 px at the default), so the labels keep their room. */
    private void size() {
        setMinSize(Theme.px(13), Theme.px(10));
        setPrefSize(Theme.px(27), Theme.px(15.5));
    }

    Series add(String name, Color color, boolean symbols) {
        Series s = new Series(name, color, symbols);
        series.add(s);
        return s;
    }

    List<Series> series() {
        return series;
    }

    void setXRange(double max, double tick) {
        xMax = max;
        xTick = tick;
        redraw();
    }

    void setYRange(double max, double tick) {
        yFixedMax = max;
        yFixedTick = tick;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    /** Draws everything again (cheap: a few hundred segments). */
    void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w < 60 || h < 60) {
            return;
        }
        double yMax = yFixedMax;
        double yTick = yFixedTick;
        if (Double.isNaN(yMax)) {
            double top = 0;
            for (Series s : series) {
                for (double[] p : s.points) {
                    top = Math.max(top, p[1]);
                }
            }
            yTick = RunCharts.niceUnit(top > 0 ? top / 4 : 0.25);
            yMax = Math.max(yTick, Math.ceil(top / yTick - 1e-9) * yTick);
        }
        Font small = Theme.font(SMALL_EMS);
        double line = Theme.px(SMALL_EMS) * 1.3;
        double labelW = 0;
        for (int i = 0; i * yTick <= yMax + 1e-9; i++) {
            labelW = Math.max(labelW, TextWidth.of(label(i * yTick, yTick), small));
        }
        double left = Math.ceil(line + labelW + Theme.px(0.6));
        double right = w - Theme.px(0.8);
        double top = Math.ceil(Theme.px(1) * 1.5);
        double bottom = h - 3.4 * line;
        if (bottom - top < 20) {
            return;
        }
        g.setFont(Theme.bold(1));
        g.setFill(Theme.TEXT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, w / 2, Theme.px(0.2));
        g.setFont(small);
        g.setLineCap(StrokeLineCap.BUTT);
        g.setLineWidth(1);
        g.setStroke(Theme.EMPTY.interpolate(Theme.PADDING, 0.5));
        g.setFill(Theme.TEXT_MUTED);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (int i = 0; i * yTick <= yMax + 1e-9; i++) {
            double y = sy(i * yTick, yMax, top, bottom);
            g.strokeLine(left, Math.round(y) + 0.5, right, Math.round(y) + 0.5);
            g.fillText(label(i * yTick, yTick), left - Theme.px(0.3), y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i * xTick <= xMax + 1e-9; i++) {
            double x = sx(i * xTick, left, right);
            g.strokeLine(Math.round(x) + 0.5, top, Math.round(x) + 0.5, bottom);
            g.fillText(label(i * xTick, xTick), x, bottom + 0.2 * line);
        }
        g.fillText("epoch", (left + right) / 2, bottom + 1.15 * line);
        g.save();
        g.translate(line * 0.55, (top + bottom) / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(yLabel, 0, 0);
        g.restore();
        g.setStroke(Theme.LINES);
        g.strokeLine(left, bottom + 0.5, right, bottom + 0.5);
        g.strokeLine(left - 0.5, top, left - 0.5, bottom);
        for (Series s : series) {
            drawSeries(g, s, yMax, left, right, top, bottom);
        }
        drawLegend(g, w, h, small, line);
    }

    private void drawSeries(GraphicsContext g, Series s, double yMax, double left, double right, double top, double bottom) {
        int n = s.points.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            double[] p = s.points.get(i);
            xs[i] = sx(p[0], left, right);
            ys[i] = sy(Math.min(p[1], yMax), yMax, top, bottom);
        }
        g.setStroke(s.color);
        g.setLineWidth(Math.max(2, Theme.px(0.13)));
        // one polyline, one shape for the renderer (a shape per segment cost far more)
        g.strokePolyline(xs, ys, n);
        if (s.symbols && n < 40) {
            double r = Math.max(3, Theme.px(0.2));
            g.setFill(Theme.PAPER);
            for (int i = 0; i < n; i++) {
                g.fillRect(xs[i] - r, ys[i] - r, 2 * r, 2 * r);
                g.strokeRect(xs[i] - r, ys[i] - r, 2 * r, 2 * r);
            }
        }
    }

    private void drawLegend(GraphicsContext g, double w, double h, Font small, double line) {
        double swatch = 1.5 * line;
        double gap = 0.4 * line;
        double total = 0;
        for (Series s : series) {
            total += swatch + gap + TextWidth.of(s.name, small) + line;
        }
        double x = Math.max(4, (w - total) / 2);
        double y = h - 0.6 * line;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (Series s : series) {
            g.setStroke(s.color);
            g.setLineWidth(Math.max(3, Theme.px(0.2)));
            g.strokeLine(x, y, x + swatch, y);
            g.setFill(Theme.TEXT_MUTED);
            g.fillText(s.name, x + swatch + gap, y);
            x += swatch + gap + TextWidth.of(s.name, small) + line;
        }
    }

    private double sx(double x, double left, double right) {
        return left + (right - left) * x / Math.max(xMax, 1e-9);
    }

    private static double sy(double y, double yMax, double top, double bottom) {
        return bottom - (bottom - top) * y / yMax;
    }

    private static String label(double v, double tick) {
        return tick >= 1 ? String.format(Locale.ROOT, "%.0f", v)
                : tick >= 0.1 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
