package org.convlab.data.input;

import java.util.Arrays;
import org.convlab.MemoryGuard;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;

/** Checks a tensor file's shape and values against the model's input and explains a mismatch. */
final class InputShapes {
    private InputShapes() {}

    /**
     * Accepts {@code dims} when it equals the model's [C, H, W] once sizes of 1 are dropped from
     * both (so [1, C, H, W], [H, W] for one channel and [T] for a 1D signal of shape [1, 1, T]
     * all fit); otherwise throws naming the file and both shapes.
     */
    static void check(String file, long[] dims, Shape expected) {
        long[] want = {expected.channels(), expected.height(), expected.width()};
        if (!Arrays.equals(squeeze(dims), squeeze(want))) {
            String shown = dims.length > 8 ? Arrays.toString(Arrays.copyOf(dims, 8)).replace("]", ", ...]") : Arrays.toString(dims);
            throw new UserInputException(file + " holds a tensor of shape " + shown
                    + " but the model's input is " + Arrays.toString(want) + " (channels, height, width)");
        }
    }

    private static long[] squeeze(long[] dims) {
        return Arrays.stream(dims).filter(d -> d != 1).toArray();
    }

    /** The number of values, saturating at {@link Long#MAX_VALUE} instead of wrapping. */
    static long count(long[] dims) {
        long n = 1;
        for (long d : dims) {
            n = MemoryGuard.times(n, d);
        }
        return n;
    }

    /** Refuses a NaN or infinite value, naming its index and its place in the model's input. */
    static void requireFinite(String file, float[] values, Shape shape) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                int plane = shape.height() * shape.width();
                int c = i / plane;
                int y = (i % plane) / shape.width();
                int x = i % shape.width();
                throw new UserInputException(file + ": value " + i + " (channel " + c + ", row " + y + ", column " + x
                        + ") is " + values[i] + ": inputs must be finite numbers");
            }
        }
    }
}
