package org.convlab.ui.stepper;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * To start, back, play/pause, forward, to end, a speed slider and a scrubber over the steps of one
 * step-through. {@link #stepProperty()} is the current step (0..count-1); views listen to it. Node
 * ids start with the view's prefix: {@code #convForward}, {@code #convPlay}, {@code #convScrubber}...
 */
public final class StepControls extends VBox {
    private final IntegerProperty step = new SimpleIntegerProperty(0);
    private final IntegerProperty count = new SimpleIntegerProperty(1);
    private final Slider scrubber = new Slider(0, 0, 0);
    private final Slider speed = new Slider(0.5, 20, 3);
    /** Symbols DejaVu Sans has: U+23F8 (pause) is not in it and showed as an empty box. */
    static final String PLAY = "\u25B6 Play";
    static final String PAUSE = "\u2016 Pause";
    private final Button play = new Button(PLAY);
    private final Label where = new Label();
    private final Timeline timer = new Timeline();

    public StepControls(String prefix) {
        getStyleClass().add("step-controls");
        Button start = button("|\u25C0", "To the start", prefix + "Start", () -> setStep(0));
        Button back = button("\u25C0", "One step back", prefix + "Back", this::back);
        Button forward = button("\u25B6", "One step forward", prefix + "Forward", this::forward);
        Button end = button("\u25B6|", "To the end", prefix + "End", () -> setStep(count.get() - 1));
        play.setId(prefix + "Play");
        play.setOnAction(e -> togglePlay());
        Tips.set(play, "Play the steps one after another (speed: steps per second), or pause");
        scrubber.setId(prefix + "Scrubber");
        Tips.set(scrubber, "Drag to any step");
        scrubber.setBlockIncrement(1);
        scrubber.setMajorTickUnit(1);
        scrubber.setMinorTickCount(0);
        scrubber.setSnapToTicks(true);
        scrubber.valueProperty().addListener((o, a, b) -> setStep((int) Math.round(b.doubleValue())));
        speed.setId(prefix + "Speed");
        speed.setTooltip(new Tooltip("Steps per second while playing"));
        speed.valueProperty().addListener((o, a, b) -> timer.setRate(b.doubleValue()));
        where.setId(prefix + "StepLabel");
        Label speedLabel = new Label("speed");
        timer.getKeyFrames().add(new KeyFrame(Duration.seconds(1), e -> {
            if (step.get() >= count.get() - 1) {
                pause();
            } else {
                forward();
            }
        }));
        timer.setCycleCount(Timeline.INDEFINITE);
        timer.setRate(speed.getValue());
        step.addListener((o, a, b) -> sync());
        count.addListener((o, a, b) -> sync());
        // wraps in a narrow middle region instead of widening it
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(6, 4, start, back, play, forward, end,
                where, speedLabel, speed);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(buttons, scrubber);
        // a presenter steps with the keys or a clicker; the scrubber's row goes to the numbers
        scrubber.visibleProperty().bind(org.convlab.ui.Theme.presentingProperty().not());
        scrubber.managedProperty().bind(scrubber.visibleProperty());
        setSpacing(4);
        sizes = new Button[] {start, back, forward, end};
        size();
        org.convlab.ui.Theme.onChange(this, this::size);
        sync();
    }

    private final Button[] sizes;

    /** Widths from the scale, so the controls grow with the text (presentation mode, Text Size). */
    private void size() {
        play.setMinWidth(org.convlab.ui.Theme.px(6));
        speed.setPrefWidth(org.convlab.ui.Theme.px(7.3));
        where.setMinWidth(org.convlab.ui.Theme.px(8));
        for (Button b : sizes) {
            b.setMinWidth(org.convlab.ui.Theme.px(2.7));
        }
    }

    private Button button(String text, String tip, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    public IntegerProperty stepProperty() {
        return step;
    }

    public int step() {
        return step.get();
    }

    public int count() {
        return count.get();
    }

    /** Sets the number of steps; the current step is kept if it still exists. */
    public void setCount(int n) {
        count.set(Math.max(1, n));
        if (step.get() >= n) {
            step.set(n - 1);
        }
    }

    public void setStep(int k) {
        step.set(Math.max(0, Math.min(count.get() - 1, k)));
    }

    public void forward() {
        setStep(step.get() + 1);
    }

    public void back() {
        setStep(step.get() - 1);
    }

    public boolean isPlaying() {
        return timer.getStatus() == javafx.animation.Animation.Status.RUNNING;
    }

    public void playFromStart() {
        setStep(0);
        play();
    }

    public void play() {
        if (step.get() >= count.get() - 1) {
            setStep(0);
        }
        timer.play();
        play.setText(PAUSE);
    }

    public void pause() {
        timer.stop();
        play.setText(PLAY);
    }

    private void togglePlay() {
        if (isPlaying()) {
            pause();
        } else {
            play();
        }
    }

    private void sync() {
        scrubber.setMax(Math.max(0, count.get() - 1));
        if ((int) Math.round(scrubber.getValue()) != step.get()) {
            scrubber.setValue(step.get());
        }
        where.setText("step " + (step.get() + 1) + " of " + count.get());
    }
}
