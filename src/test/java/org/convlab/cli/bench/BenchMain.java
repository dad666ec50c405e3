package org.convlab.cli.bench;

import org.convlab.engine.Parallel;
import org.convlab.engine.Simd;

/** Test-scope runner for measuring by hand (not a test): java ... org.convlab.cli.bench.BenchMain THREADS. */
public final class BenchMain {
    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        Parallel.setThreads(threads);
        System.out.println("kernels: " + Simd.describe() + ", threads " + threads);
        System.out.printf("peak %.1f GFLOP/s%n", PeakFlops.measure(threads, 5, 0.3));
        for (ConvBenchmark.ConvShape s : ConvBenchmark.STANDARD_SHAPES) {
            ConvBenchmark.Result r = ConvBenchmark.measure(s, 7, 0.3);
            System.out.printf("%-22s forward %7.1f  forward+backward %7.1f GFLOP/s%n", s, r.forwardGflops(),
                    r.forwardBackwardGflops());
        }
    }
}
