package org.convlab.ui.draw;

import java.util.List;
import org.convlab.engine.Shape;
import org.convlab.model.NetworkSpec;

/**
 * A model the draw pad can feed: its spec with the weights inline, and the two input values a
 * drawn pixel maps to. A pixel with ink fraction p in [0, 1] becomes
 * {@code background + p * (ink - background)} in every channel, so the pad draws the way the
 * training images looked (black on white for the X/O slides, bright on black for MNIST).
 *
 * @param title      what the pad says it is showing ("xo trained on sample-images/xo")
 * @param spec       the network, weights included
 * @param background the model input value of an empty pixel
 * @param ink        the model input value of a fully inked pixel
 */
public record DrawableModel(String title, NetworkSpec spec, float background, float ink) {
    public DrawableModel {
        if (spec == null) {
            throw new IllegalArgumentException("spec is required");
        }
    }

    /**
     * A model from a file or a preset, with the convention the CLI uses for it: the slides' ink
     * convention (+1 ink, -1 background) for 9x9 grey inputs, bright ink on black otherwise.
     */
    public static DrawableModel withDefaultPixels(String title, NetworkSpec spec) {
        Shape in = spec.input();
        boolean xo = in.channels() == 1 && in.height() == 9 && in.width() == 9;
        return new DrawableModel(title, spec, xo ? -1f : 0f, 1f);
    }

    public Shape input() {
        return spec.input();
    }

    public List<String> classes() {
        return spec.classes();
    }

    /** The model input for a grid of ink fractions (row major, height x width), copied to every channel. */
    public float[] toInput(float[] inkFractions) {
        Shape s = spec.input();
        int plane = s.height() * s.width();
        float[] x = new float[s.size()];
        for (int c = 0; c < s.channels(); c++) {
            for (int i = 0; i < plane; i++) {
                x[c * plane + i] = background + inkFractions[i] * (ink - background);
            }
        }
        return x;
    }
}
