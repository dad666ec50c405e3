package org.convlab.io.onnx;

import static org.convlab.io.onnx.OnnxNodes.ints;
import static org.convlab.io.onnx.OnnxNodes.integer;
import static org.convlab.io.onnx.OnnxNodes.node;
import static org.convlab.io.onnx.OnnxNodes.real;
import static org.convlab.io.onnx.OnnxNodes.text;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.convlab.UserInputException;
import org.convlab.model.ActivationSpec;
import org.convlab.model.BatchNormSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.Dims;
import org.convlab.model.DropoutSpec;
import org.convlab.model.FlattenSpec;
import org.convlab.model.GlobalAvgPoolSpec;
import org.convlab.model.InceptionSpec;
import org.convlab.model.LayerInfo;
import org.convlab.model.LayerSpec;
import org.convlab.model.LrnSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Padding;
import org.convlab.model.PoolSpec;
import org.convlab.model.ResidualSpec;
import org.convlab.model.SoftmaxSpec;

/**
 * Turns a shape-inferred ConvLab network into an ONNX graph (opset 13) whose weight initializers
 * are kept aside as {@link OnnxExportTensor}s, to be streamed by {@link OnnxWriteStream}.
 *
 * <p>Names (shared with the importer and the PyTorch project): a layer's node and its output
 * tensor carry the layer's name; extra nodes a layer needs are {@code <layer>/<what>}; weights are
 * {@code <layer>.weight}, {@code <layer>.bias}, batch norm adds {@code .running_mean} and
 * {@code .running_var}. The graph input is {@code input} [N, C, H, W], the output {@code logits} [N, K].
 *
 * <p>ONNX tensors here are rank 4 (NCHW) or rank 2 (after flatten or dense). ConvLab treats a
 * C x 1 x 1 map and a flat vector alike, so where an op needs the other rank a
 * {@code <layer>/unsqueeze} or {@code <layer>/flatten} node converts it; the values do not move.
 */
final class OnnxExportGraph {
    static final String INPUT = "input";
    static final String OUTPUT = "logits";
    static final String BATCH = "N";

    /** A tensor flowing between nodes and its rank (2 or 4). */
    private record Flow(String tensor, int rank) {}

    private final List<NodeProto.Builder> nodes = new ArrayList<>();
    private final List<TensorProto> constants = new ArrayList<>();
    private final List<OnnxExportTensor> weights = new ArrayList<>();
    private final Set<String> tensorNames = new HashSet<>();

    private OnnxExportGraph() {}

    /** The graph without its weights, and the weights to stream after it. */
    record Built(GraphProto graph, List<OnnxExportTensor> weights) {}

    static Built build(NetworkSpec spec, List<LayerInfo> infos) {
        OnnxExportGraph g = new OnnxExportGraph();
        g.tensorNames.add(INPUT);
        g.tensorNames.add(OUTPUT);
        Flow out = g.sequence(infos, new Flow(INPUT, 4));
        Dims last = infos.get(infos.size() - 1).outputDims();
        if (out.rank() == 4) {
            // the logits are [N, K]: a network ending on a C x 1 x 1 map (or any map) is flattened
            out = g.flatten(out, infos.get(infos.size() - 1).name() + "/flatten");
        }
        g.rename(out.tensor(), OUTPUT);
        GraphProto.Builder graph = GraphProto.newBuilder().setName("convlab");
        for (NodeProto.Builder n : g.nodes) {
            graph.addNode(n);
        }
        graph.addAllInitializer(g.constants);
        graph.addInput(OnnxNodes.batchedFloat(INPUT, BATCH, spec.input().channels(), spec.input().height(),
                spec.input().width()));
        graph.addOutput(OnnxNodes.batchedFloat(OUTPUT, BATCH, last.count()));
        return new Built(graph.build(), List.copyOf(g.weights));
    }

    private Flow sequence(List<LayerInfo> infos, Flow x) {
        Flow at = x;
        for (LayerInfo info : infos) {
            at = layer(info, at);
        }
        return at;
    }

