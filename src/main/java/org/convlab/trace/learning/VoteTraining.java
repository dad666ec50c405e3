package org.convlab.trace.learning;

import java.util.ArrayList;
import java.util.List;
import org.convlab.UserInputException;
import org.convlab.model.ParamData;
import org.convlab.nn.Network;
import org.convlab.nn.Parameter;
import org.convlab.nn.layers.DenseLayer;
import org.convlab.nn.layers.Layer;

/**
 * The X/O lesson's "Train the votes": the fully connected layer that votes (the last dense
 * layer) learns alone, the features of the conv layers stay as the slides drew them. Each step
 * is one {@link LearningStep} on one example (plain SGD at one fixed learning rate), in a fixed
 * order: the classes take turns (an X, an O, an X, ...), each class's examples in the order
 * given, over and over ({@link #order}), until every example is right or a step limit is
 * reached. Taking turns matters: fourteen X's in a row teach the votes that everything is an X
 * before the first O is seen (in the folder's order the loss climbs for 14 steps and it takes 109). Nothing is random, so the same
 * examples give the same history bit for bit, whatever the thread count.
 *
 * <p>For the lesson: the network is {@code preset:xo} as the lesson builds it, and the examples
 * are the 27 images of {@code sample-images/xo}, from {@code XoSampleSet.all(lesson)} (the same
 * grids the files hold, ink +1, background -1) through {@link TrainingExample#ofGrid}, in that
 * order (the 14 X's, then the 13 O's). With {@link #LEARNING_RATE} every image is right after
 * {@value #LESSON_STEPS} steps (x-01, o-01, x-02, ..., o-06; on the way the count of right images
 * dips, as stochastic steps do, from 26 at the start to as few as 13, then reaches 27 with the mean loss
 * down from 0.389 to 0.083, and the lesson's X is 99.8% X instead of 88.1%); the whole run
 * takes a few milliseconds once warm (27 forward passes per step, to count the right ones).
 *
 * <p>The history starts with step 0 (the start) and has one {@link VoteTrainingStep} per step,
 * with the votes after it, so a view can animate it or go back to any frame with
 * {@link Result#restore}. The network is left with the last frame's votes.
 */
public final class VoteTraining {
    /** The lesson's rate: every image right in a dozen steps and the answers decisive (mean loss 0.08). */
    public static final float LEARNING_RATE = 0.5f;
    /** At most this many steps (a view never waits long, whatever the examples). */
    public static final int MAX_STEPS = 1000;
    /** Steps the lesson's 27 images take at {@link #LEARNING_RATE} (a test checks it). */
    public static final int LESSON_STEPS = 12;

    private VoteTraining() {}

    /**
     * A finished run.
     *
     * @param layer        the votes' layer name
     * @param learningRate the fixed rate of every step
     * @param history      step 0 (the start) and one frame per step, in order
     */
    public record Result(String layer, float learningRate, List<VoteTrainingStep> history) {
        public Result {
            history = List.copyOf(history);
        }

        /** The last frame. */
        public VoteTrainingStep last() {
            return history.get(history.size() - 1);
        }

        /** Steps taken. */
        public int steps() {
            return last().step();
        }

        /** Whether every example ended right (false only when the step limit came first). */
        public boolean allRight() {
            return last().allRight();
        }

        /** Writes frame {@code step}'s votes into {@code net}'s votes layer (to show that frame). */
        public void restore(Network net, int step) {
            VoteTrainingStep frame = history.get(step);
            DenseLayer dense = dense(net, layer);
            frame.weight().copyTo(dense.weight().value());
            if (frame.bias() != null && dense.bias() != null) {
                frame.bias().copyTo(dense.bias().value());
            }
        }
    }

    /** Trains the votes of {@code net} on {@code examples} at {@link #LEARNING_RATE}, up to {@link #MAX_STEPS} steps. */
    public static Result run(Network net, List<TrainingExample> examples) {
        return run(net, examples, LEARNING_RATE, MAX_STEPS);
    }

    /**
     * Trains the last dense layer of {@code net} on {@code examples}, one example per step in
     * the order of {@link #order} (then from its start again), at {@code lr}, until every example
     * is right or {@code maxSteps} steps were taken. Rightness and the mean loss are measured on
     * {@code examples} in the order given.
     */
    public static Result run(Network net, List<TrainingExample> examples, float lr, int maxSteps) {
        if (examples.isEmpty()) {
            throw new UserInputException("there are no images to train the votes on");
        }
        if (maxSteps < 0) {
            throw new IllegalArgumentException("maxSteps must not be negative: " + maxSteps);
        }
        String layer = votesLayer(net);
        DenseLayer dense = dense(net, layer);
        LearningStep stepper = new LearningStep(net);
        List<VoteTrainingStep> history = new ArrayList<>();
        history.add(measure(stepper, examples, dense, 0, null, null));
        List<TrainingExample> order = order(examples);
        for (int s = 1; s <= maxSteps && !history.get(history.size() - 1).allRight(); s++) {
            TrainingExample e = order.get((s - 1) % order.size());
            StepResult r = stepper.step(e.image(), e.label(), layer, lr);
            stepper.clearHistory(); // the frames keep every step; undo is the frames' restore
            history.add(measure(stepper, examples, dense, s, e.name(), r));
        }
        return new Result(layer, lr, history);
    }

    /**
     * The order of the steps: the classes take turns, lowest class index first, each class's
     * examples in the order given; when a class runs out the others go on (x1, o1, x2, o2, ...,
     * x14 for 14 X's and 13 O's).
     */
    public static List<TrainingExample> order(List<TrainingExample> examples) {
        java.util.TreeMap<Integer, java.util.ArrayDeque<TrainingExample>> byClass = new java.util.TreeMap<>();
        for (TrainingExample e : examples) {
            byClass.computeIfAbsent(e.label(), k -> new java.util.ArrayDeque<>()).add(e);
        }
        List<TrainingExample> order = new ArrayList<>(examples.size());
        while (order.size() < examples.size()) {
            for (java.util.ArrayDeque<TrainingExample> q : byClass.values()) {
                if (!q.isEmpty()) {
                    order.add(q.poll());
                }
            }
        }
        return order;
    }

    /** The name of the votes: the last dense layer of the network's top-level layers. */
    public static String votesLayer(Network net) {
        List<Layer> layers = net.layers();
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i) instanceof DenseLayer) {
                return layers.get(i).name();
            }
        }
        throw new UserInputException("this model has no fully connected layer to train as votes");
    }

    private static DenseLayer dense(Network net, String name) {
        for (Layer l : net.layers()) {
            if (l instanceof DenseLayer d && d.name().equals(name)) {
                return d;
            }
        }
        throw new UserInputException("there is no fully connected layer " + name);
    }

    private static VoteTrainingStep measure(LearningStep stepper, List<TrainingExample> examples, DenseLayer dense,
                                            int step, String trainedOn, StepResult result) {
        float total = 0;
        int right = 0;
        List<String> wrong = new ArrayList<>();
        for (TrainingExample e : examples) {
            Prediction p = stepper.predict(e.image(), e.label());
            total += p.loss();
            if (p.right()) {
                right++;
            } else {
                wrong.add(e.name());
            }
        }
        Parameter b = dense.bias();
        return new VoteTrainingStep(step, trainedOn, result, total / examples.size(), right, wrong,
                new ParamData(dense.weight().shape(), dense.weight().value()),
                b == null ? null : new ParamData(b.shape(), b.value()));
    }
}
