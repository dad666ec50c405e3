package org.convlab.engine;

/**
 * Per-thread working buffers of the fast convolution, grown on demand and then reused, so a
 * training loop allocates nothing per step. Each engine thread (and each calling thread) has its
 * own, so concurrent callers never share one.
 */
final class Conv2dScratch {
    private static final ThreadLocal<Conv2dScratch> LOCAL = ThreadLocal.withInitial(Conv2dScratch::new);

    float[] col = new float[0];
    float[] dcol = new float[0];
    float[] dy = new float[0];
    float[] dyT = new float[0];
    /** Owned by the calling thread: per-task dW/dB partial sums of one backward call. */
    float[] partials = new float[0];

    static Conv2dScratch get() {
        return LOCAL.get();
    }

    /** An array of at least {@code size} floats (old contents kept only when it was big enough). */
    static float[] ensure(float[] current, int size) {
        return current.length >= size ? current : new float[size];
    }
}
