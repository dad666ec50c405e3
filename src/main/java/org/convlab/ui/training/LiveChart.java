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

    private static final Font SMALL = Font.font(11);
    private static final Font TITLE = Font.font(13);
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
        setMinSize(200, 150);
        setPrefSize(400, 230);
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
        double left = 46;
        double right = w - 12;
        double top = 24;
        double bottom = h - 50;
        g.setFont(TITLE);
        g.setFill(Color.web("#222"));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, w / 2, 4);
        g.setFont(SMALL);
        g.setLineCap(StrokeLineCap.BUTT);
        g.setLineWidth(1);
        g.setStroke(Color.web("#e2e2e2"));
        g.setFill(Color.web("#555"));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (int i = 0; i * yTick <= yMax + 1e-9; i++) {
            double y = sy(i * yTick, yMax, top, bottom);
            g.strokeLine(left, Math.round(y) + 0.5, right, Math.round(y) + 0.5);
            g.fillText(label(i * yTick, yTick), left - 4, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i * xTick <= xMax + 1e-9; i++) {
            double x = sx(i * xTick, left, right);
            g.strokeLine(Math.round(x) + 0.5, top, Math.round(x) + 0.5, bottom);
            g.fillText(label(i * xTick, xTick), x, bottom + 3);
        }
        g.fillText("epoch", (left + right) / 2, bottom + 16);
        g.save();
        g.translate(10, (top + bottom) / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(yLabel, 0, 0);
        g.restore();
        g.setStroke(Color.web("#999"));
        g.strokeLine(left, bottom + 0.5, right, bottom + 0.5);
        g.strokeLine(left - 0.5, top, left - 0.5, bottom);
        for (Series s : series) {
            drawSeries(g, s, yMax, left, right, top, bottom);
        }
        drawLegend(g, w, h);
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
        g.setLineWidth(2);
        // one polyline, one shape for the renderer (a shape per segment cost far more)
        g.strokePolyline(xs, ys, n);
        if (s.symbols && n < 40) {
            g.setFill(Color.WHITE);
            for (int i = 0; i < n; i++) {
                g.fillRect(xs[i] - 3, ys[i] - 3, 6, 6);
                g.strokeRect(xs[i] - 3, ys[i] - 3, 6, 6);
            }
        }
    }

    private void drawLegend(GraphicsContext g, double w, double h) {
        double total = 0;
        for (Series s : series) {
            total += 26 + TextWidth.of(s.name, SMALL) + 12;
        }
        double x = Math.max(4, (w - total) / 2);
        double y = h - 10;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (Series s : series) {
            g.setStroke(s.color);
            g.setLineWidth(3);
            g.strokeLine(x, y, x + 20, y);
            g.setFill(Color.web("#333"));
            g.fillText(s.name, x + 26, y);
            x += 26 + TextWidth.of(s.name, SMALL) + 12;
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
