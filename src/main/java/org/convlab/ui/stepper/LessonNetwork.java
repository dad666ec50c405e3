package org.convlab.ui.stepper;

import org.convlab.data.xo.XoLesson;
import org.convlab.model.Presets;
import org.convlab.nn.Network;

/**
 * The X/O lesson's network: {@code preset:xo} exactly as the editor, {@code forward} and
 * {@code render} build it (the slides' three features, ReLU, 2x2 ceil max pooling, and the vote
 * weights the preset derives from the lesson's X and O: each pooled value votes for X by how much
 * more it lights up on the X than on the O, centred so the weights add up to 0, scaled so the
 * clean X totals 1; the O's weights are the opposite, no bias). Nothing is random: the seed only
 * matters for weights a preset leaves out, and preset:xo leaves out none.
 */
public final class LessonNetwork {
    private LessonNetwork() {}

    public static Network build(XoLesson lesson) {
        return Network.build(Presets.get("xo").network(), 1);
    }

    /** The lesson's session: its network on the X, ink pixels. */
    public static StepperSession session(XoLesson lesson) {
        return new StepperSession(build(lesson), input(lesson.x()), true);
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
