package org.convlab.ui.training;

import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The run's epochs from its checkpoints: move the slider to an epoch to see its filters, its
 * confusion matrix and the charts up to then; "Reproduce run" trains again with the same seed and
 * settings (and gets the same numbers). Ids: {@code #epochSlider}, {@code #timelineEpoch},
 * {@code #runFolder}, {@code #reproduceRun}.
 */
final class TimelinePanel extends VBox {
    private final Slider slider = new Slider(1, 1, 1);
    private final Label epoch = new Label("no epochs yet");
    private final Label folder = new Label("Checkpoints: none yet (one per epoch once a run starts)");
    private final Button reproduce = new Button("Reproduce run");
    private List<Integer> epochs = List.of();
    private boolean updating;

    TimelinePanel(IntConsumer onEpoch, Runnable onReproduce) {
        setId("timelinePanel");
        setSpacing(4);
        setPadding(new Insets(4));
        Label title = new Label("Epoch timeline");
        title.setMinWidth(Region.USE_PREF_SIZE);
        reproduce.setMinWidth(Region.USE_PREF_SIZE);
        title.getStyleClass().add("section-title");
        slider.setId("epochSlider");
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setShowTickMarks(true);
        slider.setDisable(true);
        slider.setPrefWidth(org.convlab.ui.Theme.px(17));
        org.convlab.ui.Theme.onChange(this, () -> slider.setPrefWidth(org.convlab.ui.Theme.px(17)));
        slider.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(slider, Priority.ALWAYS);
        epoch.setId("timelineEpoch");
        epoch.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        folder.setId("runFolder");
        folder.getStyleClass().add("caption");
        folder.setWrapText(true);
        reproduce.setId("reproduceRun");
        reproduce.setDisable(true);
        reproduce.setOnAction(e -> onReproduce.run());
        slider.valueProperty().addListener((o, a, b) -> {
            int e = (int) Math.round(b.doubleValue());
            if (!updating && epochs.contains(e)) {
                onEpoch.accept(e);
            }
        });
        HBox row = new HBox(8, title, slider, epoch, reproduce);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(row, folder);
    }

    /** The epochs with a checkpoint; the slider goes to the last. {@code active}: a run is going (no picking then). */
    void setEpochs(List<Integer> available, Path runFolder, String note, boolean active) {
        updating = true;
        epochs = List.copyOf(available);
        if (!epochs.isEmpty()) {
            slider.setMin(epochs.get(0));
            slider.setMax(Math.max(epochs.get(epochs.size() - 1), epochs.get(0) + 0.001));
            slider.setValue(epochs.get(epochs.size() - 1));
        }
        slider.setDisable(active || epochs.size() < 2);
        updating = false;
        epoch.setText(epochs.isEmpty() ? "no epochs yet" : "epoch " + epochs.get(epochs.size() - 1) + " (latest)");
        if (note != null) {
            folder.setText("Checkpoints: " + note);
        } else if (runFolder != null) {
            folder.setText("Checkpoints (one per epoch, temporary): " + runFolder);
        }
        reproduce.setDisable(active);
    }

    /** Says which epoch is shown. */
    void showing(int e, boolean latest) {
        epoch.setText("epoch " + e + (latest ? " (latest)" : " (from its checkpoint)"));
    }

    /** Says why an epoch cannot be shown. */
    void problem(String text) {
        epoch.setText("cannot show it");
        folder.setText(text);
    }

    /** Moves the slider (tests, keyboard) as a user would. */
    void select(int e) {
        slider.setValue(e);
    }
}
