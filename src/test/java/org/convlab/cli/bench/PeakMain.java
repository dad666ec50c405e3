package org.convlab.cli.bench;

/** Test-scope: FMA peak of one thread in thread CPU time (robust to a shared machine). */
public final class PeakMain {
    public static void main(String[] args) {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 0; r < 6; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            double flops = VectorFmaLoop.run(50_000_000L);
            System.out.printf("peak (cpu time) %.1f GFLOP/s%n", flops / (mx.getCurrentThreadCpuTime() - t0));
        }
    }
}
