package org.convlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convlab.UserInputException;
import org.convlab.nn.Network;
import org.convlab.nn.Parameter;
import org.convlab.nn.layers.ConvLayer;
import org.convlab.nn.layers.DenseLayer;
import org.convlab.nn.layers.Layer;
import org.convlab.trace.backward.BackwardTracer;
import org.convlab.trace.backward.GradTerm;
import org.convlab.trace.backward.GradientTrace;

/**
 * {@code grad --explain TARGET}: one gradient value term by term, from the engine's reference
 * backward loops ({@link BackwardTracer}). TARGET is {@code LAYER:w[..]}, {@code LAYER:b[i]} of a
 * top-level conv or dense layer, or {@code input[c][h][w]}. A TARGET that names nothing is a
 * {@link UserInputException} saying what exists.
 */
final class GradExplain {
    private static final Pattern PARAMETER = Pattern.compile("([^:\\s]+):([wb])((?:\\[\\d{1,9}\\])+)");
    private static final Pattern INPUT = Pattern.compile("input((?:\\[\\d{1,9}\\])+)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)\\]");
    static final String FORMS = "LAYER:w[...], LAYER:b[i] or input[c][h][w] (e.g. conv1:w[0][0][1][1])";

    private GradExplain() {}

    /** A parsed TARGET: a layer's weight or bias ({@code layer} != null) or the network input. */
    private record Target(String text, String layer, boolean weight, int[] index) {}

    /**
     * Checks TARGET against the network before anything runs (a typo should not wait for a slow
     * reference pass): its form, the layer, the number of indices and their ranges. Every refusal
     * is one line naming what exists.
     */
    static void check(Network net, String target) {
        Target t = parse(target);
        if (t.layer() == null) {
            org.convlab.engine.Shape s = net.inputShape();
            requireCount("input", "", t.index(), 3, "[channel][row][col]");
            requireInRange("the input", "input", new int[] {s.channels(), s.height(), s.width()}, t.index());
            List<Layer> layers = net.layers();
            int first = layers.size() > 1 && "flatten".equals(layers.get(0).type()) ? 1 : 0;
            if (!(layers.get(0) instanceof ConvLayer) && !(layers.get(first) instanceof DenseLayer)) {
                throw new UserInputException("input gradients are traced through a first conv or dense layer;"
                        + " this model starts with " + layers.get(0).name() + " (" + layers.get(0).type() + ")");
            }
            return;
        }
        Layer l = net.layers().get(layerIndex(net, t.layer()));
        String tensor = t.weight() ? "w" : "b";
        Parameter p = net.parameter(t.layer() + (t.weight() ? ".weight" : ".bias"));
        if (p == null) {
            throw new UserInputException(t.layer() + " has no bias");
        }
        boolean conv = l instanceof ConvLayer;
        String form = t.weight() ? (conv ? "[filter][channel][row][col]" : "[unit][input]") : (conv ? "[filter]" : "[unit]");
        requireCount(t.layer(), ":" + tensor, t.index(), p.shape().length, form);
        requireInRange(t.layer(), tensor, p.shape(), t.index());
    }

    /** The trace of TARGET (already {@link #check checked}) from a tracer that has run. */
    static GradientTrace trace(BackwardTracer tracer, String target) {
        Target t = parse(target);
        int[] i = t.index();
        if (t.layer() == null) {
            return tracer.networkInput(i[0], i[1], i[2]);
        }
        int layer = tracer.indexOf(t.layer());
        boolean conv = tracer.network().layers().get(layer) instanceof ConvLayer;
        if (conv) {
            return t.weight() ? tracer.convWeight(layer, i[0], i[1], i[2], i[3]) : tracer.convBias(layer, i[0]);
        }
        return t.weight() ? tracer.denseWeight(layer, i[0], i[1]) : tracer.denseBias(layer, i[0]);
    }

    private static Target parse(String target) {
        String t = target.strip();
        Matcher in = INPUT.matcher(t);
        if (in.matches()) {
            return new Target(t, null, false, indices(in.group(1)));
        }
        Matcher p = PARAMETER.matcher(t);
        if (!p.matches()) {
            throw new UserInputException("--explain must be " + FORMS + ", got '" + target + "'");
        }
        return new Target(t, p.group(1), p.group(2).equals("w"), indices(p.group(3)));
    }

