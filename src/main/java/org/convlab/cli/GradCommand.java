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
import org.convlab.UserInputException;
import org.convlab.nn.Network;
import org.convlab.nn.Parameter;
import org.convlab.nn.layers.Layer;
import org.convlab.trace.backward.BackwardTracer;
import org.convlab.trace.backward.GradientTrace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code grad MODEL --input FILE --label K [--explain TARGET] [--json]}: the loss and the gradient of
 * every parameter and of the input; with --explain, one value term by term ({@link GradExplain}).
 */
@Command(name = "grad", mixinStandardHelpOptions = true,
        description = {"Softmax cross-entropy loss for one input and its label, and the gradient of every parameter"
                + " and of the input (inference mode: dropout off, batch norm running statistics, as PyTorch's eval()).",
                "Gradients are flat arrays in PyTorch's layouts: conv [F, C, KH, KW], dense [out, in], input [C, H, W]."})
final class GradCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "a model file (.json or .onnx) or preset:NAME")
    String model;

    @CommandLine.Mixin
    ClassNamesOption classNames = new ClassNamesOption();

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "the input: image, .json tensor or .npy")
    Path input;

    @Option(names = "--label", required = true, paramLabel = "K", description = "the true class: index from 0, or class name")
    String label;

    @Option(names = "--json", description = "print one JSON object as the last line")
    boolean json;

    @Option(names = "--pixels", defaultValue = "auto", paramLabel = "SCALE", converter = OptionRanges.Pixels.class,
            description = "image pixel values: unit, signed, ink or auto (as for forward; default: ${DEFAULT-VALUE})")
    String pixels;

    @Option(names = "--seed", defaultValue = "1", converter = OptionRanges.Seed.class, description = "seed for weights the model does not store (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--reference", description = "run the scalar reference kernels")
    boolean reference;

    @Option(names = "--explain", paramLabel = "TARGET",
            description = {"print every term of one gradient value in the order the engine adds it (output position,"
                    + " forward factor, upstream gradient, product, running sum), then the divisor and the value."
                    + " TARGET: LAYER:w[...] or LAYER:b[i] of a top-level conv or dense layer (conv1:w[0][0][1][1],"
                    + " fc1:b[2]) or input[c][h][w]. The whole command then runs on the scalar reference kernels"
                    + " (as --reference), whose bits can differ slightly from the fast ones, so the value is"
                    + " bit-identical to the printed gradients. Layers inside residual/inception blocks are not covered yet."})
    String explain;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Network net = NetworkInput.network(model, classNames.names(), seed, err);
        if (explain != null) {
            GradExplain.checkForm(explain);
        }
        net.setReference(reference || explain != null);
        int k = label(label, net);
        float[] x = NetworkInput.read(input, net, pixels, err);
        net.setInputGradient(true);
        float loss;
        GradientTrace trace = null;
        if (explain != null) {
            // the traced value and the listed gradients come from the same reference backward
            BackwardTracer tracer = BackwardTracer.run(net, x, k);
            loss = tracer.lossValue();
            trace = GradExplain.trace(tracer, explain);
        } else {
            net.forward(x, 1, false);
            loss = net.backwardCrossEntropy(new int[] {k});
        }

        List<Map<String, Object>> layers = new ArrayList<>();
        List<Layer> top = net.layers();
        for (int i = 0; i < top.size(); i++) {
            List<Layer> withInner = new ArrayList<>();
            collect(top.get(i), withInner);
            for (Layer l : withInner) {
                Parameter w = net.parameter(l.name() + ".weight");
                Parameter b = net.parameter(l.name() + ".bias");
                if (w == null && b == null) {
                    continue;
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("index", i);
                m.put("name", l.name());
                m.put("weight_grad", w == null ? null : w.grad());
                m.put("bias_grad", b == null ? null : b.grad());
                layers.add(m);
            }
        }
        float[] dX = Arrays.copyOf(net.inputGradient(), net.inputShape().size());
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("loss", loss);
            result.put("layers", layers);
            result.put("input_grad", dX);
            if (trace != null) {
                result.put("explain", GradExplain.json(trace));
            }
            out.println(new ObjectMapper().writeValueAsString(result));
        } else {
            out.printf(Locale.ROOT, "loss (softmax cross-entropy, label %d = %s): %.6f%n", k, NetworkInput.className(net, k), loss);
            out.printf(Locale.ROOT, "%-3s %-20s %-14s %12s %12s%n", "#", "layer", "tensor", "max |grad|", "L2 norm");
            for (Map<String, Object> m : layers) {
                for (String role : new String[] {"weight", "bias"}) {
                    float[] g = (float[]) m.get(role + "_grad");
                    if (g != null) {
                        out.printf(Locale.ROOT, "%-3d %-20s %-14s %12.6g %12.6g%n", m.get("index"), m.get("name"), role,
                                maxAbs(g), norm(g));
                    }
                }
            }
            out.printf(Locale.ROOT, "%-3s %-20s %-14s %12.6g %12.6g%n", "", "input", net.inputShape().toSlideString(),
                    maxAbs(dX), norm(dX));
            if (trace != null) {
                GradExplain.print(out, trace);
            }
        }
        out.flush();
        return 0;
    }

    /** {@code --label}: a class index 0..classes-1 or a class name; anything else names the option and the range. */
    static int label(String text, Network net) {
        List<String> names = net.spec().classes();
        int classes = net.classes();
        String range = "a class index from 0 to " + (classes - 1)
                + (names.isEmpty() ? "" : " or a class name (" + String.join(", ", names) + ")");
        String t = text.trim();
        if (t.matches("[+-]?\\d+")) {
            long k;
            try {
                k = Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
            } catch (NumberFormatException e) {
                k = Long.MAX_VALUE; // more digits than a long: out of range all the same
            }
            if (k < 0 || k >= classes) {
                throw new UserInputException("--label must be " + range + ", got " + t);
            }
            return (int) k;
        }
        int k = names.indexOf(t);
        if (k < 0 || k >= classes) {
            throw new UserInputException("--label must be " + range + ", got '" + text + "'");
        }
        return k;
    }

    private static void collect(Layer l, List<Layer> into) {
        into.add(l);
        for (Layer inner : l.innerLayers()) {
            collect(inner, into);
        }
    }

    private static double maxAbs(float[] g) {
        double m = 0;
        for (float v : g) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static double norm(float[] g) {
        double s = 0;
        for (float v : g) {
            s += (double) v * v;
        }
        return Math.sqrt(s);
    }
}
