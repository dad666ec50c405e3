package org.convlab.ui.draw;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convlab.ui.Theme;

/**
 * One bar per class with its probability in percent; the most likely class in bold, its bar in
 * the theme's winner colour and the others in its line colour (a bar's length is the value, so the
 * colour need only say which one wins). Sizes in ems, so the bars grow with the text.
 */
final class ProbabilityBars extends VBox {
    private float[] shown = new float[0];

    ProbabilityBars() {
        setId("probabilities");
        setSpacing(3);
        Theme.onChange(this, this::size);
    }

    void setClasses(List<String> classes) {
        getChildren().clear();
        for (int i = 0; i < classes.size(); i++) {
            Label name = new Label(classes.get(i));
            name.setMinWidth(Region.USE_PREF_SIZE);
            ProgressBar bar = new ProgressBar(0);
            bar.setId("probability-" + i);
            Label value = new Label("");
            value.setId("probabilityText-" + i);
            HBox row = new HBox(6, name, bar, value);
            row.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(row);
        }
        shown = new float[classes.size()];
        size();
    }

    /** Names in one column as wide as the longest, bars 13 ems, values wide enough for "100.0%". */
    private void size() {
        double names = 0;
        for (var row : getChildren()) {
            Label name = (Label) ((HBox) row).getChildren().get(0);
            names = Math.max(names, org.convlab.ui.training.TextWidth.of(name.getText(), Theme.bold(1)));
        }
        for (var row : getChildren()) {
            HBox r = (HBox) row;
            ((Label) r.getChildren().get(0)).setPrefWidth(Math.ceil(names) + Theme.px(0.5));
            ((ProgressBar) r.getChildren().get(1)).setPrefWidth(Theme.px(13));
            ((Label) r.getChildren().get(2)).setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    void show(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        for (int i = 0; i < Math.min(p.length, getChildren().size()); i++) {
            HBox row = (HBox) getChildren().get(i);
            ProgressBar bar = (ProgressBar) row.getChildren().get(1);
            bar.setProgress(p[i]);
            bar.setStyle("-fx-accent: " + css(i == best ? Theme.WINNER : Theme.LINES) + ";");
            Label value = (Label) row.getChildren().get(2);
            value.setText(String.format(Locale.ROOT, "%.1f%%", 100 * p[i]));
            String weight = i == best ? "-fx-font-weight: bold;" : "";
            ((Label) row.getChildren().get(0)).setStyle(weight);
            value.setStyle(weight);
        }
        shown = p.clone();
    }

    private static String css(javafx.scene.paint.Color c) {
        return String.format(Locale.ROOT, "rgb(%d, %d, %d)", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    /** The probabilities on screen (a copy). */
    float[] shown() {
        return shown.clone();
    }
}
