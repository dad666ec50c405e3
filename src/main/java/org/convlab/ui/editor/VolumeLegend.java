package org.convlab.ui.editor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.convlab.ui.Theme;

/**
 * The key: colour swatches for the families drawn, then what thickness, height and bars mean,
 * with the thickness of 3, 64 and 512 channels drawn to scale (heights have their ruler at the
 * left of each row), and the log scale said in words.
 */
final class VolumeLegend {
    private final Map<String, Color> families = new LinkedHashMap<>();
    private final double wrap;
    /** Every text drawn, in order (the diagram's tests read them). */
    private final List<String> legendTexts;
    private double width;
    private double height;

    VolumeLegend(List<VolumeDiagram.Volume> vols, double wrap, List<String> texts) {
        this.wrap = wrap;
        this.legendTexts = texts;
        for (VolumeDiagram.Volume v : vols) {
            if (v.shape() != null) {
                families.putIfAbsent(Palette.family(v.type()), Palette.colour(v.type()));
            }
        }
        layout(null, 0, 0);
    }

    double width() {
        return width;
    }

    double height() {
        return height;
    }

    void draw(GraphicsContext g, double x, double y) {
        layout(g, x, y);
    }

    /** Lays out (and, given a graphics context, draws) the legend, wrapping items at {@link #wrap}. */
    private void layout(GraphicsContext g, double x0, double y0) {
        double u = VolumeDiagram.unit();
        double em = Theme.em();
        Font font = Theme.font(0.87);
        Font title = Theme.bold(0.87);
        double lineH = em * 1.45;
        double[] at = {0, 0}; // x, y of the next item
        width = 0;
        // one item: its width and how to draw it at (x, y)
        class Items {
            void add(double w, java.util.function.BiConsumer<Double, Double> paint) {
                if (at[0] > 0 && at[0] + w > wrap) {
                    width = Math.max(width, at[0]);
                    at[0] = 0;
                    at[1] += lineH;
                }
                double x = at[0];
                double y = at[1];
                if (g != null) {
                    paint.accept(x0 + x, y0 + y + lineH / 2);
                }
                at[0] += w;
            }

            void newLine() {
                width = Math.max(width, at[0]);
                at[0] = 0;
                at[1] += lineH;
            }
        }
        Items items = new Items();
        // a phrase flows word by word, so a narrow pane wraps it instead of widening the picture
        java.util.function.BiConsumer<Font, String> phrase = (f, words) -> {
            if (g != null) {
                legendTexts.add(words);
            }
            for (String word : words.split(" ")) {
                items.add(VolumeDiagram.textWidth(word + " ", f), (x, y) -> text(g, f, word, x, y));
            }
        };
        phrase.accept(title, "Colour: layer family");
        items.add(em * 0.6, (x, y) -> { });
        for (Map.Entry<String, Color> f : families.entrySet()) {
            if (g != null) {
                legendTexts.add(f.getKey());
            }
            items.add(em * 1.4 + VolumeDiagram.textWidth(f.getKey(), font) + em, (x, y) -> {
                g.setFill(f.getValue());
                g.fillRect(x, y - lineH * 0.3, em, lineH * 0.6);
                g.setStroke(f.getValue().darker().darker());
                g.setLineWidth(1);
                g.strokeRect(x, y - lineH * 0.3, em, lineH * 0.6);
                draw(g, font, f.getKey(), x + em * 1.4, y);
            });
        }
        items.newLine();
        phrase.accept(title, "Thickness: channels");
        for (int c : new int[] {3, 64, 512}) {
            double d = VolumeDiagram.depth(c) * u;
            String label = Integer.toString(c);
            if (g != null) {
                legendTexts.add(label);
            }
            items.add(d + em * 0.3 + VolumeDiagram.textWidth(label, font) + em * 0.8, (x, y) -> {
                g.setFill(Theme.EMPTY);
                g.setStroke(Theme.LINES);
                g.setLineWidth(1);
                g.fillRect(x, y - lineH * 0.3, d, lineH * 0.6);
                g.strokeRect(x, y - lineH * 0.3, d, lineH * 0.6);
                draw(g, font, label, x + d + em * 0.3, y);
            });
        }
        items.newLine();
        phrase.accept(title, "Height: feature-map height (ruler at the left)");
        items.newLine();
        phrase.accept(title, "Upright bar: a flat vector, as tall as it is long");
        items.newLine();
        phrase.accept(font, "All on a log scale: each doubling adds the same length, so 3 and 4096 channels fit one picture.");
        items.newLine();
        this.height = at[1];
    }

    private void text(GraphicsContext g, Font f, String s, double x, double centreY) {
        draw(g, f, s, x, centreY);
    }

    private void draw(GraphicsContext g, Font f, String s, double x, double centreY) {
        g.setFill(Theme.TEXT);
        g.setFont(f);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(s, x, centreY);
    }
}
