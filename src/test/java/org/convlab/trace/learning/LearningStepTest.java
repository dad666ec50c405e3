package org.convlab.trace.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convlab.UserInputException;
import org.convlab.nn.Network;
import org.convlab.nn.Parameter;
import org.convlab.nn.layers.DenseLayer;
import org.convlab.nn.layers.Layer;
import org.junit.jupiter.api.Test;

/**
 * One step of learning on the X/O net with the lesson's canonical X and the label X: the loss
 * falls, the update is {@code w - lr * grad} to the bit with the gradient the network itself
 * reports, the new loss is a fresh network's with those weights, only the chosen layer moves,
 * and undo puts every value back bit for bit.
 */
class LearningStepTest {
    private static final int X = 0;
    private static final float LR = 0.5f;

    private static String votes(Network net) {
        return VoteTraining.votesLayer(net);
    }

    @Test
    void theLayersThatCanLearnAreTheConvAndTheVotes() {
        Network net = XoNets.xo();
        List<String> names = LearningStep.trainableLayers(net);
        assertEquals(List.of(net.layers().get(0).name(), votes(net)), names);
    }

    @Test
    void aStepOnTheVotesLowersTheLossAndTheNewLossIsAFreshNetworksWithTheUpdatedWeights() {
        Network net = XoNets.xo();
        float[] x = XoNets.lessonX();
        StepResult r = new LearningStep(net).step(x, X, votes(net), LR);

        // the preset's votes: the clean X totals +1 for X and -1 for O, softmax 88% X (XoVotes)
        assertEquals(1 / (1 + Math.exp(-2)), r.before().probability(X), 1e-6);
        assertEquals(X, r.before().answer());
        assertTrue(r.after().loss() < r.before().loss(), r.toString());
        assertTrue(r.after().probability(X) > r.before().probability(X));
        assertEquals(X, r.after().answer());
        assertTrue(r.lossChange() < 0);

        // a fresh network whose votes are set, in this test, to w - lr * grad from the step's gradient
        Network fresh = XoNets.xo();
        fresh.setReference(true);
        for (ParameterChange c : r.changes()) {
            float[] w = fresh.parameter(c.name()).value();
            for (int i = 0; i < w.length; i++) {
                w[i] = w[i] - LR * c.gradient(i);
            }
        }
        fresh.forward(x.clone(), 1, false);
        float loss = fresh.backwardCrossEntropy(new int[] {X});
        assertEquals(Float.floatToRawIntBits(loss), Float.floatToRawIntBits(r.after().loss()));
        assertArrayEquals(XoNets.bits(java.util.Arrays.copyOf(fresh.probabilities(), 2)),
                XoNets.bits(r.after().probabilities()));
    }

    @Test
    void theUpdateIsWeightMinusRateTimesTheGradientTheNetworkReportsPerElement() {
        Network reporter = XoNets.xo();
        reporter.setReference(true);
        float[] x = XoNets.lessonX();
        reporter.forward(x.clone(), 1, false);
        reporter.backwardCrossEntropy(new int[] {X});

        Network net = XoNets.xo();
        StepResult r = new LearningStep(net).step(x, X, null, LR);
        assertEquals(reporter.parameters().size(), r.changes().size());
        for (Parameter p : reporter.parameters()) {
            ParameterChange c = r.change(p.name());
            float[] w = p.value();
            float[] g = p.grad();
            assertArrayEquals(p.shape(), c.shape());
            assertArrayEquals(XoNets.bits(w), XoNets.bits(c.before().data()), p.name());
            assertArrayEquals(XoNets.bits(g), XoNets.bits(c.gradient().data()), p.name());
            float[] expected = new float[w.length];
            for (int i = 0; i < w.length; i++) {
                expected[i] = w[i] - LR * g[i];
            }
            assertArrayEquals(XoNets.bits(expected), XoNets.bits(c.after().data()), p.name());
            assertArrayEquals(XoNets.bits(expected), XoNets.bits(net.parameter(p.name()).value()), p.name());
        }
    }

