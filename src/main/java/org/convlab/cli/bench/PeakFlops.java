package org.convlab.cli.bench;

import java.util.Arrays;
import java.util.concurrent.CyclicBarrier;
import org.convlab.engine.Simd;

/**
 * The machine's measured fused multiply-add peak in GFLOP/s: every thread runs a loop of
 * independent vector FMAs (enough accumulators to hide the FMA latency) with no memory traffic.
 * A reference point for the conv figures, not a promise: real kernels also load data.
 */
public final class PeakFlops {
    private PeakFlops() {}

    /** Median over {@code runs} runs of {@code threads} threads looping together for about {@code secondsPerRun}. */
    public static double measure(int threads, int runs, double secondsPerRun) {
        double[] gflops = new double[runs];
        runOnce(threads, 0.2); // warm-up: compile the loop
        for (int r = 0; r < runs; r++) {
            gflops[r] = runOnce(threads, secondsPerRun);
        }
        Arrays.sort(gflops);
        return gflops[runs / 2];
    }

    private static double runOnce(int threads, double seconds) {
        long iterations = Math.max(1, (long) (seconds * 2e8 / 12));
        double[] flops = new double[threads];
        CyclicBarrier barrier = new CyclicBarrier(threads);
        Thread[] workers = new Thread[threads];
        long[] nanos = new long[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers[t] = new Thread(() -> {
                try {
                    barrier.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                long t0 = System.nanoTime();
                flops[id] = Simd.AVAILABLE ? VectorFmaLoop.run(iterations) : scalarLoop(iterations);
                nanos[id] = System.nanoTime() - t0;
            }, "peak-flops-" + t);
            workers[t].start();
        }
        double total = 0;
        long slowest = 1;
        for (int t = 0; t < threads; t++) {
            try {
                workers[t].join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            total += flops[t];
            slowest = Math.max(slowest, nanos[t]);
        }
        return total / slowest;
    }

    /** 8 independent scalar multiply-add chains (what the JIT makes of it, for the scalar path). */
    private static double scalarLoop(long iterations) {
        float a0 = 1, a1 = 1, a2 = 1, a3 = 1, a4 = 1, a5 = 1, a6 = 1, a7 = 1;
        float m = 0.9999999f, c = 1e-7f;
        for (long i = 0; i < iterations; i++) {
            a0 = Math.fma(a0, m, c); a1 = Math.fma(a1, m, c); a2 = Math.fma(a2, m, c); a3 = Math.fma(a3, m, c);
            a4 = Math.fma(a4, m, c); a5 = Math.fma(a5, m, c); a6 = Math.fma(a6, m, c); a7 = Math.fma(a7, m, c);
        }
        if (a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 == 42) {
            System.out.print(""); // keeps the loop alive
        }
        return 2.0 * 8 * iterations;
    }
}
