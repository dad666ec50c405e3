package org.convlab.ui.stepper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.convlab.UserInputException;
import org.convlab.nn.Network;
import org.convlab.nn.Parameter;
import org.convlab.trace.learning.LearningStep;
import org.convlab.trace.learning.TrainingExample;
import org.convlab.trace.learning.VoteTraining;
import org.convlab.trace.learning.VoteTrainingStep;
import org.convlab.ui.Theme;

/**
 * "Train the votes": SGD steps on the 27 images of {@code sample-images/xo} until every one is
 * right ({@link VoteTraining}: the votes learn, the features stay the slides'). The whole run is
 * computed OFF the FX thread on a private copy of the network (a dozen steps, milliseconds); the
 * buttons then show its frames on the session's network one at a time ({@link VoteTraining.Result#restore}),
 * so every lesson step follows the learned votes and the FX thread never waits for compute.
 * "Train until all right" plays the frames in small timed steps; "Undo" goes back a frame;
 * "Reset weights" gives the slides' weights back (as the lesson's Reset does). Per frame: the step,
 * how many of 27 are right, the mean loss, and the probability of the lesson input's true class.
 * Ids: {@code #trainStep}, {@code #trainAll}, {@code #trainUndo}, {@code #trainReset},
 * {@code #trainStatus}, {@code #trainLedger}, {@code #trainAnswer}.
 */
