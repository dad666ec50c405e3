package org.convlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.convlab.train.TrainingConfig;
import org.convlab.cli.bench.ConvBenchmark;
import org.convlab.cli.bench.LenetBenchmark;
import org.convlab.cli.bench.PeakFlops;
import org.convlab.engine.Parallel;
import org.convlab.engine.Simd;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench [--threads T] [--json]}: the standard speed figures. Each is the median of
 * several timed runs after a warm-up; figures, never pass/fail.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Standard speed figures: the machine's FMA peak, conv GFLOP/s (forward and forward+backward) on"
                + " fixed shapes, LeNet-5 training (batch 64, SGD momentum) and inference (batch 256) images/s,"
                + " single-image forward time of LeNet-5 and of the X/O net.",
                "Run with java --add-modules jdk.incubator.vector for the SIMD kernels."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--threads", paramLabel = "T", converter = OptionRanges.Threads.class,
            description = "engine threads, 1 to 256 (default: all cores)")
    Integer threads;

    @Option(names = "--json", description = "print one JSON object as the last line")
    boolean json;

    @Option(names = "--runs", defaultValue = "7", paramLabel = "N", converter = OptionRanges.Runs.class,
            description = "timed runs per figure, 1 to 1,000 (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "F", hidden = true, converter = OptionRanges.BenchScale.class,
            description = "work per run relative to the default (tests use a tiny scale)")
    double scale;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        int t = threads == null ? Math.min(Runtime.getRuntime().availableProcessors(), TrainingConfig.MAX_THREADS) : threads;
        Parallel.setThreads(t);
        if (!json) {
            out.println("kernels: " + Simd.describe() + ", threads: " + t + ", median of " + runs + " runs");
            out.flush();
        }
        double seconds = 0.2 * scale;
        double peak = PeakFlops.measure(t, runs, seconds);
        List<ConvBenchmark.Result> conv = new ArrayList<>();
        for (ConvBenchmark.ConvShape shape : ConvBenchmark.STANDARD_SHAPES) {
            conv.add(ConvBenchmark.measure(shape, runs, seconds));
        }
        LenetBenchmark.Result lenet = new LenetBenchmark(runs, scale).measure();

        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("threads", t);
            result.put("peak_gflops", round(peak, 1));
            List<Map<String, Object>> shapes = new ArrayList<>();
            for (ConvBenchmark.Result r : conv) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("shape", r.shape().toString());
                m.put("forward_gflops", round(r.forwardGflops(), 1));
                m.put("forward_backward_gflops", round(r.forwardBackwardGflops(), 1));
                shapes.add(m);
            }
            result.put("conv", shapes);
            result.put("lenet5_train_images_per_second", Math.round(lenet.trainImagesPerSecond()));
            result.put("lenet5_infer_images_per_second", Math.round(lenet.inferImagesPerSecond()));
            result.put("lenet5_single_image_forward_ms", round(lenet.singleImageForwardMs(), 4));
            result.put("xo_single_image_forward_us", round(lenet.xoSingleImageForwardUs(), 2));
            out.println(new ObjectMapper().writeValueAsString(result));
        } else {
            out.printf(Locale.ROOT, "FMA peak: %.1f GFLOP/s%n", peak);
            out.printf(Locale.ROOT, "%-26s %16s %26s%n", "conv (N,C,H,W,F,K,pad)", "forward GFLOP/s", "forward+backward GFLOP/s");
            for (ConvBenchmark.Result r : conv) {
                out.printf(Locale.ROOT, "%-26s %16.1f %26.1f%n", r.shape(),
                        r.forwardGflops(), r.forwardBackwardGflops());
            }
            out.printf(Locale.ROOT, "LeNet-5 training, batch 64, SGD momentum: %,.0f images/s%n", lenet.trainImagesPerSecond());
            out.printf(Locale.ROOT, "LeNet-5 inference, batch 256:             %,.0f images/s%n", lenet.inferImagesPerSecond());
            out.printf(Locale.ROOT, "LeNet-5 single-image forward:             %.4f ms%n", lenet.singleImageForwardMs());
            out.printf(Locale.ROOT, "X/O single-image forward:                 %.2f us%n", lenet.xoSingleImageForwardUs());
        }
        out.flush();
        return 0;
    }

    private static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
