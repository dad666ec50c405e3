package org.convlab.io.onnx;

import ai.onnx.proto.OnnxMl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convlab.MemoryGuard;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;
import org.convlab.model.Dims;
import org.convlab.model.LayerSpec;
import org.convlab.model.NetworkSpec;

/**
 * Reads an ONNX classifier into a ConvLab network, weights inline: files written by
 * {@code torch.onnx.export} (opset 13+) and by ConvLab's own exporter. Like Netron, one reader
 * translates the foreign format into ConvLab's own model, so nothing downstream knows where a
 * network came from.
 *
 * <p>Supported: Conv (a Pad of zeros before it becomes its padding; a Div by its window size
 * after it is ConvLab's normalize), MaxPool, AveragePool, GlobalAveragePool, Gemm, MatMul + Add,
 * Flatten and Reshape to [N, K], BatchNormalization, LRN, Dropout, Relu, LeakyRelu, Sigmoid,
 * Tanh, Softmax, Concat (inception blocks), Add (residual blocks), ConvTranspose and Resize
 * (transposed convolution and upsampling, {@link OnnxImportUpsampling}), Identity, Constant, and the
 * integer side computations exporters write for pads and shapes ({@link OnnxGraphConstants}).
 * Anything else is refused in one line listing every unsupported op with its nodes. Also refused,
 * each in one line: grouped or depthwise convs, LogSoftmax (no such ConvLab layer), average
 * pooling that leaves padding out (count_include_pad 0), asymmetric padding, an even-size LRN,
 * branches that are not a residual Add or an inception Concat. A MaxPool1d imports as a 1xK pool
 * on the C x 1 x L map ConvLab runs 1-D signals as.
 *
 * <p>The file is memory-mapped and parsed with aliasing ({@link OnnxReadFile}), and each weight
 * is decoded once straight into its layer's array ({@link OnnxReadTensors}), so the heap holds
 * the weights about once (VGG-16: 528 MB) plus the graph's small messages.
 */
public final class OnnxImport {
    /** Ops that become layers (or are absorbed into one) on the data path. */
    static final Set<String> LAYER_OPS = Set.of("Conv", "MaxPool", "AveragePool", "GlobalAveragePool", "Gemm", "MatMul",
            "Add", "Flatten", "Reshape", "BatchNormalization", "LRN", "Dropout", "Relu", "LeakyRelu", "Sigmoid", "Tanh",
            "Softmax", "Concat", "Identity", "Constant", "Pad", "Div", "Unsqueeze", "ConvTranspose", "Resize");

    private OnnxImport() {}

