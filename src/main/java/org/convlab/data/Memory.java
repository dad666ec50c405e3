package org.convlab.data;

import org.convlab.MemoryGuard;

/**
 * The data package's door to the one memory guard ({@link MemoryGuard}): the big arrays of a
 * dataset, refused with what they need, what there is and what to change.
 */
final class Memory {
    /** What a user can change when a dataset does not fit. */
    static final String ADVICE = "use fewer or smaller images (a smaller model input)";

    private Memory() {}

    /** A float[] of {@code count} values for {@code what}, or a user error saying how much memory it needs. */
    static float[] allocate(long count, String what) {
        return MemoryGuard.floats(count, what, ADVICE);
    }

    /** An int[] of {@code count} values (labels) for {@code what}, checked against the heap first. */
    static int[] ints(long count, String what) {
        if (count < 0 || count > Integer.MAX_VALUE - 16) {
            throw new org.convlab.UserInputException(what + " needs " + MemoryGuard.count(count)
                    + " labels, more than one Java array can hold");
        }
        long bytes = MemoryGuard.times(count, Integer.BYTES);
        MemoryGuard.require(bytes, what, ADVICE);
        try {
            return new int[(int) count];
        } catch (OutOfMemoryError e) {
            throw MemoryGuard.refusal(bytes, what, ADVICE);
        }
    }
}
