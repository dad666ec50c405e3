package org.convlab.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convlab.MemoryGuard;
import org.convlab.engine.Shape;

/**
 * A {@link ModelSummary} as text for a terminal (aligned columns, thousands separators,
 * totals; fits 100 columns unless a formula is long, which then goes on its own line) or as
 * one JSON object for tools.
 */
public final class SummaryReport {
    static final int WIDTH = 100;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SummaryReport() {}

    /** {@code 138357544 -> "138,357,544"}. */
    public static String thousands(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** The slides' shape: {@code 55x55x96}, or just the length of a flat vector. */
    public static String shape(Shape s) {
        return shape(Dims.of(s));
    }

    /** The slides' shape of a size that may exceed what one tensor holds. */
    public static String shape(Dims s) {
        return s.isFlat() ? Long.toString(s.channels()) : s.toSlideString();
    }

    /** The batch the memory lines of the summary assume (the training default). */
    public static final int SUMMARY_BATCH = 32;

    public static String table(ModelSummary s) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"input", "", shape(s.network().input()), "0", thousands(Dims.of(s.network().input()).count()), "1/1", ""});
        addRows(rows, s.layers(), "", "");
        String[] head = {"layer", "type", "output HxWxC", "params", "activations", "rf/jump", "formula"};
        int[] w = new int[6];
        for (String[] r : rows) {
            for (int i = 0; i < 6; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (int i = 0; i < 6; i++) {
            w[i] = Math.max(w[i], head[i].length());
        }
        StringBuilder out = new StringBuilder();
        line(out, head, w);
        out.append("-".repeat(Math.min(WIDTH, w[0] + w[1] + w[2] + w[3] + w[4] + w[5] + 12 + 30))).append('\n');
        for (String[] r : rows) {
            line(out, r, w);
        }
        out.append('\n');
        out.append("params:        ").append(thousands(s.totalParams())).append(" (weights ")
                .append(thousands(s.totalWeights())).append(" + biases ").append(thousands(s.totalBiases())).append(")\n");
        out.append("activations:   ").append(thousands(s.totalActivations())).append(" values per sample, ")
                .append(bytes(MemoryGuard.times(s.totalActivations(), 4))).append(" at 4 bytes\n")
                .append("               (the input included; relu, dropout and flatten run in place and add nothing)\n");
        out.append("rf/jump:       receptive field on the input (pixels) / distance between neighbouring outputs\n");
        out.append("multiply-adds: ").append(thousands(s.totalMultiplyAdds())).append(" per sample (conv and dense)\n");
        whyConvolution(out, WhyConvolution.of(s));
        MemoryEstimate m = MemoryEstimate.of(s);
        out.append("memory:        weights ").append(MemoryGuard.size(m.weightBytes())).append(", activations ")
                .append(MemoryGuard.size(m.activationBytesPerImage())).append(" per image (forward)\n")
                .append("               training at batch ").append(SUMMARY_BATCH).append(": ")
                .append(MemoryGuard.size(m.trainingBytes(SUMMARY_BATCH, 1)))
                .append(" (weights, gradients, SGD momentum, activations)\n")
                .append("               Java may use ").append(MemoryGuard.size(Runtime.getRuntime().maxMemory()))
                .append(" here (-Xmx)\n");
        return out.toString();
    }

    /**
     * The conv layers' connections and parameters beside the weights a dense layer joining the
     * same input and output would need ({@link WhyConvolution}), two lines a layer, and a total.
     */
    private static void whyConvolution(StringBuilder out, List<WhyConvolution> convs) {
        if (convs.isEmpty()) {
            return;
        }
        int name = "total".length();
        for (WhyConvolution w : convs) {
            name = Math.max(name, w.layer().length());
        }
        String indent = " ".repeat(name + 4);
        out.append("why convolution: each conv output joins one window of its input, and the filter's params are\n")
                .append("               shared by all its windows; a dense layer joining the same input and output\n")
                .append("               would need a weight for every input-output pair\n");
        // two lines a layer, so that VGG's 13-digit counts stay inside 100 columns
        for (WhyConvolution w : convs) {
            out.append("  ").append(pad(w.layer(), name, false)).append("  connections ").append(thousands(w.outputs()))
                    .append(" outputs x ").append(thousands(w.window())).append(" = ").append(WhyConvolution.count(w.connections()))
                    .append(", params ").append(thousands(w.params())).append('\n')
                    .append(indent).append("dense: ").append(thousands(w.inputs())).append(" x ").append(thousands(w.outputs()))
                    .append(" = ").append(WhyConvolution.count(w.denseWeights())).append(" weights, ")
                    .append(WhyConvolution.ratioText(w.ratio())).append(" the params\n");
        }
        if (convs.size() > 1) {
            WhyConvolution t = WhyConvolution.total(convs);
            out.append("  ").append(pad("total", name, false)).append("  connections ").append(WhyConvolution.count(t.connections()))
                    .append(", params ").append(thousands(t.params())).append('\n')
                    .append(indent).append("dense: ").append(WhyConvolution.count(t.denseWeights())).append(" weights, ")
                    .append(WhyConvolution.ratioText(t.ratio())).append(" the params\n");
        }
    }

    /** Inner layers of a block are indented and shown without the block's name in front. */
    private static void addRows(List<String[]> rows, List<LayerInfo> layers, String indent, String parent) {
        for (LayerInfo l : layers) {
            String shown = !parent.isEmpty() && l.name().startsWith(parent + ".") ? l.name().substring(parent.length() + 1) : l.name();
            String rf = l.receptiveHeight() == l.receptiveWidth() ? Long.toString(l.receptiveWidth())
                    : l.receptiveHeight() + "x" + l.receptiveWidth();
            rows.add(new String[] {indent + shown, l.type(), shape(l.outputDims()), thousands(l.params()),
                    thousands(l.activations()), rf + "/" + l.jump(), l.formula()});
            List<List<LayerInfo>> branches = l.branches();
            for (int b = 0; b < branches.size(); b++) {
                if (l.spec() instanceof ResidualSpec && b == 1 && branches.get(1).isEmpty()) {
                    continue;
                }
                addRows(rows, branches.get(b), indent + "  ", l.name());
            }
        }
    }

    /** 61,000,000 -> "61.0 MB", 1,120 -> "1.1 KB" (decimal units). */
    static String bytes(long n) {
        if (n >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1f MB", n / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f KB", n / 1e3);
    }

    private static void line(StringBuilder out, String[] r, int[] w) {
        String start = pad(r[0], w[0], false) + "  " + pad(r[1], w[1], false) + "  " + pad(r[2], w[2], true)
                + "  " + pad(r[3], w[3], true) + "  " + pad(r[4], w[4], true) + "  " + pad(r[5], w[5], true);
        if (r[6].isEmpty()) {
            out.append(start.stripTrailing()).append('\n');
        } else if (start.length() + 2 + r[6].length() <= WIDTH) {
            out.append(start).append("  ").append(r[6]).append('\n');
        } else {
            out.append(start.stripTrailing()).append('\n').append("    ").append(r[6]).append('\n');
        }
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }

    /**
     * {@code {"layers": [{"name", "type", "output_shape": [C, H, W], "params", "weights", "biases",
     * "activations", "formula", "receptive_field": [h, w], "jump"}], "input_shape", "total_params",
     * "total_weights", "total_biases", "total_activations", "total_multiply_adds", "total_conv_connections",
     * "total_conv_params", "total_dense_equivalent_weights"}}; conv layers also carry {@code "connections"}
     * and {@code "dense_equivalent_weights"} ({@link WhyConvolution}); composite blocks
     * also carry {@code "branches"} (lists of such layer objects).
     */
    public static String json(ModelSummary s) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("input_shape", shapeArray(Dims.of(s.network().input())));
        root.set("layers", layers(s.layers()));
        root.put("total_params", s.totalParams());
        root.put("total_weights", s.totalWeights());
        root.put("total_biases", s.totalBiases());
        root.put("total_activations", s.totalActivations());
        root.put("total_multiply_adds", s.totalMultiplyAdds());
        WhyConvolution convs = WhyConvolution.total(WhyConvolution.of(s));
        root.put("total_conv_connections", convs.connections());
        root.put("total_conv_params", convs.params());
        root.put("total_dense_equivalent_weights", convs.denseWeights());
        MemoryEstimate m = MemoryEstimate.of(s);
        root.put("weight_bytes", m.weightBytes());
        root.put("activation_bytes_per_image", m.activationBytesPerImage());
        root.put("training_bytes_batch_" + SUMMARY_BATCH, m.trainingBytes(SUMMARY_BATCH, 1));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ArrayNode layers(List<LayerInfo> infos) {
        ArrayNode a = MAPPER.createArrayNode();
        for (LayerInfo l : infos) {
            ObjectNode o = a.addObject();
            o.put("name", l.name());
            o.put("type", l.type());
            o.set("output_shape", shapeArray(l.outputDims()));
            o.put("params", l.params());
            o.put("weights", l.weights());
            o.put("biases", l.biases());
            o.put("activations", l.activations());
            o.put("formula", l.formula());
            o.putArray("receptive_field").add(l.receptiveHeight()).add(l.receptiveWidth());
            o.put("jump", l.jump());
            o.put("multiply_adds", l.multiplyAdds());
            if (l.spec() instanceof ConvSpec) {
                WhyConvolution w = WhyConvolution.of(l);
                o.put("connections", w.connections());
                o.put("dense_equivalent_weights", w.denseWeights());
            }
            if (!l.branches().isEmpty()) {
                ArrayNode b = o.putArray("branches");
                l.branches().forEach(branch -> b.add(layers(branch)));
            }
        }
        return a;
    }

    private static ArrayNode shapeArray(Dims s) {
        ArrayNode a = MAPPER.createArrayNode();
        for (long d : s.toArray()) {
            a.add(d);
        }
        return a;
    }
}
