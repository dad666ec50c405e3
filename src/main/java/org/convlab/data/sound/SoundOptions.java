package org.convlab.data.sound;

/**
 * How sound clips become samples: as the waveform (a model input of 1 x 1 x N), or with
 * {@code spectrogram} as a picture of its short-time Fourier transform ({@link Spectrogram},
 * {@code window} and {@code hop} in samples) resized to a 2D input of 1 x H x W.
 */
public record SoundOptions(boolean spectrogram, int window, int hop) {
    public static final int DEFAULT_WINDOW = 256;
    public static final int DEFAULT_HOP = 128;
    public static final SoundOptions WAVEFORM = new SoundOptions(false, DEFAULT_WINDOW, DEFAULT_HOP);

    public SoundOptions {
        Fft.requireSize(window, "--window");
        if (hop < 1 || hop > 1 << 20) {
            throw new org.convlab.UserInputException("--hop: " + hop + " is not a number of samples from 1 to 1,048,576");
        }
    }

    /** For the data line: how each clip was turned into a sample. */
    public String describe() {
        return spectrogram ? "spectrogram (STFT, Hann window " + window + ", hop " + hop + ", log(1 + |X|))" : "waveform";
    }
}
