package org.convlab.ui.draw;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** One bar per class with its probability in percent; the most likely class in bold. */
final class ProbabilityBars extends VBox {
    private float[] shown = new float[0];

    ProbabilityBars() {
        setId("probabilities");
        setSpacing(3);
    }

    void setClasses(List<String> classes) {
        getChildren().clear();
        for (int i = 0; i < classes.size(); i++) {
            Label name = new Label(classes.get(i));
            name.setMinWidth(90);
            name.setPrefWidth(90);
            ProgressBar bar = new ProgressBar(0);
            bar.setId("probability-" + i);
            bar.setPrefWidth(200);
            Label value = new Label("");
            value.setId("probabilityText-" + i);
            value.setMinWidth(50);
            HBox row = new HBox(6, name, bar, value);
            row.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(row);
        }
        shown = new float[classes.size()];
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
            ((ProgressBar) row.getChildren().get(1)).setProgress(p[i]);
            Label value = (Label) row.getChildren().get(2);
            value.setText(String.format(Locale.ROOT, "%.1f%%", 100 * p[i]));
            String weight = i == best ? "-fx-font-weight: bold;" : "";
            ((Label) row.getChildren().get(0)).setStyle(weight);
            value.setStyle(weight);
        }
        shown = p.clone();
    }

    /** The probabilities on screen (a copy). */
    float[] shown() {
        return shown.clone();
    }
}
