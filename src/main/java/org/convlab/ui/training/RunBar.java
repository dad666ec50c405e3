package org.convlab.ui.training;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convlab.ui.Theme;
import org.convlab.ui.training.TrainingSnapshot.State;

/**
 * The dashboard's top bar: Start, Pause/Resume, Stop, Save model, the progress bar, the progress
 * line and a line for messages; it shows a snapshot's state and enables what makes sense. Before
 * a run the progress line says what to do next ({@link #idle}). The largest frame gap, a developer's
 * figure, shows only with {@code -Dconvlab.pulses=log}.
 * Ids: {@code #start}, {@code #pause}, {@code #stop}, {@code #saveModel}, {@code #progress},
 * {@code #trainingStatus}, {@code #trainingMessage}, {@code #pulseGap}.
 */
final class RunBar extends VBox {
    private final Button start = new Button("Start");
    private final Button pause = new Button("Pause");
    private final Button stop = new Button("Stop");
    private final Button save = new Button("Save model…");
    private final ProgressBar progress = new ProgressBar(0);
    static final String NO_DATA = "Choose data, then Start.";
    private final Label status = new Label(NO_DATA);
    private final Label message = new Label();
    private final Label pulseLabel = new Label();

    RunBar(Runnable onStart, Runnable onPause, Runnable onStop, Runnable onSave) {
        start.setId("start");
        pause.setId("pause");
        stop.setId("stop");
        save.setId("saveModel");
        progress.setId("progress");
        status.setId("trainingStatus");
        status.setWrapText(true);
        message.setId("trainingMessage");
        message.setWrapText(true);
        // an empty message line takes no room
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        pulseLabel.setId("pulseGap");
        pulseLabel.getStyleClass().add("caption");
        pulseLabel.setVisible(PulseMonitor.LOG);
        pulseLabel.setManaged(PulseMonitor.LOG);
        start.setDefaultButton(true);
        start.setOnAction(e -> onStart.run());
        pause.setOnAction(e -> onPause.run());
        stop.setOnAction(e -> onStop.run());
        save.setOnAction(e -> onSave.run());
        pause.setDisable(true);
        stop.setDisable(true);
        save.setDisable(true);
        for (Button b : List.of(start, pause, stop, save)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        progress.setPrefWidth(Theme.px(14));
        progress.setMinWidth(Theme.px(2.5));
        Theme.onChange(this, () -> {
            progress.setPrefWidth(Theme.px(14));
            progress.setMinWidth(Theme.px(2.5));
        });
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox buttons = new HBox(6, start, pause, stop, save, progress);
        buttons.setAlignment(Pos.CENTER_LEFT);
        status.getStyleClass().add("run-status");
        status.setMaxWidth(Double.MAX_VALUE);
        message.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(buttons, status, pulseLabel, message);
        setSpacing(3);
        setPadding(new Insets(6, 8, 4, 8));
    }

    /** Buttons, progress and the progress line for {@code snap}; the largest frame gap beside it. */
    void show(TrainingSnapshot snap, double maxGapMillis) {
        boolean active = snap.isActive();
        start.setDisable(active);
        pause.setDisable(!active || snap.state() == State.PREPARING);
        pause.setText(snap.state() == State.PAUSED ? "Resume" : "Pause");
        stop.setDisable(!active);
        long total = (long) snap.epochs() * Math.max(snap.batches(), 1);
        long done = snap.epoch() == 0 ? 0 : (long) (snap.epoch() - 1) * snap.batches() + snap.batch();
        progress.setProgress(snap.state() == State.PREPARING ? ProgressBar.INDETERMINATE_PROGRESS
                : snap.state() == State.FINISHED ? 1 : (double) done / Math.max(total, 1));
        status.setText(StatusText.of(snap));
        if (PulseMonitor.LOG) {
            pulseLabel.setText(String.format(Locale.ROOT, "largest frame gap %.0f ms", maxGapMillis));
        }
        if (snap.message() != null) {
            message(snap.message(), snap.state() == State.FAILED ? Theme.PROBLEM : Theme.TEXT);
        }
    }

    void setSaveEnabled(boolean enabled) {
        save.setDisable(!enabled);
    }

    void status(String text) {
        status.setText(text);
    }

    /** The progress line while no run is active: what to do next. */
    void idle(String text) {
        status.setText(text);
    }

    void error(String text) {
        message(text, Theme.PROBLEM);
    }

    void message(String text, javafx.scene.paint.Color color) {
        message.setText(text);
        message.setTextFill(color);
    }

    ReadOnlyStringProperty statusProperty() {
        return status.textProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.progressProperty();
    }
}