    /**
     * The network in {@code file} with its weights. Class names come from metadata_props, else
     * {@code classes} (may be null or empty), else 0..K-1. Unsupported ops are refused naming them.
     */
    public static NetworkSpec read(Path file, List<String> classes) {
        OnnxMl.ModelProto model = OnnxReadFile.read(file);
        try {
            return convert(model, classes);
        } catch (UserInputException e) {
            throw new UserInputException(file + ": " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new UserInputException(file + ": the model does not fit in memory here: start Java with a larger -Xmx"
                    + " (java -Xmx8g ...)");
        } catch (IndexOutOfBoundsException | IllegalArgumentException | ArithmeticException | NullPointerException e) {
            // a damaged file can parse as protobuf yet miss what ONNX requires (a node's output, a tensor's dims)
            throw new UserInputException(file + ": is not a well-formed ONNX model (a node or tensor lacks what ONNX"
                    + " requires of it)", e);
        }
    }

    static NetworkSpec convert(OnnxMl.ModelProto model, List<String> classes) {
        OnnxGraph g = new OnnxGraph(model.getGraph());
        requireWeightMemory(model.getGraph());
        Map<String, List<String>> unsupported = g.unsupported(LAYER_OPS, OnnxGraphConstants.OPS);
        if (!unsupported.isEmpty()) {
            List<String> parts = new ArrayList<>();
            unsupported.forEach((op, nodes) -> parts.add(op + " (node" + (nodes.size() > 1 ? "s " : " ")
                    + String.join(", ", nodes.stream().map(n -> n.startsWith("#") ? n : "\"" + n + "\"").toList()) + ")"));
            throw new UserInputException("unsupported ONNX ops: " + String.join(", ", parts));
        }
        long[] in = OnnxImportShapes.input(g);
        long[] outShape = OnnxImportShapes.output(g);
        boolean oneD = in.length == 3;
        Shape input = oneD ? Shape.of((int) in[1], 1, (int) in[2]) : Shape.of((int) in[1], (int) in[2], (int) in[3]);
        OnnxImportNames names = new OnnxImportNames(layerNodes(g), blockNodes(g));
        OnnxImportWalk walk = new OnnxImportWalk(g, names, oneD);
        walk.declaredBatch = in[0];
        OnnxImportWalk.Cursor c = new OnnxImportWalk.Cursor(g.input, Dims.of(input), false);
        List<LayerSpec> layers = walk.all(c);
        if (layers.isEmpty()) {
            throw new UserInputException("the graph has no layers between its input and its output");
        }
        if (!c.flat && !c.dims.isFlat()) {
            throw OnnxImportShapes.notClassifier(g, "gives a " + c.dims.channels() + "x" + c.dims.height() + "x"
                    + c.dims.width() + " map per sample");
        }
        long k = c.dims.count();
        if (outShape != null && outShape[1] > 0 && outShape[1] != k) {
            throw new UserInputException("the output \"" + g.outputInfo.getName() + "\" is declared with " + outShape[1]
                    + " classes, but the layers give " + k);
        }
        OnnxImportMetadata meta = new OnnxImportMetadata(model);
        NetworkSpec net = new NetworkSpec(input, meta.classes(classes, k), layers, meta.preprocessing());
        return meta.restoreFlags(net);
    }

    /** Refuses at once, with the total, a model whose weights cannot all fit in the heap as float32. */
    private static void requireWeightMemory(OnnxMl.GraphProto graph) {
        long values = 0;
        for (OnnxMl.TensorProto t : graph.getInitializerList()) {
            if (OnnxReadTensors.isFloating(t)) {
                long n = 1;
                for (long d : t.getDimsList()) {
                    n = MemoryGuard.times(n, Math.max(d, 0));
                }
                values = MemoryGuard.plus(values, n);
            }
        }
        MemoryGuard.require(MemoryGuard.times(values, Float.BYTES), "reading the weights (" + MemoryGuard.count(values)
                + " values)", null);
    }

    /** The data-path nodes that become a layer or a block (for naming: which module paths are shared). */
    private static List<OnnxMl.NodeProto> layerNodes(OnnxGraph g) {
        List<OnnxMl.NodeProto> out = new ArrayList<>();
        for (OnnxMl.NodeProto n : g.graph.getNodeList()) {
            String op = n.getOpType();
            boolean absorbed = op.equals("Pad") || op.equals("Identity") || op.equals("Constant") || op.equals("Div")
                    || op.equals("Unsqueeze") || (op.equals("Add") && g.dataInputs(n).size() < 2)
                    || (op.equals("Flatten") || op.equals("Reshape")) && OnnxImportWalk.implicitFlatten(n);
            if (g.isDataNode(n) && !g.isShapeNode(n) && !absorbed) {
                out.add(n);
            }
        }
        return out;
    }

    private static Set<OnnxMl.NodeProto> blockNodes(OnnxGraph g) {
        Set<OnnxMl.NodeProto> out = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (OnnxMl.NodeProto n : g.graph.getNodeList()) {
            if (g.isDataNode(n) && OnnxImportBlocks.isJoin(g, n)) {
                out.add(n);
            }
        }
        return out;
    }
}
