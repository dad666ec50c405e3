package org.convlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convlab.engine.Shape;
import org.convlab.model.DenseSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.ParamData;
import org.convlab.nn.Network;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    /** A dense layer with the identity as weights: the logits are the input, so every prediction is known by hand. */
    private static Network identity() {
        DenseSpec fc = new DenseSpec("fc", 2, true, new ParamData(new int[] {2, 2}, new float[] {1, 0, 0, 1}),
                new ParamData(new int[] {2}, new float[] {0, 0}));
        return Network.build(new NetworkSpec(Shape.of(1, 1, 2), List.of("a", "b"), List.of(fc)), 1);
    }

    @Test
    void confusionMatrixAccuraciesAndLossByHand() {
        float[] x = {2, 0, /**/ 0, 1, /**/ 3, 1, /**/ 0, 5, /**/ 1, 1};
        int[] labels = {0, 1, 1, 0, 0};
        // predictions (largest logit, the first on a tie): 0, 1, 0, 1, 0
        ArrayDataset data = new ArrayDataset(Shape.of(1, 1, 2), List.of("a", "b"), x, labels);
        Evaluation e = Evaluator.evaluate(identity(), data, 2); // batches of 2, 2 and 1
        assertArrayEquals(new long[] {2, 1}, e.confusion()[0]);
        assertArrayEquals(new long[] {1, 1}, e.confusion()[1]);
        assertEquals(5, e.total());
        assertEquals(3, e.correct());
        assertEquals(0.6, e.accuracy(), 1e-12);
        assertArrayEquals(new double[] {2.0 / 3, 0.5}, e.perClassAccuracy(), 1e-12);
        double loss = 0;
        for (int s = 0; s < 5; s++) {
            double a = x[2 * s];
            double b = x[2 * s + 1];
            double logSum = Math.log(Math.exp(a) + Math.exp(b));
            loss += logSum - (labels[s] == 0 ? a : b);
        }
        assertEquals(loss / 5, e.loss(), 1e-6);
    }

    @Test
    void aClassWithoutSamplesHasNoAccuracy() {
        ArrayDataset data = new ArrayDataset(Shape.of(1, 1, 2), List.of("a", "b"), new float[] {2, 0}, new int[] {0});
        Evaluation e = Evaluator.evaluate(identity(), data, 8);
        assertEquals(1.0, e.perClassAccuracy()[0]);
        assertTrue(Double.isNaN(e.perClassAccuracy()[1]));
    }
}
