package org.convlab.cli.bench;

import org.convlab.engine.gemm.GemmKernel;
import org.convlab.engine.gemm.GemmKernels;
import org.convlab.engine.simd.VectorGemm;

/** Test-scope: raw micro-kernel GFLOP/s on one thread (C 64x256 += A 64x288 * B 288x256, B read in panels). */
public final class KernelMain {
    public static void main(String[] args) {
        GemmKernel k = args.length > 0 ? (args[0].equals("scalar") ? GemmKernels.scalar() : VectorGemm.create(Integer.parseInt(args[0]))) : GemmKernels.best();
        int m = 64, depth = 288, n = 256, ld = 272;
        float[] a = new float[m * depth], b = new float[depth * ld], c = new float[m * n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(1); for (int i = 0; i < a.length; i++) a[i] = (float) r.nextDouble(); for (int i = 0; i < b.length; i++) b[i] = (float) r.nextDouble();
        int mr = k.rowBlock(), nr = k.colBlock();
        for (int rep = 0; rep < 15; rep++) {
            long t0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            int iters = 200;
            for (int it = 0; it < iters; it++) {
                for (int j = 0; j < n; j += nr) {
                    for (int f = 0; f < m; f += mr) {
                        k.multiply(Math.min(mr, m - f), Math.min(nr, n - j), depth, a, f * depth, depth, 1, b, j, ld, c, f * n + j, n, false);
                    }
                }
            }
            double s = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - t0) / 1e9;
            System.out.printf("%s mr=%d nr=%d: %.1f GFLOP/s%n", k.getClass().getSimpleName(), mr, nr, 2.0 * m * n * depth * iters / s / 1e9);
        }
    }
}
