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

    /** Fails early, before the network runs, when TARGET is not even of a known form. */
    static void checkForm(String target) {
        String t = target.strip();
        if (!PARAMETER.matcher(t).matches() && !INPUT.matcher(t).matches()) {
            throw new UserInputException("--explain must be " + FORMS + ", got '" + target + "'");
        }
    }

    /** The trace of TARGET from a tracer that has run. */
    static GradientTrace trace(BackwardTracer tracer, String target) {
        String t = target.strip();
        Matcher in = INPUT.matcher(t);
        if (in.matches()) {
            int[] i = indices(in.group(1));
            if (i.length != 3) {
                throw new UserInputException("--explain input takes [channel][row][col], got '" + target + "'");
            }
            return tracer.networkInput(i[0], i[1], i[2]);
        }
        Matcher p = PARAMETER.matcher(t);
        if (!p.matches()) {
            throw new UserInputException("--explain must be " + FORMS + ", got '" + target + "'");
        }
        String name = p.group(1);
        boolean weight = p.group(2).equals("w");
        int[] i = indices(p.group(3));
        int layer = layerIndex(tracer, name);
        Layer l = tracer.network().layers().get(layer);
        if (l instanceof ConvLayer) {
            if (weight) {
                requireCount(name, "w", i, 4, "[filter][channel][row][col]");
                return tracer.convWeight(layer, i[0], i[1], i[2], i[3]);
            }
            requireCount(name, "b", i, 1, "[filter]");
            return tracer.convBias(layer, i[0]);
        }
        if (weight) {
            requireCount(name, "w", i, 2, "[unit][input]");
            return tracer.denseWeight(layer, i[0], i[1]);
        }
        requireCount(name, "b", i, 1, "[unit]");
        return tracer.denseBias(layer, i[0]);
    }

    /** The top-level conv or dense layer with this name; otherwise one line naming those that exist. */
    private static int layerIndex(BackwardTracer tracer, String name) {
        Network net = tracer.network();
        String covered = String.join(", ", tracer.traceableLayers());
        int index = tracer.indexOf(name);
        if (index < 0) {
            for (Layer l : net.allLayers()) {
                if (l.name().equals(name)) {
                    throw new UserInputException("'" + name + "' is inside a block (residual or inception): --explain"
                            + " takes top-level layers for now: " + (covered.isEmpty() ? "none here" : covered));
                }
            }
            throw new UserInputException("no layer '" + name + "': layers with parameters are "
                    + (covered.isEmpty() ? "none" : covered));
        }
        Layer l = net.layers().get(index);
        if (!(l instanceof ConvLayer) && !(l instanceof DenseLayer)) {
            String what = l.parameters().isEmpty() ? " layer with no parameters" : " layer, which --explain does not cover";
            throw new UserInputException("'" + name + "' is a " + l.type() + what + ": layers with parameters"
                    + " --explain covers are " + (covered.isEmpty() ? "none" : covered));
        }
        return index;
    }

    private static void requireCount(String layer, String tensor, int[] index, int count, String form) {
        if (index.length != count) {
            throw new UserInputException(layer + ":" + tensor + " takes " + count + " indices " + form + ", got "
                    + index.length);
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
