package org.convlab.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import org.convlab.nn.layers.DenseLayer;
import org.convlab.nn.layers.PoolLayer;
import org.convlab.trace.backward.BackwardTracer;

/**
 * The lesson's steps after "The answer" (issue 15): "the net said X; what if we want it surer?"
 * The loss, the votes' gradients, the way back through pooling and ReLU, one feature weight's
 * summed gradient, then "Train the votes". Each shows a view of the step-through's Backward tab
 * (the same classes, set to the lesson's layers) fed by one {@link BackwardTracer} of the
 * session's input against its true class ({@link LessonBackwardNumbers#label}), run again when
 * the input or the weights change while one of these steps is on screen (else when next shown).
 * The sentences come from {@link LessonBackwardNumbers}.
 */
final class LessonBackwardSteps {
    private final StepperSession session;
    private final LessonInputs inputs;
    private final LessonRoom room;
    private final Runnable refresh;
    private final List<BackwardPart> parts = new ArrayList<>();
    private final int relu;
    private final int pool;
    private final int dense;
    private BackwardTracer tracer;
    private boolean stale = true;
    private BackwardConvView conv;
    private VoteTrainingView training;

    /** {@code refresh} re-reads the current step's sentence (when a training run finishes in the background). */
    LessonBackwardSteps(StepperSession session, LessonInputs inputs, LessonRoom room, Runnable refresh) {
        this.session = session;
        this.refresh = refresh;
        this.inputs = inputs;
        this.room = room;
        this.relu = session.tracer().findActivation(0);
        this.pool = session.tracer().find(PoolLayer.class, 0);
        this.dense = session.tracer().find(DenseLayer.class, 0);
        session.snapshotProperty().addListener((o, a, b) -> {
            stale = true;
            if (parts.stream().anyMatch(p -> p.getScene() != null)) {
                push();
            }
        });
    }

    /** The new steps, in order. */
    List<LessonStep> steps() {
        Supplier<BackwardLossView> loss = part(() -> new BackwardLossView(session));
        Supplier<LessonVoteGradients> votes = once(() -> new LessonVoteGradients(session, this::numbers, room));
        Supplier<BackwardPoolView> pooling = part(() -> new BackwardPoolView(session));
        Supplier<BackwardReluView> gate = part(() -> new BackwardReluView(session));
        Supplier<BackwardConvView> weight = part(() -> conv = new BackwardConvView(session));
        List<LessonStep> s = new ArrayList<>();
        s.add(new LessonStep("Surer? The loss", () -> numbers().lossSentence(), fit(loss), this::push));
        s.add(new LessonStep("The votes' gradients", () -> numbers().voteSentence(), fit(votes),
                () -> votes.get().redraw()));
        s.add(new LessonStep("Back through pooling", () -> numbers().poolSentence(), fit(pooling), () -> {
            push();
            int[] at = numbers().busiestWindow();
            pooling.get().select(pool, numbers().weight()[0]);
            pooling.get().follow(at[0], at[1]);
        }));
        s.add(new LessonStep("Back through ReLU", () -> numbers().reluSentence(), fit(gate), () -> {
            push();
            gate.get().select(relu, numbers().weight()[0]);
        }));
        s.add(new LessonStep("One weight, every window", () -> numbers().weightSentence(), fit(weight), () -> {
                    push();
                    int[] w = numbers().weight();
                    weight.get().configure(0, w[0], 0, w[1], w[2]);
                    weight.get().controls().setStep(weight.get().controls().count() - 1); // the sum, divided
                }));
        s.add(new LessonStep("Train the votes", () -> trainingView().sentence(),
                fit(this::trainingView), () -> trainingView().entered()));
        return s;
    }

    /** The training view (built on first use). */
    VoteTrainingView trainingView() {
        if (training == null) {
            training = new VoteTrainingView(session, () -> LessonBackwardNumbers.label(session, inputs), refresh);
        }
        return training;
    }

    /** The conv weight view, once built (null before). */
    BackwardConvView convView() {
        return conv;
    }

    /** The numbers of the current input and weights, traced against the input's true class. */
    LessonBackwardNumbers numbers() {
        int label = LessonBackwardNumbers.label(session, inputs);
        if (stale || tracer == null || tracer.label() != label) {
            stale = false;
            tracer = BackwardTracer.run(session.network(), session.input(), label);
        }
        return new LessonBackwardNumbers(session, tracer, relu, pool, dense);
    }

    /** Hands the current trace to every built view (they redraw when it is new). */
    private void push() {
        BackwardTracer t = numbers().tracer();
        for (BackwardPart p : parts) {
            if (p.tracer() != t) {
                p.show(t);
            }
        }
    }

    /** The view in a {@link FitToRoom}, made on first use. */
    private Supplier<javafx.scene.Node> fit(Supplier<? extends javafx.scene.layout.Region> view) {
        return once(() -> new FitToRoom(view.get(), room));
    }

    private <T extends BackwardPart> Supplier<T> part(Supplier<T> make) {
        return once(() -> {
            T p = make.get();
            parts.add(p);
            p.show(numbers().tracer());
            return p;
        });
    }

    private static <T> Supplier<T> once(Supplier<T> make) {
        List<T> box = new ArrayList<>(1);
        return () -> {
            if (box.isEmpty()) {
                box.add(make.get());
            }
            return box.get(0);
        };
    }
}
