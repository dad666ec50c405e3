package org.convlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.convlab.UserInputException;
import org.convlab.data.ResizeMode;
import org.convlab.data.input.InputFile;
import org.convlab.data.input.PixelScale;
import org.convlab.io.ModelFormats;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Preprocessing;
import org.convlab.nn.Network;
import org.convlab.train.InputPreparation;

/**
 * What {@code forward} and {@code grad} share: load MODEL (file or preset:NAME), build the
 * network, read the input file in the model's input shape. Notes for the user (weights
 * initialised from the seed, an image resized) go to stderr, one line each.
 */
final class NetworkInput {
    private NetworkInput() {}

    static Network network(String model, List<String> classes, long seed, PrintWriter err) {
        NetworkSpec spec = ModelFormats.load(model, classes);
        Network net = build(model, spec, seed);
        List<String> init = net.initialisedWeights();
        if (!init.isEmpty()) {
            err.println("note: " + model + " has no stored values for " + String.join(", ", init)
                    + "; they are initialised from seed " + seed + ", so the outputs are not a trained model's");
        }
        return net;
    }

    /**
     * Builds the network, naming MODEL in a refusal that does not name it yet (a memory refusal
     * speaks of "this model", and a student with three model files needs to know which).
     */
    static Network build(String model, NetworkSpec spec, long seed) {
        try {
            return Network.build(spec, seed);
        } catch (UserInputException e) {
            if (e.getMessage().startsWith(model)) {
                throw e;
            }
            throw new UserInputException(model + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the input. Pixel scale {@code auto} is the one a trained model file stores (its
     * standardisation included), else {@code ink} (black +1, white -1, the X/O slides'
     * convention) for 9x9 one-channel models such as preset:xo, and {@code unit} ([0, 1]) otherwise.
     * An image of another size is resized as the model's training images were (fit and pad unless
     * the model file says otherwise).
     */
    static float[] read(Path file, Network net, String pixels, PrintWriter err) {
        Preprocessing stored = net.spec().preprocessing();
        ResizeMode resize = stored == null ? ResizeMode.FIT_PAD : TrainData.resize(stored.resize());
        if (stored != null && stored.spectrogram() != null && java.nio.file.Files.isRegularFile(file)
                && org.convlab.data.SoundClips.isWav(file)) {
            // a model trained on spectrograms: the clip becomes the same picture, with the model's window and hop
            org.convlab.data.sound.SoundOptions sound = new org.convlab.data.sound.SoundOptions(true,
                    stored.spectrogram().window(), stored.spectrogram().hop());
            float[] x = org.convlab.data.SoundClips.read(file, net.inputShape(), resize, sound);
            err.println("note: " + file.getFileName() + ": "
                    + org.convlab.data.SoundClips.describe(net.inputShape(), resize, sound) + " (as the model was trained)");
            return x;
        }
        if (pixels == null || pixels.equalsIgnoreCase("auto")) {
            String normalization = InputPreparation.normalization(null, net.spec());
            return InputPreparation.readFile(file, net.inputShape(), normalization, resize,
                    InputPreparation.storedStats(net.spec(), normalization), err::println);
        }
        return InputFile.read(file, net.inputShape(), PixelScale.parse(pixels), resize, err::println);
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
