package org.convlab.cli;

import java.io.PrintWriter;
import org.convlab.data.xo.XoLesson;
import org.convlab.nn.Network;
import org.convlab.ui.stepper.LessonNetwork;

/**
 * The network {@code render} draws: like {@code forward}'s, except that {@code preset:xo}, whose vote
 * weights are not stored, gets the lesson's template votes (so the picture is the app's), with a
 * note saying so.
 */
final class RenderModels {
    private RenderModels() {}

    static boolean isXo(String model) {
        return model.trim().equals("preset:xo");
    }

    static Network network(String model, long seed, PrintWriter err) {
        if (isXo(model)) {
            Network net = Network.build(org.convlab.model.Presets.get("xo").network(), seed);
            LessonNetwork.templateVotes(net, XoLesson.load());
            err.println("note: preset:xo stores no vote weights; they are the lesson's template votes (the X's and the"
                    + " O's pooled values, each scaled to sum 1), as the app shows");
            return net;
        }
        return NetworkInput.network(model, seed, err);
    }

    /** Ink pixels (+1/-1, flips negate) for 9x9 one-channel models read with --pixels auto or ink. */
    static boolean inkPixels(Network net, String pixels) {
        var in = net.inputShape();
        boolean auto = pixels == null || pixels.equalsIgnoreCase("auto");
        return pixels != null && pixels.equalsIgnoreCase("ink")
                || auto && in.channels() == 1 && in.height() == 9 && in.width() == 9;
    }
}
