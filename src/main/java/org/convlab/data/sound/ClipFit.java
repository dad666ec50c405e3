package org.convlab.data.sound;

/**
 * How a clip of any length becomes the model's input length, the 1D twin of the image resize
 * modes ({@code --resize}):
 * <ul>
 *   <li>{@code stretch}: resampled by linear interpolation, so every clip fills the input
 *       (output i reads the clip at position i (L - 1) / (N - 1): first and last samples stay);</li>
 *   <li>{@code crop}: the time scale is kept: a longer clip loses equal parts at both ends
 *       (centre crop), a shorter one gets zeros (silence) on both sides (centre pad);</li>
 *   <li>{@code fit}: the whole clip is kept: a shorter clip is padded as with crop, a longer one
 *       is resampled down to the input length, as a picture is shrunk to fit.</li>
 * </ul>
 * When the split is odd, the extra sample is cut (or padded) at the end.
 */
public final class ClipFit {
    public enum Mode { STRETCH, CROP, FIT }

    private ClipFit() {}

    /** Writes the clip, fitted to {@code n} values, into {@code out[offset .. offset + n)}. */
    public static void fit(float[] clip, float[] out, int offset, int n, Mode mode) {
        int length = clip.length;
        boolean resample = mode == Mode.STRETCH || (mode == Mode.FIT && length > n);
        if (resample) {
            resample(clip, out, offset, n);
        } else {
            cropOrPad(clip, out, offset, n);
        }
    }

    /** Linear interpolation from {@code clip.length} samples to {@code n}, first to first and last to last. */
    public static void resample(float[] clip, float[] out, int offset, int n) {
        int length = clip.length;
        if (n == 1 || length == 1) {
            for (int i = 0; i < n; i++) {
                out[offset + i] = n == 1 ? clip[(length - 1) / 2] : clip[0];
            }
            return;
        }
        double step = (double) (length - 1) / (n - 1);
        for (int i = 0; i < n; i++) {
            double position = i * step;
            int left = Math.min((int) Math.floor(position), length - 2);
            double t = position - left;
            out[offset + i] = (float) (clip[left] * (1 - t) + clip[left + 1] * t);
        }
    }

    /** Centre crop (a longer clip) or centre zero pad (a shorter one); equal lengths are copied. */
    public static void cropOrPad(float[] clip, float[] out, int offset, int n) {
        int length = clip.length;
        if (length >= n) {
            System.arraycopy(clip, (length - n) / 2, out, offset, n);
            return;
        }
        int before = (n - length) / 2;
        java.util.Arrays.fill(out, offset, offset + n, 0f);
        System.arraycopy(clip, 0, out, offset + before, length);
    }

    /** What a mode does to a clip, for the data line. */
    public static String describe(Mode mode) {
        return switch (mode) {
            case STRETCH -> "resampled to the input length (linear interpolation)";
            case CROP -> "centre cropped or zero padded to the input length, keeping the time scale";
            default -> "zero padded when shorter, resampled down when longer than the input";
        };
    }
}