    @Test
    void theVotesGradientIsTheSlidesFormulaInputTimesProbabilityMinusOneHot() {
        Network net = XoNets.xo();
        float[] x = XoNets.lessonX();
        StepResult r = new LearningStep(net).step(x, X, votes(net), LR);
        // the votes' input: the pooled maps, flattened, from a fresh forward of the unchanged preset
        Network fresh = XoNets.xo();
        fresh.setReference(true);
        fresh.forward(x.clone(), 1, false);
        DenseLayer dense = null;
        float[] in = null;
        List<Layer> layers = fresh.layers();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof DenseLayer d) {
                dense = d;
                in = layers.get(i - 1).output();
            }
        }
        int inputs = dense.inputShape().size();
        ParameterChange w = r.change(votes(net) + ".weight");
        ParameterChange b = r.change(votes(net) + ".bias");
        for (int k = 0; k < 2; k++) {
            float dLogit = r.before().probability(k) - (k == X ? 1 : 0); // dL/dlogit = p - y
            assertEquals(dLogit, b.gradient(k), 0f);
            for (int j = 0; j < inputs; j++) {
                assertEquals(in[j] * dLogit, w.gradient(k * inputs + j), 0f, "w[" + k + "][" + j + "]");
            }
        }
        // the X row moves towards the input and the O row away from it: the pooled values are >= 0
        assertTrue(b.after(X) > b.before(X));
        assertTrue(b.after(1) < b.before(1));
    }

    @Test
    void onlyTheChosenLayerChanges() {
        Network net = XoNets.xo();
        String conv = net.layers().get(0).name();
        List<int[]> start = XoNets.bits(net);
        LearningStep steps = new LearningStep(net);

        StepResult onConv = steps.step(XoNets.lessonX(), X, conv, LR);
        assertEquals(conv, onConv.layer());
        assertEquals(List.of(conv + ".weight"), onConv.changes().stream().map(ParameterChange::name).toList());
        List<int[]> afterConv = XoNets.bits(net);
        List<Parameter> params = net.parameters();
        for (int i = 0; i < params.size(); i++) {
            boolean inConv = params.get(i).name().startsWith(conv + ".");
            assertEquals(inConv, !java.util.Arrays.equals(start.get(i), afterConv.get(i)), params.get(i).name());
        }

        StepResult onVotes = steps.step(XoNets.lessonX(), X, votes(net), LR);
        assertEquals(2, onVotes.changes().size());
        List<int[]> afterVotes = XoNets.bits(net);
        for (int i = 0; i < params.size(); i++) {
            boolean inVotes = params.get(i).name().startsWith(votes(net) + ".");
            assertEquals(inVotes, !java.util.Arrays.equals(afterConv.get(i), afterVotes.get(i)), params.get(i).name());
        }
    }

    @Test
    void undoRestoresEveryValueBitForBitAndSteppingAgainGivesTheSameResult() {
        Network net = XoNets.xo();
        float[] x = XoNets.lessonX();
        LearningStep steps = new LearningStep(net);
        assertFalse(steps.canUndo());
        List<int[]> start = XoNets.bits(net);
        Prediction startPrediction = steps.predict(x, X);

        StepResult first = steps.step(x, X, null, LR);
        List<int[]> afterFirst = XoNets.bits(net);
        StepResult second = steps.step(x, X, null, LR);
        StepResult third = steps.step(x, 1, votes(net), 2f); // another label and rate: undone too
        assertEquals(List.of(1, 2, 3), List.of(first.number(), second.number(), third.number()));
        assertEquals(List.of(first, second, third), steps.history());
        assertEquals(first.after(), second.before()); // each step starts where the last ended
        assertTrue(second.after().loss() < first.after().loss());

        assertEquals(third, steps.undo());
        assertEquals(second, steps.undo());
        assertBitsEqual(afterFirst, XoNets.bits(net));
        assertEquals(first.after(), steps.predict(x, X));
        assertEquals(first, steps.undo());
        assertBitsEqual(start, XoNets.bits(net));
        assertEquals(startPrediction, steps.predict(x, X));
        assertFalse(steps.canUndo());
        assertThrows(IllegalStateException.class, steps::undo);

        // "Take a step" again: the same step, bit for bit
        StepResult again = steps.step(x, X, null, LR);
        assertEquals(first, again);
        assertBitsEqual(afterFirst, XoNets.bits(net));
        assertEquals(1, steps.steps());
    }

    @Test
    void aResultCannotBeChangedFromOutside() {
        Network net = XoNets.xo();
        StepResult r = new LearningStep(net).step(XoNets.lessonX(), X, votes(net), LR);
        float p = r.after().probability(X);
        r.after().probabilities()[X] = 42;
        assertEquals(p, r.after().probability(X));
        ParameterChange w = r.change(votes(net) + ".weight");
        float v = w.after(0);
        w.after().data()[0] = 42;
        assertEquals(v, w.after(0));
        net.parameter(votes(net) + ".weight").value()[0] = 7;
        assertEquals(v, w.after(0));
    }

    @Test
    void badChoicesAreOneLineMessagesAndChangeNothing() {
        Network net = XoNets.xo();
        List<int[]> start = XoNets.bits(net);
        LearningStep steps = new LearningStep(net);
        float[] x = XoNets.lessonX();
        String m = assertThrows(UserInputException.class, () -> steps.step(x, X, "nope", LR)).getMessage();
        assertTrue(m.contains("nope") && m.contains(votes(net)), m);
        String relu = net.layers().get(1).name();
        m = assertThrows(UserInputException.class, () -> steps.step(x, X, relu, LR)).getMessage();
        assertTrue(m.contains(relu) && m.contains("no weights"), m);
        for (float lr : new float[] {0, -1, Float.NaN, Float.POSITIVE_INFINITY}) {
            m = assertThrows(UserInputException.class, () -> steps.step(x, X, null, lr)).getMessage();
            assertTrue(m.contains("learning rate"), m);
        }
        m = assertThrows(UserInputException.class, () -> steps.step(x, 2, null, LR)).getMessage();
        assertTrue(m.contains("label 2"), m);
        m = assertThrows(UserInputException.class, () -> steps.step(new float[80], X, null, LR)).getMessage();
        assertTrue(m.contains("80"), m);
        assertBitsEqual(start, XoNets.bits(net));
        assertFalse(steps.canUndo());
        assertNotEquals(0, start.size());
    }

    private static void assertBitsEqual(List<int[]> expected, List<int[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "parameter " + i);
        }
    }
}
