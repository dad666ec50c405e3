package org.convlab.trace.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.convlab.engine.Shape;
import org.convlab.model.ActivationSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.FlattenSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Padding;
import org.convlab.model.PoolSpec;
import org.convlab.nn.Network;
import org.convlab.nn.Parameter;
import org.junit.jupiter.api.Test;

/**
 * A step on a small random net of two channels without a trailing softmax (the probabilities
 * are the softmax of the logits), every layer at once and then one: each value is
 * {@code w - lr * grad} with the gradient another copy of the net reports, and a small enough
 * step lowers the loss, as the gradient's direction promises.
 */
class LearningStepAnyNetTest {
    private static Network net() {
        return Network.build(new NetworkSpec(Shape.of(2, 6, 6), List.of("a", "b", "c"), List.of(
                ConvSpec.of(3, 3, 1, Padding.of(1)), ActivationSpec.relu(), PoolSpec.max(2, 2),
                ConvSpec.of(4, 3, 1, Padding.VALID), ActivationSpec.tanh(), new FlattenSpec(null), DenseSpec.of(3))), 7);
    }

    private static float[] image() {
        Random r = new Random(3);
        float[] x = new float[72];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    @Test
    void everyLayerAtOnceAndThenOneLayer() {
        float[] x = image();
        int label = 2;
        float lr = 0.01f;
        Network reporter = net();
        reporter.setReference(true);
        reporter.forward(x.clone(), 1, false);
        reporter.backwardCrossEntropy(new int[] {label});

        Network net = net();
        LearningStep steps = new LearningStep(net);
        assertEquals(3, LearningStep.trainableLayers(net).size());
        StepResult all = steps.step(x, label, null, lr);
        assertEquals(6, all.changes().size()); // three layers, weight and bias each
        for (Parameter p : reporter.parameters()) {
            ParameterChange c = all.change(p.name());
            float[] expected = new float[p.size()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = p.value()[i] - lr * p.grad()[i];
            }
            assertArrayEquals(XoNets.bits(p.grad()), XoNets.bits(c.gradient().data()), p.name());
            assertArrayEquals(XoNets.bits(expected), XoNets.bits(net.parameter(p.name()).value()), p.name());
        }
        assertTrue(all.after().loss() < all.before().loss(), all.toString());
        float sum = 0;
        for (float p : all.after().probabilities()) {
            sum += p;
        }
        assertEquals(1, sum, 1e-6);

        String middle = LearningStep.trainableLayers(net).get(1);
        List<int[]> before = XoNets.bits(net);
        StepResult one = steps.step(x, label, middle, lr);
        assertEquals(2, one.changes().size());
        assertTrue(one.after().loss() < one.before().loss());
        List<int[]> after = XoNets.bits(net);
        for (int i = 0; i < net.parameters().size(); i++) {
            boolean changed = !java.util.Arrays.equals(before.get(i), after.get(i));
            assertEquals(net.parameters().get(i).name().startsWith(middle + "."), changed, net.parameters().get(i).name());
        }
        steps.undo();
        steps.undo();
        Network fresh = net();
        assertEquals(XoNets.bits(fresh).size(), XoNets.bits(net).size());
        for (int i = 0; i < fresh.parameters().size(); i++) {
            assertArrayEquals(XoNets.bits(fresh).get(i), XoNets.bits(net).get(i));
        }
    }
}
