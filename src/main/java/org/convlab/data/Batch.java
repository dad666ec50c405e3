package org.convlab.data;

/**
 * One batch: {@code count} samples in {@code x} (count x C x H x W, row major) and their
 * {@code labels}. The arrays are sized for a full batch and reused by {@link BatchStream}: a
 * batch is valid until the next call to {@link BatchStream#next()}; only the first {@code count}
 * samples are meaningful (the last batch of an epoch may be short).
 */
public record Batch(float[] x, int[] labels, int count) {}