    private Flow layer(LayerInfo info, Flow x) {
        String name = info.name();
        String out = outputName(name);
        LayerSpec spec = info.spec();
        if (spec instanceof ConvSpec c) {
            return conv(c, info, rank4(x, name), out);
        } else if (spec instanceof PoolSpec p) {
            return pool(p, info, rank4(x, name), out);
        } else if (spec instanceof GlobalAvgPoolSpec) {
            return add(node("GlobalAveragePool", name, List.of(rank4(x, name).tensor()), out), 4);
        } else if (spec instanceof ActivationSpec a) {
            return add(activation(a, name, x.tensor(), out), x.rank());
        } else if (spec instanceof SoftmaxSpec) {
            return add(node("Softmax", name, List.of(x.tensor()), out, integer("axis", 1)), x.rank());
        } else if (spec instanceof FlattenSpec) {
            return add(node("Flatten", name, List.of(x.tensor()), out, integer("axis", 1)), 2);
        } else if (spec instanceof DenseSpec d) {
            return dense(d, info, x, out);
        } else if (spec instanceof DropoutSpec d) {
            return dropout(d, x, out);
        } else if (spec instanceof BatchNormSpec b) {
            return batchNorm(b, info, x, out);
        } else if (spec instanceof LrnSpec l) {
            return lrn(l, rank4(x, name), out);
        } else if (spec instanceof InceptionSpec i) {
            return inception(i, info, x, out);
        } else if (spec instanceof ResidualSpec r) {
            return residual(r, info, x, out);
        }
        if (spec instanceof org.convlab.model.ConvTransposeSpec t) {
            OnnxExportWeights.convTranspose(weights, t, info.inputDims().channels());
            return add(OnnxExportUpsampling.convTranspose(t, rank4(x, name).tensor(), out), 4);
        } else if (spec instanceof org.convlab.model.UpsampleSpec u) {
            Flow in = rank4(x, name);
            String scales = unique(name + "/scales");
            constants.add(OnnxNodes.floats(scales, new long[] {4}, 1, 1, u.scale(), u.scale()));
            return add(OnnxExportUpsampling.resize(u, in.tensor(), scales, out), 4);
        }
        throw new IllegalStateException("no ONNX mapping for layer type " + spec.type());
    }

    // Conv(x, W[, B]); with normalize ConvLab computes sum / (C*KH*KW) + bias (the bias after the
    // division), so the conv runs without bias, then Div "<layer>/normalize", then Add "<layer>/bias".
    private Flow conv(ConvSpec c, LayerInfo info, Flow x, String out) {
        String name = c.name();
        long channels = info.inputDims().channels();
        OnnxExportWeights.conv(weights, c, channels);
        int[] pad = info.padding();
        List<String> inputs = new ArrayList<>(List.of(x.tensor(), name + ".weight"));
        if (c.bias() && !c.normalize()) {
            inputs.add(name + ".bias");
        }
        String convOut = c.normalize() ? unique(name + "/conv") : out;
        add(node("Conv", name, inputs, convOut,
                ints("kernel_shape", c.kernelHeight(), c.kernelWidth()),
                ints("strides", c.stride(), c.stride()),
                padding(c, pad),
                ints("dilations", c.dilation(), c.dilation()),
                integer("group", 1)), 4);
        if (!c.normalize()) {
            return new Flow(out, 4);
        }
        String divisor = unique(name + "/normalize/divisor");
        constants.add(OnnxNodes.floats(divisor, new long[0], (float) (channels * c.kernelHeight() * c.kernelWidth())));
        String divOut = c.bias() ? unique(name + "/normalize") : out;
        add(node("Div", name + "/normalize", List.of(convOut, divisor), divOut), 4);
        if (!c.bias()) {
            return new Flow(out, 4);
        }
        return add(node("Add", name + "/bias", List.of(divOut, name + ".bias"), out), 4);
    }

    private Flow pool(PoolSpec p, LayerInfo info, Flow x, String out) {
        int[] pad = info.padding();
        boolean max = p.kind() == PoolSpec.Kind.MAX;
        long overhangH = overhang(info.inputDims().height(), info.outputDims().height(), p.windowHeight(), p.stride(), pad[0]);
        long overhangW = overhang(info.inputDims().width(), info.outputDims().width(), p.windowWidth(), p.stride(), pad[1]);
        if (!max && (overhangH > 0 || overhangW > 0)) {
            return averageWithOverhang(p, x, out, pad, overhangH, overhangW);
        }
        List<AttributeProto> attrs = new ArrayList<>(List.of(
                ints("kernel_shape", p.windowHeight(), p.windowWidth()),
                ints("strides", p.stride(), p.stride()),
                ints("pads", pad[0], pad[1], pad[0], pad[1]),
                integer("ceil_mode", needsCeil(p, info, pad) ? 1 : 0)));
        if (!max) {
            attrs.add(integer("count_include_pad", 1)); // ConvLab follows PyTorch: padding zeros count
        }
        return add(node(max ? "MaxPool" : "AveragePool", p.name(), List.of(x.tensor()), out,
                attrs.toArray(new AttributeProto[0])), 4);
    }

    /**
     * Whether ceil_mode must be on: when ConvLab's ceil output is no larger than floor's (its last
     * window would start in the right padding, which ConvLab and PyTorch drop), ceil_mode 0 gives
     * the same windows, and ONNX's shape inference, which does not drop it, agrees with the kernel.
     */
    private static boolean needsCeil(PoolSpec p, LayerInfo info, int[] pad) {
        return p.ceil() && (info.outputDims().height() > floorSide(info.inputDims().height(), p.windowHeight(), p.stride(), pad[0])
                || info.outputDims().width() > floorSide(info.inputDims().width(), p.windowWidth(), p.stride(), pad[1]));
    }

