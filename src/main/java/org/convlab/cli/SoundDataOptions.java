package org.convlab.cli;

import org.convlab.UserInputException;
import org.convlab.data.sound.SoundOptions;
import picocli.CommandLine.Option;

/**
 * {@code --spectrogram [--window N] [--hop N]}, shared by {@code train} and {@code eval}: how a
 * folder of WAV clips becomes samples. Without {@code --spectrogram} each clip is its waveform
 * (a model input of 1 x 1 x N); with it, a picture of its short-time Fourier transform.
 */
final class SoundDataOptions {
    @Option(names = "--spectrogram", description = "sound folders: turn each clip into a spectrogram (log(1 + |STFT|),"
            + " frequency bins as rows, frames as columns) resized to the model's 2D input")
    boolean spectrogram;

    @Option(names = "--window", paramLabel = "N", converter = OptionRanges.Window.class,
            description = "with --spectrogram: samples per FFT frame, a power of two (default: 256)")
    Integer window;

    @Option(names = "--hop", paramLabel = "N", converter = OptionRanges.Hop.class,
            description = "with --spectrogram: samples from one frame to the next (default: 128)")
    Integer hop;

    /** As given; without {@code --spectrogram}, the window and hop a model file stores (trained on spectrograms), if any. */
    SoundOptions toOptions(org.convlab.model.Preprocessing stored) {
        if (!spectrogram && window == null && hop == null && stored != null && stored.spectrogram() != null) {
            return new SoundOptions(true, stored.spectrogram().window(), stored.spectrogram().hop());
        }
        return toOptions();
    }

    SoundOptions toOptions() {
        if (!spectrogram && (window != null || hop != null)) {
            throw new UserInputException((window != null ? "--window" : "--hop") + " belongs with --spectrogram:"
                    + " add --spectrogram, or leave it out to use the waveform");
        }
        return new SoundOptions(spectrogram, window != null ? window : SoundOptions.DEFAULT_WINDOW,
                hop != null ? hop : SoundOptions.DEFAULT_HOP);
    }
}
