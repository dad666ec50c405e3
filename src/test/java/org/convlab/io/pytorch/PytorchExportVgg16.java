package org.convlab.io.pytorch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.convlab.HeapPeak;
import org.convlab.model.LayerInfo;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Presets;
import org.convlab.model.ShapeInference;
import org.convlab.model.TestWeights;

/**
 * Exports a VGG-16 with weights (138M values) as a PyTorch project and imports its
 * weights.safetensors back onto the bare architecture, printing the times and peak heaps, then
 * checks every imported value bit for bit. Run by {@link PytorchExportVgg16LongTest} in a JVM
 * whose heap is twice the weights.
 */
public final class PytorchExportVgg16 {
    private PytorchExportVgg16() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        NetworkSpec architecture = Presets.get("vgg16").network();
        NetworkSpec net = TestWeights.withWeights(architecture);
        long weights = 0;
        for (LayerInfo l : ShapeInference.infer(net)) {
            weights += l.weights() + l.biases();
        }
        HeapPeak.reset();
        long t0 = System.nanoTime();
        PytorchProject.write(net, dir, "preset:vgg16");
        long t1 = System.nanoTime();
        long peak = HeapPeak.bytes();
        net = null;
        System.out.printf(Locale.ROOT, "weights %d values (%.1f MB), weights.safetensors %.1f MB, heap max %.0f MB%n", weights,
                weights * 4 / 1e6, Files.size(dir.resolve("weights.safetensors")) / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
        System.out.printf(Locale.ROOT, "export %.1f s, peak heap %.1f MB (%.2fx the weights)%n", (t1 - t0) / 1e9,
                peak / 1e6, peak / (weights * 4.0));
        HeapPeak.reset();
        long t2 = System.nanoTime();
        NetworkSpec back = StateDictImport.apply(architecture, dir.resolve("weights.safetensors"));
        long t3 = System.nanoTime();
        long importPeak = HeapPeak.bytes();
        System.out.printf(Locale.ROOT, "import %.1f s, peak heap %.1f MB (%.2fx the weights)%n", (t3 - t2) / 1e9,
                importPeak / 1e6, importPeak / (weights * 4.0));
        TestWeights.check(back);
        System.out.println("ok: VGG-16 project exported, weights imported back bit for bit");
    }
}
