package org.convlab.engine.gemm;

/**
 * Per-thread working buffers of the fast convolution and dense layers, grown on demand and then reused, so a
 * training loop allocates nothing per step. Each engine thread (and each calling thread) has its
 * own, so concurrent callers never share one.
 */
public final class GemmScratch {
    private static final ThreadLocal<GemmScratch> LOCAL = ThreadLocal.withInitial(GemmScratch::new);

    public float[] col = new float[0];
    public float[] dcol = new float[0];
    public float[] dy = new float[0];
    public float[] dyT = new float[0];
    public float[] padded = new float[0];
    public float[] paddedGrad = new float[0];
    public float[] panelA = new float[0];
    public float[] panelB = new float[0];
    public int[] offsets = new int[0];
    /** Owned by the calling thread: the flipped conv weights of one backward call. */
    public float[] flipped = new float[0];
    /** Owned by the calling thread: per-task dW/dB partial sums of one backward call. */
    public float[] partials = new float[0];

    /** This thread's buffers. */
    public static GemmScratch get() {
        return LOCAL.get();
    }

    /** An array of at least {@code size} floats (old contents kept only when it was big enough). */
    public static float[] ensure(float[] current, int size) {
        return current.length >= size ? current : new float[size];
    }
}
