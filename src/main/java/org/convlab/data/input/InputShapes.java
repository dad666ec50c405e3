package org.convlab.data.input;

import java.util.Arrays;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;

/** Checks a tensor file's shape against the model's input and explains a mismatch. */
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
            throw new UserInputException(file + " holds a tensor of shape " + Arrays.toString(dims)
                    + " but the model's input is " + Arrays.toString(want) + " (channels, height, width)");
        }
    }

    private static long[] squeeze(long[] dims) {
        return Arrays.stream(dims).filter(d -> d != 1).toArray();
    }

    static long count(long[] dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }
}
