package org.convlab.trace.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.convlab.UserInputException;
import org.convlab.data.Augmentation;
import org.convlab.data.DataOptions;
import org.convlab.data.DataSources;
import org.convlab.data.Dataset;
import org.convlab.data.Normalization;
import org.convlab.data.ResizeMode;
import org.convlab.data.xo.XoImages;
import org.convlab.data.xo.XoLesson;
import org.convlab.data.xo.XoSampleSet;
import org.convlab.engine.Parallel;
import org.convlab.nn.Network;
import org.convlab.train.InkDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * "Train the votes" on the 27 images of sample-images/xo: every image right at the end, checked
 * on a fresh network with the fast kernels; the slides' features untouched; each frame's votes
 * the previous ones minus lr times the step's gradient; the same history on 1 and 2 threads.
 */
class VoteTrainingTest {
    private static final Path FOLDER = Path.of(System.getProperty("convlab.repo", "."), "sample-images", "xo");
    private final int threadsBefore = Parallel.shared().threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(threadsBefore);
    }

    /** The 27 images, read from the folder's files ({@code XoImages.readGrid}: black +1, white -1), in XoSampleSet's order. */
    static List<TrainingExample> examples() {
        List<TrainingExample> out = new ArrayList<>();
        for (XoSampleSet.Sample s : XoSampleSet.all(XoLesson.load())) {
            int[][] grid = XoImages.readGrid(FOLDER.resolve(s.label()).resolve(s.fileName()));
            out.add(TrainingExample.ofGrid(s.name(), s.label(), grid, List.of("X", "O")));
        }
        return out;
    }

    @Test
    void theExamplesAreExactlyWhatTrainFeedsTheNetFromTheFolder() throws Exception {
        List<TrainingExample> examples = examples();
        try (var files = Files.walk(FOLDER)) {
            assertEquals(27, files.filter(p -> p.toString().endsWith(".png")).count());
        }
        assertEquals(27, examples.size());
        // the train command's way: the image folder in [-1, 1], then negated (train --normalize ink)
        DataOptions options = new DataOptions(ResizeMode.FIT_PAD, Normalization.SYMMETRIC, 0, 1, null, Augmentation.NONE);
        Dataset ink = InkDataset.of(DataSources.open(FOLDER.toString(), XoNets.xo().inputShape(), options).train());
        assertEquals(27, ink.size());
        List<String> loaded = new ArrayList<>();
        float[] x = new float[81];
        for (int i = 0; i < ink.size(); i++) {
            ink.copySample(i, x, 0);
            String folderClass = ink.classes().get(ink.label(i)).toUpperCase(Locale.ROOT);
            loaded.add(folderClass + Arrays.toString(x));
        }
        List<String> ours = new ArrayList<>();
        for (TrainingExample e : examples) {
            ours.add(List.of("X", "O").get(e.label()) + Arrays.toString(e.image()));
        }
        loaded.sort(null);
        ours.sort(null);
        assertEquals(loaded, ours);
    }

    @Test
    void theVotesLearnUntilAll27AreRightAndTheFeaturesStayTheSlides() {
        Network net = XoNets.xo();
        String conv = net.layers().get(0).name();
        int[] features = XoNets.bits(net.parameter(conv + ".weight").value());
        List<TrainingExample> examples = examples();
        VoteTraining.Result r = VoteTraining.run(net, examples);

        assertTrue(r.allRight());
        assertEquals(VoteTraining.LESSON_STEPS, r.steps());
        assertEquals(r.steps() + 1, r.history().size());
        assertEquals(27, r.last().right());
        assertEquals(List.of(), r.last().wrong());
        assertTrue(r.last().loss() < r.history().get(0).loss());
        assertArrayEquals(features, XoNets.bits(net.parameter(conv + ".weight").value()));
        assertEquals(List.of(conv, r.layer()), LearningStep.trainableLayers(net));

        // the order: X and O take turns, each in the folder's order
        List<String> trained = r.history().stream().skip(1).map(VoteTrainingStep::trainedOn).toList();
        assertEquals(List.of("x-01-canonical", "o-01-canonical", "x-02-deformed", "o-02-shifted-left"), trained.subList(0, 4));
        assertNull(r.history().get(0).trainedOn());
        assertNull(r.history().get(0).result());

        VoteTrainingStep previous = null;
        for (VoteTrainingStep frame : r.history()) {
            // every frame's count, again on a fresh network with the frame's votes and the fast kernels
            assertEquals(countRight(frame, r.layer(), examples), frame.right(), "step " + frame.step());
            assertEquals(27 - frame.right(), frame.wrong().size());
            if (previous != null) {
                // only the votes learned, and they are the last frame's minus lr times this step's gradient
                StepResult s = frame.result();
                assertEquals(List.of(r.layer() + ".weight", r.layer() + ".bias"),
                        s.changes().stream().map(ParameterChange::name).toList());
                assertStep(previous.weight().data(), s.change(r.layer() + ".weight"), frame.weight().data(), r.learningRate());
                assertStep(previous.bias().data(), s.change(r.layer() + ".bias"), frame.bias().data(), r.learningRate());
            }
            previous = frame;
        }

        // the lesson's answer: the canonical X, surer by learning
        Network preset = XoNets.xo();
        LearningStep probe = new LearningStep(preset);
        float before = probe.predict(XoNets.lessonX(), 0).probability(0);
        r.restore(preset, r.steps());
        assertTrue(probe.predict(XoNets.lessonX(), 0).probability(0) > before);
    }

    @Test
    void theSameHistoryOnOneAndTwoThreads() {
        Parallel.setThreads(1);
        VoteTraining.Result one = VoteTraining.run(XoNets.xo(), examples());
        Parallel.setThreads(2);
        VoteTraining.Result two = VoteTraining.run(XoNets.xo(), examples());
        assertEquals(one, two);
        // and the records compare deeply: a different rate gives a different history
        assertFalse(one.equals(VoteTraining.run(XoNets.xo(), examples(), 0.25f, VoteTraining.MAX_STEPS)));
    }

    @Test
    void restoreShowsAnyFrameBitForBit() {
        Network net = XoNets.xo();
        List<int[]> start = XoNets.bits(net);
        VoteTraining.Result r = VoteTraining.run(net, examples());
        List<int[]> end = XoNets.bits(net);
        r.restore(net, 0);
        assertBits(start, XoNets.bits(net));
        r.restore(net, r.steps());
        assertBits(end, XoNets.bits(net));
    }

    @Test
    void aStepLimitStopsEarlyAndNoImagesIsAMessage() {
        VoteTraining.Result none = VoteTraining.run(XoNets.xo(), examples(), VoteTraining.LEARNING_RATE, 0);
        assertEquals(0, none.steps());
        assertFalse(none.allRight()); // the preset's votes call o-05 an X
        assertEquals(List.of("o-05-shifted-down-right"), none.last().wrong());
        String m = assertThrows(UserInputException.class, () -> VoteTraining.run(XoNets.xo(), List.of())).getMessage();
        assertTrue(m.contains("no images"), m);
    }

    @Test
    void theClassesTakeTurns() {
        List<TrainingExample> order = VoteTraining.order(examples());
        assertEquals(27, order.size());
        for (int i = 0; i < 26; i++) {
            assertEquals(i % 2, order.get(i).label(), order.get(i).name());
        }
        assertEquals("x-14-deformed-shifted-right", order.get(26).name());
    }

    /** Right answers on a fresh preset:xo (fast kernels) whose votes are the frame's. */
    private static int countRight(VoteTrainingStep frame, String votes, List<TrainingExample> examples) {
        Network fresh = XoNets.xo();
        frame.weight().copyTo(fresh.parameter(votes + ".weight").value());
        frame.bias().copyTo(fresh.parameter(votes + ".bias").value());
        int right = 0;
        for (TrainingExample e : examples) {
            float[] p = fresh.forward(e.image(), 1, false);
            int other = 1 - e.label();
            if (p[e.label()] > p[other]) {
                right++;
            }
        }
        return right;
    }

    private static void assertStep(float[] before, ParameterChange c, float[] after, float lr) {
        assertArrayEquals(XoNets.bits(before), XoNets.bits(c.before().data()));
        float[] expected = new float[before.length];
        for (int i = 0; i < before.length; i++) {
            expected[i] = before[i] - lr * c.gradient(i);
        }
        assertArrayEquals(XoNets.bits(expected), XoNets.bits(after));
    }

    private static void assertBits(List<int[]> expected, List<int[]> actual) {
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i));
        }
    }
}
