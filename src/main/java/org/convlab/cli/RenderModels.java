package org.convlab.cli;

import java.io.PrintWriter;
import org.convlab.nn.Network;

/**
 * The network {@code render} draws: {@code forward}'s ({@code preset:xo} carries the lesson's vote
 * weights, so the picture is the app's).
 */
final class RenderModels {
    private RenderModels() {}

    static boolean isXo(String model) {
        return model.trim().equals("preset:xo");
    }

    static Network network(String model, java.util.List<String> classes, long seed, PrintWriter err) {
        return NetworkInput.network(model, classes, seed, err);
    }

    /** Ink pixels (+1/-1, flips negate) for 9x9 one-channel models read with --pixels auto or ink. */
    static boolean inkPixels(Network net, String pixels) {
        var in = net.inputShape();
        boolean auto = pixels == null || pixels.equalsIgnoreCase("auto");
        return pixels != null && pixels.equalsIgnoreCase("ink")
                || auto && in.channels() == 1 && in.height() == 9 && in.width() == 9;
    }
}
