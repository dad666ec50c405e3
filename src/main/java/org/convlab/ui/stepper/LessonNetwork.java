package org.convlab.ui.stepper;

import java.util.List;
import org.convlab.data.xo.XoLesson;
import org.convlab.model.Presets;
import org.convlab.nn.Network;
import org.convlab.nn.layers.DenseLayer;
import org.convlab.nn.layers.Layer;
import org.convlab.trace.ActivationSnapshot;

/**
 * The X/O lesson's network: {@code preset:xo} (the slides' three features, ReLU, 2x2 ceil max
 * pooling) with template votes. The slides give no numbers for the vote weights, only the idea:
 * "every value gets a vote", and the values of a clean X are the pattern of a strong X vote. So
 * each class votes with its own pattern: row k of the fully connected layer is the dense layer's
 * input v_k for the class's template image (the slides' clean X, the lesson's O), divided by its
 * sum, and the bias is 0:
 * <pre>
 *   weight[k][i] = v_k[i] / sum_i v_k[i]
 * </pre>
 * Each class's total is then a weighted average of the input's values, between 0 and 1 like the
 * slides' vote totals, highest where the input lights up like the template. Nothing is fitted:
 * the same numbers every time, and exact fractions of the golden pooled sums. (Training
 * {@code preset:xo} learns such weights instead.)
 */
public final class LessonNetwork {
    private LessonNetwork() {}

    public static Network build(XoLesson lesson) {
        Network net = Network.build(Presets.get("xo").network(), 1);
        templateVotes(net, lesson);
        return net;
    }

    /**
     * Sets the last dense layer of {@code net} (classes X, O in that order) to template votes from
     * the lesson's X and O; its input must not depend on its own weights (true for preset:xo).
     */
    public static void templateVotes(Network net, XoLesson lesson) {
        List<Layer> layers = net.layers();
        int dense = -1;
        for (int i = 0; i < layers.size(); i++) {
            dense = layers.get(i) instanceof DenseLayer ? i : dense;
        }
        if (dense < 0) {
            throw new IllegalArgumentException("the network has no fully connected layer to vote");
        }
        DenseLayer votes = (DenseLayer) layers.get(dense);
        List<int[][]> templates = List.of(lesson.x(), lesson.o());
        float[] w = votes.weight().value();
        int in = votes.inputShape().size();
        for (int k = 0; k < templates.size(); k++) {
            float[] v = ActivationSnapshot.capture(net, input(templates.get(k))).inputOf(dense).data();
            double sum = 0;
            for (float x : v) {
                sum += x;
            }
            for (int i = 0; i < in; i++) {
                w[k * in + i] = (float) (v[i] / sum);
            }
        }
        if (votes.bias() != null) {
            java.util.Arrays.fill(votes.bias().value(), 0f);
        }
    }

    /** The lesson image as the network's input [1*9*9]. */
    public static float[] input(int[][] image) {
        float[] x = new float[image.length * image[0].length];
        for (int r = 0; r < image.length; r++) {
            for (int c = 0; c < image[r].length; c++) {
                x[r * image[r].length + c] = image[r][c];
            }
        }
        return x;
    }
}
