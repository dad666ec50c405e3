package org.convlab.data;

import java.nio.file.Path;
import org.convlab.UserInputException;
import org.convlab.data.sound.ClipFit;
import org.convlab.data.sound.SoundOptions;
import org.convlab.data.sound.Spectrogram;
import org.convlab.data.sound.WavFile;
import org.convlab.engine.Shape;

/**
 * One sound clip as one sample of a model's input, the rule a WAV folder and a single WAV input
 * file share. The input shape decides: 1 x 1 x N takes the waveform fitted to N values by
 * {@link ClipFit} (the resize mode's 1D meaning); 1 x H x W takes the clip's
 * {@link Spectrogram} resized to H x W as an image is.
 */
public final class SoundClips {
    private SoundClips() {}

    /** Whether {@code file} is named as a WAV file. */
    public static boolean isWav(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".wav") || name.endsWith(".wave");
    }

    /** Refuses, in one line, a model input a clip cannot become with these options. */
    public static void requireShape(Shape shape, SoundOptions sound) {
        if (shape.channels() != 1) {
            throw new UserInputException("the model's input has " + shape.channels() + " channels, but a sound clip gives 1"
                    + " (stereo is mixed down to mono): use a model with 1 input channel");
        }
        if (sound.spectrogram() && shape.height() == 1) {
            throw new UserInputException("--spectrogram makes a 2D picture of each clip, but the model's input " + shape
                    + " is 1D: use a model with a 2D input (1 x H x W) or leave out --spectrogram");
        }
        if (!sound.spectrogram() && shape.height() != 1) {
            throw new UserInputException("a sound clip is 1D, but the model's input " + shape + " is 2D: add --spectrogram"
                    + " to turn each clip into a picture, or use a model with input 1 x 1 x N");
        }
    }

    /** Reads one WAV file as a sample of {@code shape}; refusals name the file. */
    public static float[] read(Path file, Shape shape, ResizeMode mode, SoundOptions sound) {
        requireShape(shape, sound);
        float[] out = new float[shape.size()];
        prepare(WavFile.read(file).samples(), shape, mode, sound, out, 0);
        return out;
    }

    /**
     * One WAV file as the input of {@code forward}, {@code grad} and the app: a 1D model takes the
     * waveform, a 2D one the spectrogram with the default window and hop; {@code notes} hears which.
     */
    public static float[] readInput(Path file, Shape shape, ResizeMode mode, java.util.function.Consumer<String> notes) {
        SoundOptions sound = shape.height() == 1 ? SoundOptions.WAVEFORM
                : new SoundOptions(true, SoundOptions.DEFAULT_WINDOW, SoundOptions.DEFAULT_HOP);
        float[] x = read(file, shape, mode, sound);
        // a model file without a stored spectrogram (made by hand, or before they were stored): say which were used
        notes.accept("note: " + file.getFileName() + ": " + describe(shape, mode, sound)
                + (sound.spectrogram() ? " (the default window and hop)" : ""));
        return x;
    }

    /** Writes the sample made of {@code clip} into {@code out[offset .. offset + shape.size())}. */
    static void prepare(float[] clip, Shape shape, ResizeMode mode, SoundOptions sound, float[] out, int offset) {
        if (!sound.spectrogram()) {
            ClipFit.fit(clip, out, offset, shape.width(), clipMode(mode));
            return;
        }
        Spectrogram s = Spectrogram.of(clip, sound.window(), sound.hop());
        Resampler.resize(out, offset, shape.height(), shape.width(), s.values(), 0, s.bins(), s.frames(), mode, 0f);
    }

    /** The image resize mode's meaning for a waveform: stretch resamples, crop keeps the time scale, fit keeps the whole clip. */
    public static ClipFit.Mode clipMode(ResizeMode mode) {
        return switch (mode) {
            case STRETCH -> ClipFit.Mode.STRETCH;
            case CENTER_CROP -> ClipFit.Mode.CROP;
            default -> ClipFit.Mode.FIT;
        };
    }

    /** One line for the user: what each clip became. */
    public static String describe(Shape shape, ResizeMode mode, SoundOptions sound) {
        if (sound.spectrogram()) {
            return "each clip is a " + sound.describe() + ", resized to " + shape.height() + " x " + shape.width()
                    + " as an image is, " + switch (mode) {
                        case STRETCH -> "stretched";
                        case CENTER_CROP -> "centre cropped";
                        default -> "fitted and padded";
                    };
        }
        return "each clip is a waveform of " + shape.width() + " values: " + ClipFit.describe(clipMode(mode));
    }
}
