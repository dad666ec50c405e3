package org.convlab.engine;

import java.util.Arrays;

/**
 * The shape of one sample (no batch dimension): channels x height x width, as PyTorch orders
 * them (NCHW without the N). A flat vector of n values is {@code (n, 1, 1)}; a 1D signal of
 * length T with C channels is {@code (C, 1, T)}.
 */
public record Shape(int channels, int height, int width) {
    public Shape {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("shape sizes must be positive: " + channels + "x" + height + "x" + width);
        }
    }

    public static Shape of(int channels, int height, int width) {
        return new Shape(channels, height, width);
    }

    /** A flat vector of {@code n} values. */
    public static Shape flat(int n) {
        return new Shape(n, 1, 1);
    }

    /**
     * Number of values in one sample; refused, for the user, when it passes what one Java array
     * holds (shape inference counts such shapes in {@code long}s and refuses them, naming the
     * layer, before a network is built: this is the last line of defence).
     */
    public int size() {
        long n = count();
        if (n > Integer.MAX_VALUE) {
            throw new org.convlab.UserInputException("a sample of " + channels + " x " + height + " x " + width
                    + " has more values than one tensor can hold (2^31 - 1)");
        }
        return (int) n;
    }

    /** Number of values in one sample as a long ({@link Long#MAX_VALUE} when c * h * w passes it). */
    public long count() {
        long ch = (long) channels * height; // < 2^62
        long hi = Math.multiplyHigh(ch, width);
        return hi != 0 || ch * width < 0 ? Long.MAX_VALUE : ch * width;
    }

    /** Values in one channel plane. */
    public int plane() {
        return height * width;
    }

    public boolean isFlat() {
        return height == 1 && width == 1;
    }

    /** {@code [C, H, W]} as an array (for JSON). */
    public int[] toArray() {
        return new int[] {channels, height, width};
    }

    /** The slides' order, height x width x channels: {@code 55x55x96}. */
    public String toSlideString() {
        return height + "x" + width + "x" + channels;
    }

    @Override
    public String toString() {
        return Arrays.toString(toArray());
    }
}
