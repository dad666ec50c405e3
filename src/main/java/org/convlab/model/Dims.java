package org.convlab.model;

import org.convlab.MemoryGuard;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;

/**
 * The shape of one sample counted in {@code long}s: channels x height x width. Shape inference
 * and every count use it, so a model whose sizes exceed what one Java array can hold is still
 * counted exactly ("what would it cost?"); {@link #toShape} turns it into the engine's
 * {@code int} {@link Shape} only when a network is built, and refuses there.
 */
public record Dims(long channels, long height, long width) {
    /** The most values one tensor (one Java float array) can hold. */
    public static final long MAX_TENSOR = Integer.MAX_VALUE;

    public Dims {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("sizes must be positive: " + channels + "x" + height + "x" + width);
        }
    }

    public static Dims of(Shape s) {
        return new Dims(s.channels(), s.height(), s.width());
    }

    public static Dims flat(long n) {
        return new Dims(n, 1, 1);
    }

    /** Values in one sample; {@link ArithmeticException} when that does not fit a long. */
    public long count() {
        return Math.multiplyExact(Math.multiplyExact(channels, height), width);
    }

    public boolean isFlat() {
        return height == 1 && width == 1;
    }

    public long[] toArray() {
        return new long[] {channels, height, width};
    }

    /** The slides' order, height x width x channels: {@code 55x55x96}. */
    public String toSlideString() {
        return height + "x" + width + "x" + channels;
    }

    /** Whether the engine can hold it: every size and the whole sample within one Java array. */
    public boolean fitsTensor() {
        return channels <= MAX_TENSOR && height <= MAX_TENSOR && width <= MAX_TENSOR
                && MemoryGuard.times(MemoryGuard.times(channels, height), width) <= MAX_TENSOR;
    }

    /**
     * The engine's shape, or a one-line refusal naming the layer: "layer conv1: its output
     * 1 x 4,294,967,301 x 4,294,967,301 has more values than one tensor can hold (2^31 - 1)".
     *
     * @param owner "layer conv1", "the input"
     * @param what  "output", "input"
     */
    public Shape toShape(String owner, String what) {
        if (!fitsTensor()) {
            throw new UserInputException(owner + ": its " + what + " " + MemoryGuard.count(channels) + " x "
                    + MemoryGuard.count(height) + " x " + MemoryGuard.count(width)
                    + " has more values than one tensor can hold (2^31 - 1)");
        }
        return Shape.of((int) channels, (int) height, (int) width);
    }

    @Override
    public String toString() {
        return "[" + channels + ", " + height + ", " + width + "]";
    }
}
