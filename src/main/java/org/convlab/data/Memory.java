package org.convlab.data;

import org.convlab.UserInputException;

/** Allocates the one big array of a dataset, refusing clearly when it cannot fit. */
final class Memory {
    private Memory() {}

    /** A float[] of {@code count} values for {@code what}, or a user error saying how much memory it needs. */
    static float[] allocate(long count, String what) {
        long bytes = count * Float.BYTES;
        long max = Runtime.getRuntime().maxMemory();
        if (count > Integer.MAX_VALUE - 16 || bytes > max * 0.9) {
            throw new UserInputException(what + " needs " + megabytes(bytes) + " MB of memory as floats, more than the "
                    + megabytes(max) + " MB Java may use: use fewer or smaller images, or start Java with a larger -Xmx");
        }
        try {
            return new float[(int) count];
        } catch (OutOfMemoryError e) {
            throw new UserInputException(what + " needs " + megabytes(bytes) + " MB of memory as floats, which is not free:"
                    + " start Java with a larger -Xmx");
        }
    }

    static long megabytes(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
