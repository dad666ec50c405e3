package org.convlab.data.sound;

import org.convlab.MemoryGuard;

/**
 * A clip as a picture: the magnitude of its short-time Fourier transform. The clip is cut into
 * frames of {@code window} samples every {@code hop} samples, each frame is multiplied by a Hann
 * window (0.5 - 0.5 cos(2 pi t / window), the periodic one PyTorch uses) and transformed by
 * {@link Fft}; the value is log(1 + |X[k]|), which keeps quiet parts visible beside loud ones.
 * The picture has window / 2 + 1 rows, one per frequency bin from 0 Hz to half the sample rate,
 * the highest frequency in the top row as spectrograms are drawn, and one column per frame. A
 * clip shorter than one window is zero padded at the end to one frame.
 *
 * @param bins   window / 2 + 1 rows
 * @param frames columns
 * @param values row major, bins x frames: row r is bin (bins - 1 - r)
 */
public record Spectrogram(int bins, int frames, float[] values) {

    /** How many frames a clip of {@code length} samples gives. */
    public static long frameCount(long length, int window, int hop) {
        return length <= window ? 1 : 1 + (length - window) / hop;
    }

    public static Spectrogram of(float[] clip, int window, int hop) {
        Fft.requireSize(window, "--window");
        if (hop < 1) {
            throw new IllegalArgumentException("hop " + hop);
        }
        int bins = window / 2 + 1;
        long frames = frameCount(clip.length, window, hop);
        float[] values = MemoryGuard.floats(MemoryGuard.times(bins, frames),
                "a spectrogram of " + bins + " x " + frames + " values", "use a larger --hop or shorter clips");
        double[] hann = new double[window];
        for (int t = 0; t < window; t++) {
            hann[t] = 0.5 - 0.5 * Math.cos(2 * Math.PI * t / window);
        }
        double[] re = new double[window];
        double[] im = new double[window];
        int f = (int) frames;
        for (int frame = 0; frame < f; frame++) {
            int start = frame * hop;
            for (int t = 0; t < window; t++) {
                int at = start + t;
                re[t] = at < clip.length ? clip[at] * hann[t] : 0;
                im[t] = 0;
            }
            Fft.transform(re, im);
            for (int k = 0; k < bins; k++) {
                values[(bins - 1 - k) * f + frame] = (float) Math.log1p(Math.hypot(re[k], im[k]));
            }
        }
        return new Spectrogram(bins, f, values);
    }

    /** log(1 + |X[bin]|) of one frame. */
    public float at(int bin, int frame) {
        return values[(bins - 1 - bin) * frames + frame];
    }
}
