package org.convlab.model;

import java.util.Arrays;
import java.util.List;
import org.convlab.UserInputException;

/**
 * How images were turned into input values when the model was trained, kept in the model file
 * ({@code "preprocessing"}) so that {@code eval}, {@code forward} and the app prepare new images
 * the same way without being told again. Pixels are first scaled to [0,1] (value / 255); then
 * {@code unit} keeps them, {@code symmetric} maps to [-1,1], {@code ink} to dark +1 / white -1
 * (the X/O lesson), and {@code standardize} subtracts the per-channel {@code mean} and divides by
 * {@code std}, both measured on the training split (only this one stores numbers).
 * {@code resize} is how images of another size were fitted: {@code fit}, {@code stretch} or {@code crop}.
 * {@code spectrogram} (null for images and waveforms) is how sound clips became 2D inputs: the
 * short-time Fourier transform's window and hop, so {@code eval} and {@code forward} make the
 * same picture of a new clip without being told again.
 */
public record Preprocessing(String normalize, String resize, float[] mean, float[] std, Spectrogram spectrogram) {
    /**
     * A spectrogram's frame: {@code window} samples per FFT (a power of two from 2 to 65,536) and
     * {@code hop} samples from one frame to the next (1 to 1,048,576).
     */
    public record Spectrogram(int window, int hop) {
        public Spectrogram {
            if (window < 2 || window > 65536 || Integer.bitCount(window) != 1) {
                throw new UserInputException("preprocessing.spectrogram.window: " + window
                        + " is not a power of two from 2 to 65,536");
            }
            if (hop < 1 || hop > 1 << 20) {
                throw new UserInputException("preprocessing.spectrogram.hop: " + hop
                        + " is not a number of samples from 1 to 1,048,576");
            }
        }
    }

    public static final List<String> NORMALIZATIONS = List.of("unit", "symmetric", "standardize", "ink");
    public static final List<String> RESIZES = List.of("fit", "stretch", "crop");

    public Preprocessing {
        if (!NORMALIZATIONS.contains(normalize)) {
            throw new UserInputException("preprocessing.normalize: must be one of " + String.join(", ", NORMALIZATIONS)
                    + ", got " + normalize);
        }
        if (resize == null) {
            resize = "fit";
        }
        if (!RESIZES.contains(resize)) {
            throw new UserInputException("preprocessing.resize: must be one of " + String.join(", ", RESIZES) + ", got " + resize);
        }
        boolean standardize = normalize.equals("standardize");
        if (standardize != (mean != null) || standardize != (std != null)) {
            throw new UserInputException("preprocessing: mean and std belong with \"standardize\" (and only with it)");
        }
        if (standardize) {
            if (mean.length != std.length || mean.length == 0) {
                throw new UserInputException("preprocessing: mean and std need one value per channel, got "
                        + mean.length + " and " + std.length);
            }
            for (int c = 0; c < std.length; c++) {
                if (!Float.isFinite(mean[c]) || !(std[c] > 0) || !Float.isFinite(std[c])) {
                    throw new UserInputException("preprocessing: channel " + c + " has mean " + mean[c] + " and std " + std[c]
                            + "; std must be a positive number");
                }
            }
            mean = mean.clone();
            std = std.clone();
        }
    }

    /** Without a spectrogram (images, waveforms). */
    public Preprocessing(String normalize, String resize, float[] mean, float[] std) {
        this(normalize, resize, mean, std, null);
    }

    /** Images scaled by a fixed rule (unit, symmetric, ink), resized by {@code resize}. */
    public static Preprocessing of(String normalize, String resize) {
        return new Preprocessing(normalize, resize, null, null);
    }

    /** The same, with sound clips made into spectrograms of this window and hop. */
    public Preprocessing withSpectrogram(int window, int hop) {
        return new Preprocessing(normalize, resize, mean, std, new Spectrogram(window, hop));
    }

    @Override
    public float[] mean() {
        return mean == null ? null : mean.clone();
    }

    @Override
    public float[] std() {
        return std == null ? null : std.clone();
    }

    /** Whether it fits a model whose input has {@code channels} channels. */
    public void checkChannels(int channels) {
        if (mean != null && mean.length != channels) {
            throw new UserInputException("preprocessing: mean and std have " + mean.length
                    + " channel(s) but the input has " + channels);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preprocessing p && normalize.equals(p.normalize) && resize.equals(p.resize)
                && Arrays.equals(mean, p.mean) && Arrays.equals(std, p.std)
                && java.util.Objects.equals(spectrogram, p.spectrogram);
    }

    @Override
    public int hashCode() {
        return ((normalize.hashCode() * 31 + resize.hashCode()) * 31 + Arrays.hashCode(mean)) * 31
                + java.util.Objects.hashCode(spectrogram);
    }

    @Override
    public String toString() {
        return normalize + (mean == null ? "" : " (mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std) + ")")
                + ", resize " + resize
                + (spectrogram == null ? "" : ", spectrogram window " + spectrogram.window() + " hop " + spectrogram.hop());
    }
}