    private static long floorSide(long in, int window, int stride, int pad) {
        return (in + 2L * pad - window) / stride + 1;
    }

    /**
     * How far the last window of a ceil-mode pool reaches past the padded input (0 when it does
     * not): {@code in} input side, {@code outSide} ConvLab's output side.
     */
    private static long overhang(long in, long outSide, int window, int stride, int pad) {
        return Math.max(0, (outSide - 1) * stride + window - (in + 2L * pad));
    }

    // A ceil-mode average whose last window hangs past the padded input: ConvLab (like PyTorch)
    // divides it by its area inside the padded input, while ONNX Runtime's AveragePool with
    // count_include_pad=1 divides by the whole window. So the padding becomes real zeros (a Pad
    // node "<layer>/pad") and the overhang the pool's own padding with count_include_pad=0, which
    // counts exactly the cells inside the padded input; the sizes then fit without ceil_mode.
    private Flow averageWithOverhang(PoolSpec p, Flow x, String out, int[] pad, long overhangH, long overhangW) {
        Flow in = x;
        if (pad[0] > 0 || pad[1] > 0) {
            String pads = unique(p.name() + "/pad/pads");
            constants.add(OnnxNodes.int64s(pads, 0, 0, pad[0], pad[1], 0, 0, pad[0], pad[1]));
            in = add(node("Pad", p.name() + "/pad", List.of(x.tensor(), pads), unique(p.name() + "/pad"),
                    OnnxNodes.text("mode", "constant")), 4);
        }
        return add(node("AveragePool", p.name(), List.of(in.tensor()), out,
                ints("kernel_shape", p.windowHeight(), p.windowWidth()),
                ints("strides", p.stride(), p.stride()),
                ints("pads", 0, 0, overhangH, overhangW),
                integer("ceil_mode", 0),
                integer("count_include_pad", 0)), 4);
    }

    private static NodeProto activation(ActivationSpec a, String name, String in, String out) {
        return switch (a.kind()) {
            case RELU -> node("Relu", name, List.of(in), out);
            case LEAKY_RELU -> node("LeakyRelu", name, List.of(in), out, real("alpha", a.slope()));
            case SIGMOID -> node("Sigmoid", name, List.of(in), out);
            case TANH -> node("Tanh", name, List.of(in), out);
        };
    }

    private Flow dense(DenseSpec d, LayerInfo info, Flow x, String out) {
        String name = d.name();
        Flow flat = x.rank() == 2 ? x : flatten(x, name + "/flatten");
        OnnxExportWeights.dense(weights, d, info.inputDims().count());
        List<String> inputs = new ArrayList<>(List.of(flat.tensor(), name + ".weight"));
        if (d.bias()) {
            inputs.add(name + ".bias");
        }
        return add(node("Gemm", name, inputs, out, real("alpha", 1), real("beta", 1), integer("transB", 1)), 2);
    }

    // Dropout is the identity at inference; the rate rides along as the optional ratio input so
    // that an importer can give the layer back its rate.
    private Flow dropout(DropoutSpec d, Flow x, String out) {
        String ratio = unique(d.name() + "/ratio");
        constants.add(OnnxNodes.floats(ratio, new long[0], (float) d.rate()));
        return add(node("Dropout", d.name(), List.of(x.tensor(), ratio), out), x.rank());
    }

    private Flow batchNorm(BatchNormSpec b, LayerInfo info, Flow x, String out) {
        String name = b.name();
        OnnxExportWeights.batchNorm(weights, b, info.inputDims().channels());
        // ONNX's momentum weighs the old running value, PyTorch's (and ConvLab's) the batch's
        return add(node("BatchNormalization", name, List.of(x.tensor(), name + ".weight", name + ".bias",
                name + ".running_mean", name + ".running_var"), out,
                real("epsilon", b.eps()), real("momentum", 1 - b.momentum())), x.rank());
    }

    private Flow lrn(LrnSpec l, Flow x, String out) {
        if (l.size() % 2 == 0) {
            // ONNX puts the extra channel of an even window after c, PyTorch and ConvLab before it
            throw new UserInputException("layer " + l.name() + ": ONNX's LRN centres an even window (size " + l.size()
                    + ") one channel off from ConvLab's; give it an odd size to export it");
        }
        if (l.alpha() == 0 || l.beta() == 0) {
            // ONNX Runtime's LRN takes only alpha > 0 and beta > 0; without them the layer divides
            // every value by k^beta, which a Div by that constant computes exactly as ConvLab does
            String divisor = unique(l.name() + "/divisor");
            constants.add(OnnxNodes.floats(divisor, new long[0], (float) Math.pow((float) l.k(), (float) l.beta())));
            return add(node("Div", l.name(), List.of(x.tensor(), divisor), out), 4);
        }
        return add(node("LRN", l.name(), List.of(x.tensor()), out, real("alpha", l.alpha()), real("beta", l.beta()),
                real("bias", l.k()), integer("size", l.size())), 4);
    }

