package org.convlab.train;

import java.util.List;
import java.util.SplittableRandom;
import org.convlab.engine.Shape;
import org.convlab.model.ActivationSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.DropoutSpec;
import org.convlab.model.FlattenSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Padding;
import org.convlab.model.PoolSpec;
import org.convlab.model.SoftmaxSpec;

/**
 * A small learnable problem for trainer tests: 6x6 grey images holding a horizontal bar
 * (class "h"), a vertical bar ("v") or a diagonal ("d") at a random place, plus noise; and a
 * small ConvNet for it (with dropout, so determinism covers the dropout masks too).
 */
final class TinyData {
    static final Shape SHAPE = Shape.of(1, 6, 6);
    static final List<String> CLASSES = List.of("h", "v", "d");

    private TinyData() {}

    static ArrayDataset bars(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * 36];
        int[] labels = new int[n];
        for (int s = 0; s < n; s++) {
            int c = s % 3;
            labels[s] = c;
            int pos = rng.nextInt(6);
            for (int i = 0; i < 36; i++) {
                x[s * 36 + i] = (float) (rng.nextDouble() * 0.2);
            }
            for (int t = 0; t < 6; t++) {
                int row = c == 0 ? pos : t;
                int col = c == 0 ? t : c == 1 ? pos : t;
                x[s * 36 + row * 6 + col] += 1f;
            }
        }
        return new ArrayDataset(SHAPE, CLASSES, x, labels);
    }

    static NetworkSpec net() {
        return new NetworkSpec(SHAPE, CLASSES, List.of(
                ConvSpec.of(4, 3, 1, Padding.VALID), ActivationSpec.relu(), PoolSpec.max(2, 2),
                new FlattenSpec(null), DropoutSpec.of(0.25), DenseSpec.of(3), new SoftmaxSpec(null)));
    }
}
