package org.convlab.ui.training;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.convlab.trace.ActivationSnapshot;

/**
 * One chosen image up close: the picture, the current model's top-3 classes as bars, and its
 * feature maps, all following the weights while the model trains. Pick an image by clicking a
 * thumbnail or a gallery image, or with "Image file…" (or by dropping a file on the panel).
 * Ids: {@code #chosenImage}, {@code #top3-N}, {@code #top3Text-N}, {@code #chooseImageFile},
 * {@code #openChosen}.
 */
final class ChosenImagePanel extends VBox {
    private final Label title = new Label("Chosen image");
    private final Label source = new Label("the first validation image, once data is loaded");
    private final ImageView picture = new ImageView();
    private final VBox bars = new VBox(3);
    private final Label[] names = new Label[3];
    private final ProgressBar[] values = new ProgressBar[3];
    private final Label[] texts = new Label[3];
    private final Label note = new Label();
    private final MapStrip maps = new MapStrip();
    private final Button file = new Button("Image file…");
    private final Button open = new Button("Open in step-through");
    private boolean inkConvention;
    private ChosenImage chosen;

    ChosenImagePanel(Runnable chooseFile, Consumer<ChosenImage> openInStepper) {
        setId("chosenImagePanel");
        setSpacing(4);
        setPadding(new Insets(4));
        title.getStyleClass().add("section-title");
        source.getStyleClass().add("caption");
        source.setWrapText(true);
        picture.setId("chosenImage");
        picture.setSmooth(false);
        for (int i = 0; i < 3; i++) {
            names[i] = new Label();
            names[i].setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            values[i] = new ProgressBar(0);
            values[i].setId("top3-" + i);
            values[i].setStyle("-fx-accent: " + css(i == 0 ? org.convlab.ui.Theme.WINNER : org.convlab.ui.Theme.LINES) + ";");
            values[i].setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(values[i], Priority.ALWAYS);
            texts[i] = new Label();
            texts[i].setId("top3Text-" + i);
            texts[i].setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            HBox row = new HBox(4, names[i], values[i], texts[i]);
            row.setAlignment(Pos.CENTER_LEFT);
            bars.getChildren().add(row);
        }
        note.getStyleClass().add("caption");
        note.setWrapText(true);
        file.setId("chooseImageFile");
        file.setOnAction(e -> chooseFile.run());
        open.setId("openChosen");
        open.setDisable(true);
        open.setOnAction(e -> {
            if (chosen != null) {
                openInStepper.accept(chosen);
            }
        });
        VBox.setVgrow(bars, Priority.NEVER);
        HBox top = new HBox(8, picture, bars);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(bars, Priority.ALWAYS);
        Label mapsTitle = new Label("Its feature maps (first " + MapStrip.CHANNELS + " channels per layer)");
        mapsTitle.getStyleClass().add("caption");
        getChildren().addAll(title, source, top, note, new HBox(6, file, open), mapsTitle, maps);
        org.convlab.ui.Theme.onChange(this, this::rescale);
    }

    private static String css(javafx.scene.paint.Color c) {
        return String.format(Locale.ROOT, "rgb(%d, %d, %d)", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    void setInkConvention(boolean ink) {
        inkConvention = ink;
    }

    ChosenImage chosen() {
        return chosen;
    }

    /** Shows {@code image}; its top-3 and maps follow with {@link #showModel}. */
    void choose(ChosenImage image) {
        chosen = image;
        source.setText(image.description());
        picture.setImage(Pictures.sample(image.input(), 0, image.shape(), inkConvention));
        rescale();
        note.setText("");
    }

    /** The picture about five body-text lines high, the bars eight ems wide, at the current text size. */
    private void rescale() {
        for (ProgressBar bar : values) {
            bar.setPrefWidth(org.convlab.ui.Theme.px(8));
            bar.setMinWidth(org.convlab.ui.Theme.px(3));
        }
        if (chosen != null) {
            double scale = Math.max(1, Math.floor(org.convlab.ui.Theme.px(4.8)
                    / Math.max(chosen.shape().height(), chosen.shape().width())));
            picture.setFitWidth(chosen.shape().width() * scale);
            picture.setFitHeight(chosen.shape().height() * scale);
        }
    }

    /** Shows the model's view of the chosen image, when {@code state} was computed for it. */
    void showModel(ModelState state, List<String> classes) {
        if (state == null || chosen == null || state.input() == null || state.activations() == null
                || !java.util.Arrays.equals(state.input(), chosen.input())) {
            return;
        }
        ActivationSnapshot a = state.activations();
        float[] p = a.probabilities();
        int[] top = ValidationReporter.top3(p, 0, p.length);
        for (int i = 0; i < 3; i++) {
            boolean has = top[i] >= 0;
            names[i].setText(has ? classes.get(top[i]) : "");
            values[i].setProgress(has ? p[top[i]] : 0);
            texts[i].setText(has ? String.format(Locale.ROOT, "%.1f%%", 100 * p[top[i]]) : "");
        }
        String when = state.epoch() == 0 ? "untrained weights"
                : state.batch() == 0 ? "weights after epoch " + state.epoch()
                : "weights of epoch " + state.epoch() + ", batch " + state.batch();
        String truth = chosen.trueClass() >= 0 ? "true class " + classes.get(chosen.trueClass()) + "; " : "";
        note.setText(truth + when);
        maps.show(a);
        open.setDisable(false);
    }

    /** The top-3 texts on screen ("Sneaker 62.0%"), for tests. */
    List<String> top3Shown() {
        return java.util.stream.IntStream.range(0, 3).mapToObj(i -> names[i].getText() + " " + texts[i].getText()).toList();
    }

    void showError(String text) {
        note.setText(text);
    }
}
