package org.convlab.data;

import java.util.SplittableRandom;

/** Random streams derived from (seed, purpose, epoch, index), so every draw is repeatable in isolation. */
final class Seeds {
    static final long SPLIT = 0x5350_4C49_5400_0000L;
    static final long SHUFFLE = 0x5348_5546_0000_0000L;
    static final long AUGMENT = 0x4155_4700_0000_0000L;

    private Seeds() {}

    /** A generator for one (seed, purpose, a, b); mixing with SplitMix64's finaliser separates nearby inputs. */
    static SplittableRandom random(long seed, long purpose, long a, long b) {
        long h = mix(seed ^ purpose);
        h = mix(h ^ a);
        h = mix(h ^ (b * 0x9E37_79B9_7F4A_7C15L));
        return new SplittableRandom(h);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    /** A permutation of 0..n-1 by Fisher-Yates with the given generator. */
    static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
