package org.convlab.data;

/** Measures and applies {@link ChannelStats} in place. */
final class Normalizer {
    private Normalizer() {}

    /** The statistics a normalisation uses; STANDARDIZE measures them on {@code trainIndices} of {@code data}. */
    static ChannelStats stats(Normalization normalization, boolean pixels, ArrayDataset data, int[] trainIndices) {
        int channels = data.shape().channels();
        if (normalization == Normalization.STANDARDIZE) {
            return measure(data, trainIndices);
        }
        if (normalization == Normalization.SYMMETRIC && pixels) {
            return ChannelStats.uniform(channels, 0.5f, 0.5f);
        }
        return ChannelStats.uniform(channels, 0f, 1f);
    }

    /** Per-channel mean and (population) standard deviation over the given samples, summed in double in index order. */
    static ChannelStats measure(ArrayDataset data, int[] indices) {
        int channels = data.shape().channels();
        int plane = data.shape().plane();
        int size = data.shape().size();
        float[] values = data.values();
        float[] mean = new float[channels];
        float[] std = new float[channels];
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            double sumSq = 0;
            for (int i : indices) {
                int base = i * size + c * plane;
                for (int p = 0; p < plane; p++) {
                    double v = values[base + p];
                    sum += v;
                    sumSq += v * v;
                }
            }
            double n = (double) indices.length * plane;
            double m = n == 0 ? 0 : sum / n;
            double var = n == 0 ? 0 : Math.max(0, sumSq / n - m * m);
            double s = Math.sqrt(var);
            mean[c] = (float) m;
            // a constant channel carries no information; dividing by 1 keeps it finite
            std[c] = s > 1e-8 ? (float) s : 1f;
        }
        return new ChannelStats(mean, std);
    }

    /** Applies the statistics to the first {@code data.size()} samples, in place. */
    static void apply(ChannelStats stats, ArrayDataset data) {
        if (stats.isIdentity()) {
            return;
        }
        float[] mean = stats.mean();
        float[] std = stats.std();
        int plane = data.shape().plane();
        int size = data.shape().size();
        float[] values = data.values();
        for (int i = 0; i < data.size(); i++) {
            for (int c = 0; c < mean.length; c++) {
                int base = i * size + c * plane;
                float m = mean[c];
                float s = std[c];
                for (int p = 0; p < plane; p++) {
                    values[base + p] = (values[base + p] - m) / s;
                }
            }
        }
    }
}