final class VoteTrainingView extends VBox {
    /** Frames listed in the ledger (the latest), so the step fits a 768-pixel screen. */
    static final int LEDGER_ROWS = 6;
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lesson-vote-training");
        t.setDaemon(true);
        return t;
    });

    private final StepperSession session;
    private final IntSupplier label;
    private final Runnable changed;
    private final Path folder = LessonTrainingImages.folder();
    private final Button step = new Button("Take a step");
    private final Button all = new Button("Train until all right");
    private final Button undo = new Button("Undo");
    private final Button reset = new Button("Reset weights");
    private final Label status = BackwardPart.math("trainStatus");
    private final Label ledger = BackwardPart.math("trainLedger");
    private final Label answer = new Label();
    private final Timeline player = new Timeline();
    private List<TrainingExample> examples;
    private String problem;
    /** The finished run, or null while none matches the session's weights. */
    private VoteTraining.Result result;
    /** Every parameter as the run started (the votes of frame 0). */
    private List<float[]> base;
    /** Per frame, the probability of the input's true class, for {@link #probsInput} and {@link #probsLabel}. */
    private float[] probs;
    private float[] probsInput;
    private int probsLabel = -1;
    private int shown;
    private int generation;
    private boolean computing;
    private boolean applying;
    private boolean playWhenReady;

    VoteTrainingView(StepperSession session, IntSupplier label, Runnable changed) {
        this.session = session;
        this.label = label;
        this.changed = changed;
        step.setId("trainStep");
        all.setId("trainAll");
        undo.setId("trainUndo");
        reset.setId("trainReset");
        answer.setId("trainAnswer");
        answer.getStyleClass().add("lesson-train-answer");
        answer.setWrapText(true);
        answer.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        ledger.setWrapText(false);
        ledger.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Tips.set(step, "One SGD step of the votes on the next image (X and O take turns), lr " + VoteTraining.LEARNING_RATE);
        Tips.set(all, "Steps until all 27 images are right, one every few tenths of a second");
        Tips.set(undo, "Back to the votes before the last step");
        Tips.set(reset, "The slides' weights again");
        step.setOnAction(e -> {
            player.stop();
            move(shown + 1);
        });
        undo.setOnAction(e -> {
            player.stop();
            move(shown - 1);
        });
        all.setOnAction(e -> play());
        reset.setOnAction(e -> {
            player.stop();
            playWhenReady = false;
            session.resetWeights();
        });
        player.getKeyFrames().add(new KeyFrame(Duration.millis(250), e -> {
            if (result == null || shown >= result.steps()) {
                player.stop();
            } else {
                move(shown + 1);
            }
        }));
        player.setCycleCount(Timeline.INDEFINITE);
        FlowPane buttons = new FlowPane(Theme.px(0.6), Theme.px(0.4), step, all, undo, reset);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(buttons, status, ledger, answer);
        setSpacing(Theme.px(0.6)); // min width: the ledger's, which FitToRoom scales to a narrow room
        session.snapshotProperty().addListener((o, a, b) -> {
            if (!applying) {
                follow();
            }
        });
        update();
    }

    /** The step was shown: start the run in the background if none is ready. */
    void entered() {
        follow();
    }

    /** The step's sentence. */
    String sentence() {
        if (folder == null || problem != null) {
            return "Now the votes would learn from the 27 images of " + LessonTrainingImages.FOLDER + ", but "
                    + (problem != null ? problem : "that folder is not in this copy of ConvLab")
                    + ", so they cannot be trained here. The steps before show what one step of learning would do.";
        }
        String lr = String.valueOf(VoteTraining.LEARNING_RATE);
        String start = "Now let the votes learn. Each step takes one of the 27 images of " + LessonTrainingImages.FOLDER
                + " (X and O take turns), sends it forward and back, and moves every vote against its gradient"
                + " (lr " + lr + "); the features stay the slides'.";
        if (result == null) {
            return start;
        }
        VoteTrainingStep first = result.history().get(0);
        VoteTrainingStep now = result.history().get(shown);
        String before = " Before learning " + first.right() + " of 27 are right and the mean loss is "
                + BackwardPart.num(first.loss()) + ".";
        if (shown < result.steps() || !result.allRight()) {
            return start + before + " Take a step, or train until all are right.";
        }
        return start + before + " After " + shown + " steps all " + now.right() + " are right, the mean loss is "
                + BackwardPart.num(now.loss()) + ", and the answer is decisive by learning: " + answerText() + "."
                + " Every step before now shows the learned votes; Reset gives the slides' weights back.";
    }

    private String answerText() {
        int k = label.getAsInt();
        String name = session.classes().get(k);
        String now = percent(session.snapshot().probabilities()[k]);
        boolean known = probs != null && shown < probs.length;
        return "the " + name + " is " + now + " " + name + (known && shown > 0 ? " (" + percent(probs[0]) + " before)" : "");
    }

    private static String percent(float p) {
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * p);
    }

    /** The run shown (null before it is computed). */
    VoteTraining.Result result() {
        return result;
    }

    int shown() {
        return shown;
    }

    boolean computing() {
        return computing;
    }

    private void play() {
        if (result == null) {
            playWhenReady = true;
            follow();
        } else if (shown < result.steps()) {
            player.play();
        }
    }

    /** Shows frame {@code k} on the session's network. */
    private void move(int k) {
        if (result == null || k < 0 || k > result.steps()) {
            return;
        }
        applying = true;
        try {
            result.restore(session.network(), k);
            shown = k;
            session.parametersChanged();
        } finally {
            applying = false;
        }
        update();
        changed.run();
    }

    /** After a change elsewhere (an input, Reset, a typed weight): find the frame shown, or compute anew. */
    private void follow() {
        if (folder == null || problem != null) {
            update();
            return;
        }
        if (result != null) {
            int at = matching();
            if (at < 0) {
                result = null; // the weights are no frame of the run: train from these
                player.stop();
            } else {
                shown = at;
            }
        }
        if (result == null) {
            compute();
        } else if (!Arrays.equals(probsInput, session.input()) || probsLabel != label.getAsInt()) {
            compute(); // same weights, another input: its probabilities per frame
        }
        update();
        changed.run();
    }

    /** The frame whose weights the session's network holds now (shown first, then the start), or -1. */
    private int matching() {
        for (int k : new int[] {shown, 0}) {
            if (k <= result.steps() && holds(k)) {
                return k;
            }
        }
        return -1;
    }

    private boolean holds(int k) {
        VoteTrainingStep frame = result.history().get(k);
        List<Parameter> params = session.network().parameters();
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            float[] expected = p.name().equals(result.layer() + ".weight") ? frame.weight().data()
                    : p.name().equals(result.layer() + ".bias") && frame.bias() != null ? frame.bias().data() : base.get(i);
            if (!Arrays.equals(expected, p.value())) {
                return false;
            }
        }
        return true;
    }

    /** Runs the training (or only the per-frame probabilities) on a private copy, off the FX thread. */
    private void compute() {
        int gen = ++generation;
        computing = true;
        boolean fresh = result == null;
        List<float[]> start = new ArrayList<>();
        if (fresh) {
            for (Parameter p : session.network().parameters()) {
                start.add(p.value().clone());
            }
        } else {
            start = base;
        }
        List<float[]> weights = start;
        VoteTraining.Result known = result;
        float[] input = session.input();
        int k = label.getAsInt();
        List<String> classes = session.classes();
        var spec = session.network().spec();
        WORKER.execute(() -> {
            try {
                if (examples == null) {
                    examples = LessonTrainingImages.load(folder, classes);
                }
                Network copy = Network.build(spec, 1);
                List<Parameter> params = copy.parameters();
                for (int i = 0; i < params.size(); i++) {
                    System.arraycopy(weights.get(i), 0, params.get(i).value(), 0, weights.get(i).length);
                }
                VoteTraining.Result r = known != null ? known : VoteTraining.run(copy, examples);
                LearningStep probe = new LearningStep(copy);
                float[] p = new float[r.steps() + 1];
                for (int s = 0; s <= r.steps(); s++) {
                    r.restore(copy, s);
                    p[s] = probe.predict(input, k).probability(k);
                }
                Platform.runLater(() -> done(gen, r, weights, p, input, k, null));
            } catch (UserInputException e) {
                Platform.runLater(() -> done(gen, null, null, null, null, -1, e.getMessage()));
            }
        });
    }

    private void done(int gen, VoteTraining.Result r, List<float[]> weights, float[] p, float[] input, int k, String error) {
        if (gen != generation) {
            return; // a newer run was asked for
        }
        computing = false;
        if (error != null) {
            problem = error;
        } else {
            if (result != r) {
                shown = 0;
            }
            result = r;
            base = weights;
            probs = p;
            probsInput = input;
            probsLabel = k;
            if (playWhenReady) {
                playWhenReady = false;
                play();
            }
        }
        update();
        changed.run();
    }

    private void update() {
        boolean ready = result != null && folder != null && problem == null;
        step.setDisable(!ready || shown >= result.steps());
        all.setDisable(folder == null || problem != null || (ready && shown >= result.steps()));
        undo.setDisable(!ready || shown == 0);
        reset.setDisable(!session.editedProperty().get());
        if (!ready) {
            status.setText(folder == null || problem != null ? "No images to train on." : "Reading the 27 images ...");
            ledger.setText("");
            answer.setText("");
            return;
        }
        VoteTrainingStep now = result.history().get(shown);
        String name = session.classes().get(label.getAsInt());
        status.setText("Step " + shown + " of " + result.steps() + ": " + now.right() + " of 27 right, mean loss "
                + BackwardPart.num(now.loss()) + (now.allRight() ? " \u2014 every image is right" : ""));
        // "loss": the mean over the 27 images, as the status line above says
        StringBuilder b = new StringBuilder(String.format("%-4s %-27s %-5s %-6s %s%n", "step", "trained on", "right",
                "loss", "P(" + name + ")"));
        for (int s = Math.max(0, shown - LEDGER_ROWS + 1); s <= shown; s++) {
            VoteTrainingStep f = result.history().get(s);
            b.append(String.format("%-4d %-27s %-5s %-6s %s%n", s, f.trainedOn() == null ? "(the slides' votes)" : f.trainedOn(),
                    f.right() + "/27", BackwardPart.num(f.loss()), probs == null ? "" : percent(probs[s])));
        }
        ledger.setText(b.toString().stripTrailing());
        int[] best = {0};
        float[] pr = session.snapshot().probabilities();
        for (int c = 1; c < pr.length; c++) {
            best[0] = pr[c] > pr[best[0]] ? c : best[0];
        }
        answer.setText("It is an " + session.classes().get(best[0]) + ": " + answerText());
    }
}
