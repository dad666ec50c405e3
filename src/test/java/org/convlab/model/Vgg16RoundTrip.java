package org.convlab.model;

import java.nio.file.Files;
import java.nio.file.Path;
import org.convlab.HeapPeak;

/**
 * Writes a VGG-16 with weights (138M parameters, 553 MB of floats) to a file, forgets it, reads
 * it back and checks every value bit for bit, printing the time and the peak heap of each half.
 * Run by {@link Vgg16RoundTripLongTest} in a JVM with a heap of about twice the weights.
 */
public final class Vgg16RoundTrip {
    private Vgg16RoundTrip() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        NetworkSpec net = TestWeights.withWeights(Presets.get("vgg16").network());
        long weights = 0;
        for (LayerInfo l : ShapeInference.infer(net)) {
            weights += l.weights() + l.biases();
        }
        HeapPeak.reset();
        long t0 = System.nanoTime();
        ModelFiles.write(file, net);
        long t1 = System.nanoTime();
        long writePeak = HeapPeak.bytes();
        net = null;
        HeapPeak.reset();
        long t2 = System.nanoTime();
        NetworkSpec back = ModelFiles.read(file);
        long t3 = System.nanoTime();
        long readPeak = HeapPeak.bytes();
        TestWeights.check(back);
        System.out.printf(java.util.Locale.ROOT, "weights %d values (%.1f MB), file %.1f MB, heap max %.0f MB%n", weights,
                weights * 4 / 1e6, Files.size(file) / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
        System.out.printf(java.util.Locale.ROOT, "write %.1f s, peak heap %.1f MB (%.2fx the weights)%n", (t1 - t0) / 1e9,
                writePeak / 1e6, writePeak / (weights * 4.0));
        System.out.printf(java.util.Locale.ROOT, "read %.1f s, peak heap %.1f MB (%.2fx the weights)%n", (t3 - t2) / 1e9,
                readPeak / 1e6, readPeak / (weights * 4.0));
        System.out.println("ok: every value read back bit for bit");
    }
}
