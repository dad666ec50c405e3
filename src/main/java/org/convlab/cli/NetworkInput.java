package org.convlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.convlab.UserInputException;
import org.convlab.data.ResizeMode;
import org.convlab.data.input.InputFile;
import org.convlab.data.input.PixelScale;
import org.convlab.model.ModelSource;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Preprocessing;
import org.convlab.nn.Network;

/**
 * What {@code forward} and {@code grad} share: load MODEL (file or preset:NAME), build the
 * network, read the input file in the model's input shape. Notes for the user (weights
 * initialised from the seed, an image resized) go to stderr, one line each.
 */
final class NetworkInput {
    private NetworkInput() {}

    static Network network(String model, long seed, PrintWriter err) {
        NetworkSpec spec = ModelSource.load(model);
        Network net = Network.build(spec, seed);
        List<String> init = net.initialisedWeights();
        if (!init.isEmpty()) {
            err.println("note: " + model + " has no stored values for " + String.join(", ", init)
                    + "; they are initialised from seed " + seed + ", so the outputs are not a trained model's");
        }
        return net;
    }

    /**
     * Reads the input. Pixel scale {@code auto} is the one a trained model file stores (its
     * standardisation included), else {@code ink} (black +1, white -1, the X/O slides'
     * convention) for 9x9 one-channel models such as preset:xo, and {@code unit} ([0, 1]) otherwise.
     * An image of another size is resized as the model's training images were (fit and pad unless
     * the model file says otherwise).
     */
    static float[] read(Path file, Network net, String pixels, PrintWriter err) {
        PixelScale scale;
        Preprocessing stored = net.spec().preprocessing();
        boolean auto = pixels == null || pixels.equalsIgnoreCase("auto");
        if (auto && stored != null) {
            scale = switch (stored.normalize()) {
                case "ink" -> PixelScale.INK;
                case "symmetric" -> PixelScale.SIGNED;
                default -> PixelScale.UNIT; // standardize starts from [0,1], below
            };
        } else if (auto) {
            var in = net.inputShape();
            scale = in.channels() == 1 && in.height() == 9 && in.width() == 9 ? PixelScale.INK : PixelScale.UNIT;
        } else {
            scale = PixelScale.parse(pixels);
        }
        ResizeMode resize = stored == null ? ResizeMode.FIT_PAD : TrainData.resize(stored.resize());
        float[] x = InputFile.read(file, net.inputShape(), scale, resize, err::println);
        if (auto && stored != null && stored.mean() != null && InputFile.isImage(file)) {
            standardize(x, stored, net.inputShape().plane());
        }
        return x;
    }

    /** (x - mean[c]) / std[c], the training split's statistics the model file stores. */
    private static void standardize(float[] x, Preprocessing p, int plane) {
        float[] mean = p.mean();
        float[] std = p.std();
        for (int c = 0; c < mean.length; c++) {
            for (int i = c * plane; i < (c + 1) * plane; i++) {
                x[i] = (x[i] - mean[c]) / std[c];
            }
        }
    }

    /** A label given as a class index or a class name; out of range is a user error. */
    static int label(String text, Network net, String model) {
        List<String> classes = net.spec().classes();
        int k = net.classes();
        int label;
        try {
            label = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            label = classes.indexOf(text.trim());
            if (label < 0) {
                throw new UserInputException("label '" + text + "' is not a class of " + model
                        + (classes.isEmpty() ? " (give a number 0.." + (k - 1) + ")" : ": " + String.join(", ", classes)));
            }
        }
        if (label < 0 || label >= k) {
            throw new UserInputException("label " + label + " is out of range: " + model + " has " + k + " classes (0.."
                    + (k - 1) + (classes.isEmpty() ? "" : ": " + String.join(", ", classes)) + ")");
        }
        return label;
    }

    /** Class name of index i, or the index itself when the model names no classes. */
    static String className(Network net, int i) {
        List<String> classes = net.spec().classes();
        return i < classes.size() ? classes.get(i) : Integer.toString(i);
    }
}