    /** The top-level conv or dense layer with this name; otherwise one line naming those that exist. */
    private static int layerIndex(Network net, String name) {
        List<String> traceable = new ArrayList<>();
        int index = -1;
        for (int i = 0; i < net.layers().size(); i++) {
            Layer l = net.layers().get(i);
            if (l instanceof ConvLayer || l instanceof DenseLayer) {
                traceable.add(l.name());
            }
            if (l.name().equals(name)) {
                index = i;
            }
        }
        String covered = traceable.isEmpty() ? "none" : String.join(", ", traceable);
        if (index < 0) {
            for (Layer l : net.allLayers()) {
                if (l.name().equals(name)) {
                    throw new UserInputException("'" + name + "' is inside a block (residual or inception): --explain"
                            + " takes top-level layers for now: " + covered);
                }
            }
            throw new UserInputException("no layer '" + name + "': layers with parameters are " + covered);
        }
        Layer l = net.layers().get(index);
        if (!(l instanceof ConvLayer) && !(l instanceof DenseLayer)) {
            String what = l.parameters().isEmpty() ? " layer with no parameters" : " layer, which --explain does not cover";
            throw new UserInputException("'" + name + "' is a " + l.type() + what + ": layers with parameters"
                    + " --explain covers are " + covered);
        }
        return index;
    }

    private static void requireCount(String owner, String tensor, int[] index, int count, String form) {
        if (index.length != count) {
            throw new UserInputException(owner + tensor + " takes " + count + " indices " + form + ", got "
                    + index.length);
        }
    }

    /** "conv1 has w[3][1][3][3]: w[3][0][0][0] is out of range" (the tracer says the same). */
    private static void requireInRange(String owner, String tensor, int[] shape, int[] index) {
        for (int d = 0; d < shape.length; d++) {
            if (index[d] >= shape[d]) {
                throw new UserInputException(owner + " has " + tensor + brackets(shape) + ": " + tensor
                        + brackets(index) + " is out of range");
            }
        }
    }

    private static int[] indices(String brackets) {
        List<Integer> out = new ArrayList<>();
        Matcher m = INDEX.matcher(brackets);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The terms as a table, then the sum, the divisor and the value. Numbers print in full (Java's shortest exact form). */
    static void print(PrintWriter out, GradientTrace t) {
        List<GradTerm> terms = t.terms();
        String factor = switch (t.kind()) {
            case WEIGHT -> "the input under the weight";
            case BIAS -> "1";
            case INPUT -> "the weight over the value";
        };
        out.printf("dL/d %s: %d terms, each (%s) x (the upstream gradient at that output), added in the engine's order%n",
                t.target(), terms.size(), factor);
        out.printf("%5s  %-14s %-16s %16s %16s %16s %16s%n", "#", "output", "factor at", "forward", "upstream",
                "product", "running sum");
        String factorTensor = t.kind() == GradientTrace.Kind.INPUT ? "w" : "x";
        int k = 1;
        for (GradTerm term : terms) {
            out.printf("%5d  %-14s %-16s %16s %16s %16s %16s%n", k++, brackets(term.output()),
                    term.factorAt().length == 0 ? "-" : factorTensor + brackets(term.factorAt()),
                    term.forward(), term.upstream(), term.product(), term.sum());
        }
        out.printf("sum = %s%n", t.sum());
        out.printf("divisor = %d%n", t.divisor());
        out.printf("value = %s / %d = %s%n", t.sum(), t.divisor(), t.value());
    }

    /** The {@code "explain"} object of the JSON line. */
    static Map<String, Object> json(GradientTrace t) {
        List<Map<String, Object>> terms = new ArrayList<>();
        for (GradTerm term : t.terms()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("output", term.output());
            m.put("at", term.factorAt());
            m.put("forward", term.forward());
            m.put("upstream", term.upstream());
            m.put("product", term.product());
            m.put("sum", term.sum());
            terms.add(m);
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("target", t.target());
        e.put("kind", t.kind().name().toLowerCase(java.util.Locale.ROOT));
        e.put("terms", terms);
        e.put("sum", t.sum());
        e.put("divisor", t.divisor());
        e.put("value", t.value());
        return e;
    }

    private static String brackets(int[] index) {
        StringBuilder b = new StringBuilder();
        for (int i : index) {
            b.append('[').append(i).append(']');
        }
        return b.toString();
    }
}
