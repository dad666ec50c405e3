package org.convlab.nn.layers;

import java.util.Arrays;
import org.convlab.engine.Parallel;

/**
 * Zeroes gradient buffers before a backward pass accumulates into them. Large buffers (LeNet's
 * first activation gradients are over a megabyte at batch 64) are split over the pool, since
 * one core cannot saturate the memory bus; chunks are fixed in size, not in thread count.
 */
public final class Zero {
    private static final int CHUNK = 1 << 16;

    private Zero() {}

    // a[0, n) = 0
    public static void fill(float[] a, int n) {
        if (n <= 2 * CHUNK) {
            Arrays.fill(a, 0, n, 0f);
            return;
        }
        int tasks = (n + CHUNK - 1) / CHUNK;
        Parallel.shared().forEach(tasks, t -> Arrays.fill(a, t * CHUNK, Math.min(n, (t + 1) * CHUNK), 0f));
    }
}
