package org.convlab;

/**
 * The one memory guard (DESIGN.md): every allocation whose size a user's model or data decides is
 * checked against the heap first, and refused with one message that says what it needs, what
 * there is and what to change. Sizes are {@code long} and saturate instead of overflowing, so an
 * absurd request reads "needs 8,589,934,592 GB", never a negative number.
 */
public final class MemoryGuard {
    /** Share of the maximum heap one request may take, leaving room for the rest of the program. */
    static final double USABLE_SHARE = 0.9;

    private MemoryGuard() {}

    /**
     * Refuses, with a {@link UserInputException}, when {@code bytes} will not fit in the heap now.
     *
     * @param what   what the memory is for, naming the file, layer or option ("the weights of fc6")
     * @param advice what the user can change before the -Xmx hint ("use a smaller --batch"), or null
     */
    public static void require(long bytes, String what, String advice) {
        if (fits(bytes)) {
            return;
        }
        System.gc(); // only on the refusal path: garbage may be all that stands in the way
        if (!fits(bytes)) {
            throw refusal(bytes, what, advice);
        }
    }

    /** A float[] of {@code count} values, or a refusal naming {@code what}. */
    public static float[] floats(long count, String what, String advice) {
        long bytes = times(count, Float.BYTES);
        if (count < 0 || count > Integer.MAX_VALUE - 16) {
            throw new UserInputException(what + " needs " + count(count) + " values (" + size(bytes)
                    + "), more than the 2,147,483,631 one Java array can hold" + (advice == null ? "" : ": " + advice));
        }
        require(bytes, what, advice);
        try {
            return new float[(int) count];
        } catch (OutOfMemoryError e) {
            throw refusal(bytes, what, advice);
        }
    }

    /** A byte[] of {@code count} bytes, or a refusal naming {@code what}. */
    public static byte[] bytes(long count, String what, String advice) {
        if (count < 0 || count > Integer.MAX_VALUE - 16) {
            throw new UserInputException(what + " needs " + size(count)
                    + " in one block, more than the 2 GB one Java array can hold" + (advice == null ? "" : ": " + advice));
        }
        require(count, what, advice);
        try {
            return new byte[(int) count];
        } catch (OutOfMemoryError e) {
            throw refusal(count, what, advice);
        }
    }

    /** The refusal for an {@link OutOfMemoryError} caught after the fact (the last line of defence). */
    public static UserInputException refusal(long bytes, String what, String advice) {
        long max = Runtime.getRuntime().maxMemory();
        return new UserInputException(what + " needs " + (bytes > 0 ? size(bytes) : "more memory") + ", but Java may use "
                + size(max) + " here (" + size(free()) + " free): " + (advice == null ? "" : advice + ", or ")
                + "start Java with a larger -Xmx (java -Xmx8g ...)");
    }

    /** Bytes the heap can still give, counting memory the JVM has not claimed from the system yet. */
    public static long free() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        return Math.max(0, (long) (rt.maxMemory() * USABLE_SHARE) - used);
    }

    private static boolean fits(long bytes) {
        return bytes >= 0 && bytes <= free();
    }

    /** {@code a * b}, or {@link Long#MAX_VALUE} when the product does not fit a long (sizes are never negative). */
    public static long times(long a, long b) {
        if (a < 0 || b < 0) {
            throw new IllegalArgumentException("sizes are never negative: " + a + " x " + b);
        }
        long hi = Math.multiplyHigh(a, b);
        return hi != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }

    /** {@code a + b}, or {@link Long#MAX_VALUE} when the sum does not fit a long. */
    public static long plus(long a, long b) {
        long s = a + b;
        return ((a ^ s) & (b ^ s)) < 0 ? Long.MAX_VALUE : s;
    }

    /** 1,234 with thousands separators (a {@link Long#MAX_VALUE} reads "more than 9.2e18"). */
    public static String count(long n) {
        return n == Long.MAX_VALUE ? "more than 9.2e18" : String.format(java.util.Locale.ROOT, "%,d", n);
    }

    /** Bytes for people: 812 KB, 553.4 MB, 12.0 GB, 8,589,934,592 GB. */
    public static String size(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than 8 EB";
        }
        if (bytes < (1L << 20)) {
            return String.format(java.util.Locale.ROOT, "%,d KB", (bytes + 1023) >> 10);
        }
        if (bytes < (1L << 30)) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
        }
        return String.format(java.util.Locale.ROOT, "%,.1f GB", bytes / (double) (1L << 30));
    }
}
