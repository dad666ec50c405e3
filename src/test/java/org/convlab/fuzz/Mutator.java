package org.convlab.fuzz;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded mutations of a file's bytes. The same seed gives the same mutation, so a failing case is
 * reproduced from its kind and seed alone. Each mutation says in words what it did (the report
 * quotes it), and whether the result is certainly broken (then the CLI must refuse it).
 */
final class Mutator {
    /** A mutated file: its bytes, what was done, and whether a refusal is required. */
    record Mutant(byte[] bytes, String what, boolean mustRefuse) {}

    /** Integers a header or option might be set to: the edges of int, long and beyond. */
    static final long[] EXTREME_INTS = {0, -1, 1, 255, 65535, 0x7fffffffL, 0x80000000L, 0xffffffffL, 0x7ffffff0L};

    private final SplittableRandom rng;

    Mutator(long seed) {
        this.rng = new SplittableRandom(seed);
    }

    SplittableRandom rng() {
        return rng;
    }

    int below(int n) {
        return n <= 0 ? 0 : rng.nextInt(n);
    }

    <T> T pick(T[] options) {
        return options[rng.nextInt(options.length)];
    }

    long pick(long[] options) {
        return options[rng.nextInt(options.length)];
    }

    /** Cuts the file at a random point (at least one byte goes). */
    Mutant truncate(byte[] in) {
        int at = below(in.length);
        return new Mutant(Arrays.copyOf(in, at), "cut to " + at + " of " + in.length + " bytes", true);
    }

    /** Flips 1 to 8 random bytes to other values. */
    Mutant flip(byte[] in) {
        byte[] out = in.clone();
        int n = 1 + below(8);
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < n && out.length > 0; i++) {
            int at = below(out.length);
            out[at] ^= (byte) (1 + below(255));
            where.append(i == 0 ? "" : ",").append(at);
        }
        return new Mutant(out, "changed bytes at " + where, false);
    }

    /** Appends 1 to 64 random bytes (or a second copy of the start of the file). */
    Mutant append(byte[] in) {
        byte[] tail;
        if (rng.nextBoolean()) {
            tail = new byte[1 + below(64)];
            for (int i = 0; i < tail.length; i++) {
                tail[i] = (byte) rng.nextInt(256);
            }
        } else {
            tail = Arrays.copyOf(in, Math.min(in.length, 1 + below(64)));
        }
        byte[] out = Arrays.copyOf(in, in.length + tail.length);
        System.arraycopy(tail, 0, out, in.length, tail.length);
        return new Mutant(out, "appended " + tail.length + " bytes", false);
    }

    /** Copies a random slice of the file into a random place (duplicated records, chunks, rows). */
    Mutant duplicateSlice(byte[] in) {
        if (in.length == 0) {
            return new Mutant(in, "empty", false);
        }
        int from = below(in.length);
        int len = 1 + below(Math.min(in.length - from, 256));
        int at = below(in.length + 1);
        byte[] out = new byte[in.length + len];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(in, from, out, at, len);
        System.arraycopy(in, at, out, at + len, in.length - at);
        return new Mutant(out, "copied " + len + " bytes from " + from + " to " + at, false);
    }

    /** Writes a 32-bit big- or little-endian value at {@code offset}. */
    static byte[] putInt(byte[] in, int offset, long value, boolean bigEndian) {
        byte[] out = in.clone();
        for (int i = 0; i < 4; i++) {
            int shift = bigEndian ? 24 - 8 * i : 8 * i;
            out[offset + i] = (byte) (value >>> shift);
        }
        return out;
    }

    /** One of the generic byte mutations, chosen by the seed. */
    Mutant anyBytes(byte[] in) {
        return switch (below(4)) {
            case 0 -> truncate(in);
            case 1 -> flip(in);
            case 2 -> append(in);
            default -> duplicateSlice(in);
        };
    }
}
