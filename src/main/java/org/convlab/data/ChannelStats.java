package org.convlab.data;

import java.util.Arrays;

/**
 * The normalisation applied to every split: value' = (value - mean[c]) / std[c] per channel,
 * where value is the pixel in [0,1] (or the CSV value as stored). UNIT is mean 0, std 1;
 * SYMMETRIC mean 0.5, std 0.5; STANDARDIZE measures them on the training split. Keep it with a
 * trained model to prepare new inputs the same way.
 */
public record ChannelStats(float[] mean, float[] std) {
    public ChannelStats {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("mean and std need one value per channel");
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** The same (mean, std) for every channel. */
    public static ChannelStats uniform(int channels, float mean, float std) {
        float[] m = new float[channels];
        float[] s = new float[channels];
        Arrays.fill(m, mean);
        Arrays.fill(s, std);
        return new ChannelStats(m, s);
    }

    public boolean isIdentity() {
        for (int c = 0; c < mean.length; c++) {
            if (mean[c] != 0 || std[c] != 1) {
                return false;
            }
        }
        return true;
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelStats other && Arrays.equals(mean, other.mean) && Arrays.equals(std, other.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std);
    }
}
