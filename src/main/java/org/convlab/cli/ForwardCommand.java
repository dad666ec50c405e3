package org.convlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.convlab.nn.Network;
import org.convlab.nn.layers.Layer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code forward MODEL --input FILE [--json]}: every layer's output for one input, and the class probabilities. */
@Command(name = "forward", mixinStandardHelpOptions = true,
        description = {"Every layer's output for one input, and the class probabilities (inference mode:"
                + " dropout off, batch norm running statistics).",
                "FILE is an image (PNG, JPEG, BMP, GIF; converted to the model's channels and resized to its input),"
                        + " a JSON tensor {\"shape\": [C, H, W], \"data\": [...]} or a float32 .npy array."})
final class ForwardCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "a model file (.json or .onnx) or preset:NAME")
    String model;

    @CommandLine.Mixin
    ClassNamesOption classNames = new ClassNamesOption();

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "the input: image, .json tensor or .npy")
    Path input;

    @Option(names = "--json", description = "print one JSON object as the last line")
    boolean json;

    @Option(names = "--pixels", defaultValue = "auto", paramLabel = "SCALE", converter = OptionRanges.Pixels.class,
            description = "image pixel values: unit ([0,1], white 1), signed ([-1,1]), ink (black +1, white -1);"
                    + " auto = ink for 9x9 grey models (X/O), unit otherwise (default: ${DEFAULT-VALUE})")
    String pixels;

    @Option(names = "--seed", defaultValue = "1", converter = OptionRanges.Seed.class, description = "seed for weights the model does not store (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--reference", description = "run the scalar reference kernels (what the step-through shows)")
    boolean reference;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Network net = NetworkInput.network(model, classNames.names(), seed, err);
        net.setReference(reference);
        float[] x = NetworkInput.read(input, net, pixels, err);
        net.forward(x, 1, false);
        float[] probs = Arrays.copyOf(net.probabilities(), net.classes());

        if (json) {
            List<Map<String, Object>> layers = new ArrayList<>();
            List<Layer> all = net.layers();
            for (int i = 0; i < all.size(); i++) {
                Layer l = all.get(i);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("index", i);
                m.put("name", l.name());
                m.put("type", l.type());
                m.put("shape", l.outputShape().toArray());
                m.put("data", Arrays.copyOf(l.output(), l.outputShape().size()));
                layers.add(m);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("layers", layers);
            result.put("probabilities", probs);
            out.println(new ObjectMapper().writeValueAsString(result));
        } else {
            printTable(out, net, probs);
        }
        out.flush();
        return 0;
    }

    private void printTable(PrintWriter out, Network net, float[] probs) {
        out.printf(Locale.ROOT, "%-3s %-16s %-14s %-12s %10s %10s %10s%n", "#", "layer", "type", "output", "min", "max", "mean");
        List<Layer> all = net.layers();
        for (int i = 0; i < all.size(); i++) {
            Layer l = all.get(i);
            float[] y = l.output();
            int n = l.outputShape().size();
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (int j = 0; j < n; j++) {
                min = Math.min(min, y[j]);
                max = Math.max(max, y[j]);
                sum += y[j];
            }
            if (n == 0) { // nothing to sum: no "Infinity" or "NaN" in the table
                out.printf(Locale.ROOT, "%-3d %-16s %-14s %-12s %10s %10s %10s%n", i, l.name(), l.type(),
                        l.outputShape().toSlideString(), "-", "-", "-");
                continue;
            }
            out.printf(Locale.ROOT, "%-3d %-16s %-14s %-12s %10.4f %10.4f %10.4f%n", i, l.name(), l.type(),
                    l.outputShape().toSlideString(), min, max, sum / n);
        }
        out.println();
        out.println("probabilities:");
        int best = 0;
        for (int k = 0; k < probs.length; k++) {
            out.printf(Locale.ROOT, "  %-12s %.4f%n", NetworkInput.className(net, k), probs[k]);
            if (probs[k] > probs[best]) {
                best = k;
            }
        }
        out.println("prediction: " + NetworkInput.className(net, best));
    }
}