    private Flow inception(InceptionSpec spec, LayerInfo info, Flow x, String out) {
        List<Flow> branches = new ArrayList<>();
        for (List<LayerInfo> b : info.branches()) {
            branches.add(sequence(b, x));
        }
        List<String> inputs = sameRank(branches, spec.name());
        int rank = branches.stream().allMatch(f -> f.rank() == 4) ? 4 : 2;
        return add(node("Concat", spec.name(), inputs, out, integer("axis", 1)), rank);
    }

    private Flow residual(ResidualSpec spec, LayerInfo info, Flow x, String out) {
        Flow branch = sequence(info.branches().get(0), x);
        List<LayerInfo> skipLayers = info.branches().size() > 1 ? info.branches().get(1) : List.of();
        Flow skip = skipLayers.isEmpty() ? x : sequence(skipLayers, x);
        List<Flow> both = List.of(branch, skip);
        int rank = branch.rank() == 4 && skip.rank() == 4 ? 4 : 2;
        return add(node("Add", spec.name(), sameRank(both, spec.name()), out), rank);
    }

    /** The tensors of {@code flows}, flattened where ranks differ (they are then all flat C x 1 x 1). */
    private List<String> sameRank(List<Flow> flows, String block) {
        boolean mixed = flows.stream().map(Flow::rank).distinct().count() > 1;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < flows.size(); i++) {
            Flow f = flows.get(i);
            names.add(mixed && f.rank() == 4 ? flatten(f, block + "/flatten" + (i + 1)).tensor() : f.tensor());
        }
        return names;
    }

    private Flow flatten(Flow x, String nodeName) {
        String out = unique(nodeName);
        return add(node("Flatten", nodeName, List.of(x.tensor()), out, integer("axis", 1)), 2);
    }

    /** {@code x} as [N, C, H, W]: a flat [N, C] becomes [N, C, 1, 1] (ConvLab's C x 1 x 1). */
    private Flow rank4(Flow x, String layer) {
        if (x.rank() == 4) {
            return x;
        }
        String axes = unique(layer + "/unsqueeze/axes");
        constants.add(OnnxNodes.int64s(axes, 2, 3));
        String out = unique(layer + "/unsqueeze");
        return add(node("Unsqueeze", layer + "/unsqueeze", List.of(x.tensor(), axes), out), 4);
    }

    private Flow add(NodeProto node, int rank) {
        nodes.add(node.toBuilder());
        return new Flow(node.getOutput(0), rank);
    }

    /** A layer's output tensor: its name, unless that is the graph's input or output name. */
    private String outputName(String layer) {
        return unique(layer);
    }

    private String unique(String wanted) {
        String name = wanted;
        for (int i = 2; !tensorNames.add(name); i++) {
            name = wanted + "/" + i;
        }
        return name;
    }

    /** Gives the final tensor the graph output's name (nothing else reads it: it is the last). */
    private void rename(String from, String to) {
        for (NodeProto.Builder n : nodes) {
            for (int i = 0; i < n.getOutputCount(); i++) {
                if (n.getOutput(i).equals(from)) {
                    n.setOutput(i, to);
                }
            }
            for (int i = 0; i < n.getInputCount(); i++) {
                if (n.getInput(i).equals(from)) {
                    n.setInput(i, to);
                }
            }
        }
    }

    /**
     * A conv's padding as the model file says it, so that an import gives back the same word:
     * "valid" as auto_pad VALID, "same" at stride 1 as auto_pad SAME_UPPER (ConvLab's "same" needs
     * an odd effective kernel, so both sides get (k - 1)/2, as ONNX's rule gives at stride 1), and
     * numbers as pads. At stride > 1 ONNX's SAME pads for ceil(in/stride) outputs, not ConvLab's
     * (k - 1)/2, so "same" is written as its numbers there.
     */
    private static AttributeProto padding(ConvSpec c, int[] pad) {
        return switch (c.padding().kind()) {
            case VALID -> text("auto_pad", "VALID");
            case SAME -> c.stride() == 1 ? text("auto_pad", "SAME_UPPER") : ints("pads", pad[0], pad[1], pad[0], pad[1]);
            case EXPLICIT -> ints("pads", pad[0], pad[1], pad[0], pad[1]);
        };
    }
}
