package org.convlab.ui.training;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Misclassified validation images, each with the model's top-3 guesses under it. */
final class MissGallery extends VBox {
    private final Label title = new Label("Misclassified: after the first epoch");
    private final FlowPane tiles = new FlowPane(6, 6);
    private static final javafx.scene.text.Font CAPTION = javafx.scene.text.Font.font(10);
    private EpochReport shown;
    private boolean inkConvention;

    MissGallery() {
        setId("missGallery");
        setSpacing(4);
        setPadding(new Insets(4));
        title.getStyleClass().add("section-title");
        ScrollPane scroll = new ScrollPane(tiles);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, scroll);
    }

    void setInkConvention(boolean ink) {
        inkConvention = ink;
    }

    void show(EpochReport report) {
        if (report == shown) {
            return;
        }
        shown = report;
        tiles.getChildren().clear();
        if (report == null) {
            title.setText("Misclassified: after the first epoch");
            return;
        }
        List<String> classes = report.evaluation().classes();
        long wrong = report.evaluation().total() - report.evaluation().correct();
        title.setText(wrong == 0 ? "Misclassified: none, every image right"
                : "Misclassified: " + wrong + (wrong > report.misclassified().size()
                        ? " (the first " + report.misclassified().size() + " shown)" : ""));
        for (EpochReport.Miss m : report.misclassified()) {
            ImageView view = new ImageView(Pictures.sample(m.pixels(), 0, m.shape(), inkConvention));
            double scale = Math.max(1, Math.floor(48.0 / Math.max(m.shape().height(), m.shape().width())));
            view.setFitWidth(m.shape().width() * scale);
            view.setFitHeight(m.shape().height() * scale);
            view.setSmooth(false);
            StringBuilder text = new StringBuilder("is " + classes.get(m.trueClass()));
            for (EpochReport.Guess g : m.top3()) {
                text.append(String.format(Locale.ROOT, "%n%s %.0f%%", classes.get(g.classIndex()), 100 * g.probability()));
            }
            Label caption = new Label(text.toString());
            caption.setFont(CAPTION);
            caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            VBox tile = new VBox(2, view, caption);
            tiles.getChildren().add(tile);
        }
    }
}
