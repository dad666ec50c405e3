package org.convlab.ui.draw;

import java.util.List;
import org.convlab.engine.Shape;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Preprocessing;
import org.convlab.train.InputPreparation;

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
 * @param measured   true when background and ink were measured on the training images, false for
 *                   the default convention of a model file or preset
 */
public record DrawableModel(String title, NetworkSpec spec, float background, float ink, boolean measured) {
    public DrawableModel {
        if (spec == null) {
            throw new IllegalArgumentException("spec is required");
        }
    }

    /** A model whose background and ink were measured on its training images. */
    public DrawableModel(String title, NetworkSpec spec, float background, float ink) {
        this(title, spec, background, ink, true);
    }

    /**
     * A model from a file or a preset, read as {@code train} and {@code eval} read images for it
     * ({@link InputPreparation#normalization}): with the slides' ink convention (+1 dark ink, -1
     * paper) for 9x9 grey inputs or a model that says {@code ink}; otherwise a pixel value is its
     * brightness, and the pad draws bright ink on black, as MNIST's digits.
     */
    public static DrawableModel withDefaultPixels(String title, NetworkSpec spec) {
        String normalization = InputPreparation.normalization(null, spec);
        float background;
        float ink;
        switch (normalization) {
            case "ink", "symmetric" -> {
                background = -1f;
                ink = 1f;
            }
            case "standardize" -> {
                // pixels scaled to [0, 1], then the stored per-channel mean and std of channel 0
                Preprocessing p = spec.preprocessing();
                float mean = p != null && p.mean() != null ? p.mean()[0] : 0f;
                float std = p != null && p.std() != null ? p.std()[0] : 1f;
                background = (0f - mean) / std;
                ink = (1f - mean) / std;
            }
            default -> {
                background = 0f;
                ink = 1f;
            }
        }
        return new DrawableModel(title, spec, background, ink, false);
    }

    /**
     * A model trained in the dashboard: the ink's polarity comes from the training images
     * ({@code background} and {@code ink} as measured on them), its values are the ends of the
     * model's pixel range, so a drawn stroke is exactly as dark or light as the data can be
     * (the slides' X/O: ink +1, paper -1, not the -0.82 a mean of corners gives). Standardised
     * inputs have no fixed range and keep the measured values.
     */
    public static DrawableModel trained(String title, NetworkSpec spec, float background, float ink) {
        String normalization = InputPreparation.normalization(null, spec);
        boolean inkAbove = ink >= background;
        return switch (normalization) {
            case "unit" -> new DrawableModel(title, spec, inkAbove ? 0f : 1f, inkAbove ? 1f : 0f, true);
            case "ink", "symmetric" -> new DrawableModel(title, spec, inkAbove ? -1f : 1f, inkAbove ? 1f : -1f, true);
            default -> new DrawableModel(title, spec, background, ink, true);
        };
    }

    public Shape input() {
        return spec.input();
    }

    public List<String> classes() {
        return spec.classes();
    }

    /** unit, ink, symmetric or standardize: how the model reads an image (see {@link InputPreparation}). */
    public String normalization() {
        return InputPreparation.normalization(null, spec);
    }

    /** The slides' convention: +1 is dark ink, -1 white paper. */
    public boolean inkConvention() {
        return normalization().equals("ink");
    }

    /**
     * Whether the ink the model reads looks dark on a light page: in the slides' convention a
     * larger value is darker; in every other a larger value is brighter.
     */
    public boolean darkInk() {
        return inkConvention() ? ink > background : ink < background;
    }

    /** What the pad says about its ink: "The model reads dark ink on white, as its training images." */
    public String inkSentence() {
        String colours = darkInk() ? "dark ink on white" : "light ink on black";
        String basis = measured ? ", as its training images: the pad draws that way."
                : inkConvention() ? ", the X/O slides' convention (ink +1, paper -1): the pad draws that way."
                : " (a pixel's value is its brightness, as in MNIST): the pad draws that way.";
        return "The model reads " + colours + basis;
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
