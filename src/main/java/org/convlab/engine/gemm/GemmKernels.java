package org.convlab.engine.gemm;

import org.convlab.engine.Simd;

/** Picks the micro-kernel: Vector API when available, else the scalar one. */
public final class GemmKernels {
    private static final GemmKernel BEST = Simd.AVAILABLE ? org.convlab.engine.simd.VectorGemm.create()
            : ScalarGemmKernel.INSTANCE;

    private GemmKernels() {}

    /** The fastest kernel this JVM can run. */
    public static GemmKernel best() {
        return BEST;
    }

    /** The scalar kernel (what runs without the Vector API; tests call it directly). */
    public static GemmKernel scalar() {
        return ScalarGemmKernel.INSTANCE;
    }
}
