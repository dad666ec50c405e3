package org.convlab.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import org.convlab.data.xo.XoLesson;
import org.convlab.model.Presets;
import org.convlab.nn.Network;
import org.convlab.nn.Parameter;
import org.convlab.nn.layers.DenseLayer;
import org.convlab.nn.layers.Layer;
import org.convlab.nn.optim.Sgd;

/**
 * The X/O lesson's network: {@code preset:xo} (the slides' three features, ReLU, 2x2 ceil max
 * pooling) whose vote weights the slides do not give. So that the votes end in the slides'
 * answer, the fully connected layer alone is fitted, in a few milliseconds at start-up, to the
 * lesson's X, deformed X (both "X") and O: plain SGD on the dense weights only, a fixed number of
 * steps, so it is the same every time. The features stay exactly the slides'.
 */
public final class LessonNetwork {
    static final int STEPS = 300;
    static final float LEARNING_RATE = 0.2f;

    private LessonNetwork() {}

    public static Network build(XoLesson lesson) {
        Network net = Network.build(Presets.get("xo").network(), 1);
        fitVotes(net, lesson);
        return net;
    }

    /** Fits every dense layer of {@code net} to X, deformed X -> class 0 and O -> class 1. */
    public static void fitVotes(Network net, XoLesson lesson) {
        List<int[][]> images = List.of(lesson.x(), lesson.xDeformed(), lesson.o());
        int[] labels = {0, 0, 1};
        int size = net.inputShape().size();
        float[] batch = new float[images.size() * size];
        for (int n = 0; n < images.size(); n++) {
            int[][] img = images.get(n);
            for (int r = 0; r < img.length; r++) {
                for (int c = 0; c < img[r].length; c++) {
                    batch[n * size + r * img[r].length + c] = img[r][c];
                }
            }
        }
        List<Parameter> votes = new ArrayList<>();
        for (Layer l : net.layers()) {
            if (l instanceof DenseLayer) {
                votes.addAll(l.parameters());
            }
        }
        Sgd sgd = Sgd.plain(LEARNING_RATE);
        for (int step = 0; step < STEPS; step++) {
            net.forward(batch, images.size(), false);
            net.backwardCrossEntropy(labels);
            sgd.step(votes);
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
