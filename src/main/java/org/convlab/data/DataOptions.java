package org.convlab.data;

import org.convlab.UserInputException;
import org.convlab.data.sound.SoundOptions;

/**
 * Choices for loading a dataset.
 *
 * @param resize how images of another size fit the model's input (default FIT_PAD)
 * @param normalization how pixel values are scaled (default UNIT, [0,1])
 * @param validationSplit fraction of the training data held out for validation, stratified per class (0 = none)
 * @param seed seeds the split (the same seed gives the same split)
 * @param testSource a held-out test source in the same syntax as the data source, or null
 * @param augmentation what {@link BatchStream} does to training samples (kept here so one object carries the recipe)
 * @param sound how WAV clips become samples (waveform, or spectrogram with its window and hop)
 */
public record DataOptions(ResizeMode resize, Normalization normalization, double validationSplit, long seed,
                          String testSource, Augmentation augmentation, SoundOptions sound) {
    /** Without sound options: clips are read as waveforms. */
    public DataOptions(ResizeMode resize, Normalization normalization, double validationSplit, long seed,
                       String testSource, Augmentation augmentation) {
        this(resize, normalization, validationSplit, seed, testSource, augmentation, SoundOptions.WAVEFORM);
    }

    public DataOptions {
        if (sound == null) {
            sound = SoundOptions.WAVEFORM;
        }
        if (resize == null) {
            resize = ResizeMode.FIT_PAD;
        }
        if (normalization == null) {
            normalization = Normalization.UNIT;
        }
        if (augmentation == null) {
            augmentation = Augmentation.NONE;
        }
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new UserInputException("validation split must be at least 0 and below 1, not " + validationSplit);
        }
    }

    /** FIT_PAD, UNIT, validation split 0.1, seed 1, no test source, no augmentation. */
    public static DataOptions defaults() {
        return new DataOptions(ResizeMode.FIT_PAD, Normalization.UNIT, 0.1, 1, null, Augmentation.NONE);
    }

    public DataOptions withResize(ResizeMode value) {
        return new DataOptions(value, normalization, validationSplit, seed, testSource, augmentation, sound);
    }

    public DataOptions withNormalization(Normalization value) {
        return new DataOptions(resize, value, validationSplit, seed, testSource, augmentation, sound);
    }

    public DataOptions withValidationSplit(double value) {
        return new DataOptions(resize, normalization, value, seed, testSource, augmentation, sound);
    }

    public DataOptions withSeed(long value) {
        return new DataOptions(resize, normalization, validationSplit, value, testSource, augmentation, sound);
    }

    public DataOptions withTestSource(String value) {
        return new DataOptions(resize, normalization, validationSplit, seed, value, augmentation, sound);
    }

    public DataOptions withAugmentation(Augmentation value) {
        return new DataOptions(resize, normalization, validationSplit, seed, testSource, value, sound);
    }

    public DataOptions withSound(SoundOptions value) {
        return new DataOptions(resize, normalization, validationSplit, seed, testSource, augmentation, value);
    }
}
