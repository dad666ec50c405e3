package org.convlab.io.onnx;

import ai.onnx.proto.OnnxMl;
import java.util.ArrayList;
import java.util.List;
import org.convlab.UserInputException;
import org.convlab.model.ActivationSpec;
import org.convlab.model.BatchNormSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.Dims;
import org.convlab.model.DropoutSpec;
import org.convlab.model.FlattenSpec;
import org.convlab.model.GlobalAvgPoolSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.ShapeInference;
import org.convlab.model.SoftmaxSpec;

/**
 * Follows the data path of a graph from its input to its output and writes down the layers. A
 * tensor read by one node continues the chain; a tensor read by several starts parallel branches
 * that must meet again in one {@code Add} (a residual block: a branch plus the identity or a
 * projection, see {@link OnnxImportBlocks}) or one {@code Concat} on the channels (an inception
 * block). Along the way it tracks the sample's shape (C x H x W; flat after a Flatten) with
 * ConvLab's own shape inference, so a layer that does not fit is refused with ConvLab's arithmetic.
 */
final class OnnxImportWalk {
    /** Where the walk is: the tensor, its per-sample shape, whether ONNX holds it as [N, K], and pads waiting for a conv. */
    static final class Cursor {
        String tensor;
        Dims dims;
        boolean flat;
        long[] pads;

        Cursor(String tensor, Dims dims, boolean flat) {
            this.tensor = tensor;
            this.dims = dims;
            this.flat = flat;
        }

        Cursor copy() {
            Cursor c = new Cursor(tensor, dims, flat);
            c.pads = pads;
            return c;
        }
    }

    final OnnxGraph g;
    final OnnxImportNames names;
    private final java.util.Set<OnnxMl.NodeProto> done = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    final OnnxImportLayers layers;
    private final OnnxImportBlocks blocks;
    private final OnnxImportUpsampling upsampling;

    private final boolean oneD;
    /** The input's batch size when the file fixes it (exported without a dynamic batch), else -1. */
    long declaredBatch = -1;

    OnnxImportWalk(OnnxGraph g, OnnxImportNames names, boolean oneD) {
        this.oneD = oneD;
        this.g = g;
        this.names = names;
        this.layers = new OnnxImportLayers(g, oneD);
        this.blocks = new OnnxImportBlocks(this);
        this.upsampling = new OnnxImportUpsampling(g, layers, oneD);
    }

    /** The layers from the graph's input to its output. */
    List<LayerSpec> all(Cursor c) {
        List<LayerSpec> out = new ArrayList<>();
        OnnxMl.NodeProto join = walk(c, out);
        if (join != null) {
            throw new UserInputException(g.label(join) + ": joins tensors that do not come from one fork; ConvLab reads"
                    + " parallel branches only as residual (Add) or inception (Concat) blocks");
        }
        if (!c.tensor.equals(g.outputInfo.getName())) {
            throw new UserInputException("the data path ends at \"" + c.tensor + "\", not at the output \""
                    + g.outputInfo.getName() + "\"");
        }
        return out;
    }

    /**
     * Converts nodes one after the other until the current tensor is the graph's output (returns
     * null) or is read by a join that needs other branches too (returns that join).
     */
    OnnxMl.NodeProto walk(Cursor c, List<LayerSpec> out) {
        while (true) {
            g.constants.knowShape(c.tensor, onnxShape(c));
            List<OnnxMl.NodeProto> next = g.dataConsumers(c.tensor);
            if (next.isEmpty()) {
                return null;
            }
            if (c.tensor.equals(g.outputInfo.getName())) {
                throw new UserInputException("the output \"" + c.tensor + "\" is also read by " + g.label(next.get(0))
                        + "; ConvLab expects the class scores to be the last thing computed");
            }
            if (next.size() > 1) {
                blocks.fork(c, next, out);
                continue;
            }
            OnnxMl.NodeProto n = next.get(0);
            if (OnnxImportBlocks.isJoin(g, n)) {
                return n;
            }
            step(n, c, out);
        }
    }

    /** The ONNX shape of the cursor's tensor, the batch as {@link OnnxGraphConstants#BATCH}. */
    private long[] onnxShape(Cursor c) {
        long b = OnnxGraphConstants.BATCH;
        if (c.flat) {
            return new long[] {b, c.dims.count()};
        }
        return oneD ? new long[] {b, c.dims.channels(), c.dims.width()}
                : new long[] {b, c.dims.channels(), c.dims.height(), c.dims.width()};
    }

    /** The first node of a branch (the fork's other readers are other branches). */
    void stepOne(OnnxMl.NodeProto n, Cursor c, List<LayerSpec> out) {
        step(n, c, out);
    }

    /** One node (with the nodes it absorbs: a Div after a Conv, the bias Add after a MatMul). */
    private void step(OnnxMl.NodeProto n, Cursor c, List<LayerSpec> out) {
        if (!done.add(n) || n.getOutputCount() == 0) {
            throw new UserInputException(g.label(n) + (n.getOutputCount() == 0 ? ": has no output"
                    : ": is reached twice: the graph has a cycle, which ONNX does not allow"));
        }
        String op = n.getOpType();
        if (c.pads != null && !op.equals("Conv") && !op.equals("AveragePool")) {
            throw new UserInputException(g.label(n) + " follows a Pad; ConvLab folds a Pad only into the conv or"
                    + " average pooling right after it");
        }
        switch (op) {
            case "Identity" -> c.tensor = n.getOutput(0);
            case "Pad" -> pad(n, c);
            case "Conv" -> {
                OnnxMl.NodeProto div = normalizeDiv(n, c);
                OnnxMl.NodeProto biasAdd = div == null ? null : lateBias(div, n);
                OnnxMl.TensorProto bias = biasAdd == null ? null : g.constant(constantInput(biasAdd));
                ConvSpec conv = layers.conv(n, names.name(n, false, "conv"), c.dims, c.pads, div != null, bias);
                c.pads = null;
                add(conv, c, out, biasAdd != null ? biasAdd : div != null ? div : n);
            }
            case "ConvTranspose" -> add(upsampling.convTranspose(n, names.name(n, false, "convT"), c.dims), c, out, n);
            case "Resize" -> add(upsampling.upsample(n, names.name(n, false, "up"), c.dims), c, out, n);
            case "Unsqueeze" -> unsqueeze(n, c);
            case "MaxPool", "AveragePool" -> {
                var pool = layers.pool(n, names.name(n, false, "pool"), c.dims, c.pads);
                c.pads = null;
                add(pool, c, out, n);
            }
            case "GlobalAveragePool" -> add(new GlobalAvgPoolSpec(names.name(n, false, "gap")), c, out, n);
            case "Relu" -> add(new ActivationSpec(names.name(n, false, "relu"), ActivationSpec.Kind.RELU, 0), c, out, n);
            case "Sigmoid" -> add(new ActivationSpec(names.name(n, false, "sigmoid"), ActivationSpec.Kind.SIGMOID, 0), c, out, n);
            case "Tanh" -> add(new ActivationSpec(names.name(n, false, "tanh"), ActivationSpec.Kind.TANH, 0), c, out, n);
            case "LeakyRelu" -> add(new ActivationSpec(names.name(n, false, "leakyrelu"), ActivationSpec.Kind.LEAKY_RELU,
                    OnnxGraph.floatAttr(n, "alpha", 0.01)), c, out, n);
            case "Softmax" -> softmax(n, c, out);
            case "Dropout" -> dropout(n, c, out);
            case "BatchNormalization" -> {
                BatchNormSpec bn = layers.batchNorm(n, names.name(n, false, "bn"), c.dims);
                add(bn, c, out, n);
            }
            case "LRN" -> add(layers.lrn(n, names.name(n, false, "norm")), c, out, n);
            case "Flatten", "Reshape" -> flatten(n, c, out);
            case "Gemm" -> {
                requireFlat(n, c);
                add(layers.dense(n, names.name(n, false, "fc"), c.dims.count(), null), c, out, n);
            }
            case "MatMul" -> matMul(n, c, out);
            default -> throw new UserInputException(g.label(n) + ": ConvLab cannot use a " + op + " here"
                    + (op.equals("Div") ? " (a Div is read only as ConvLab's conv normalize: a conv's output divided by C*KH*KW)"
                    : op.equals("Add") ? " (an Add is read as a residual block's join or as the bias after a MatMul)"
                    : op.equals("Concat") ? " (a Concat is read as an inception block's join on the channels)" : ""));
        }
    }

    /** Appends {@code l}, moves the cursor past {@code last} (the last node it absorbed) and infers the new shape. */
    void add(LayerSpec l, Cursor c, List<LayerSpec> out, OnnxMl.NodeProto last) {
        c.dims = ShapeInference.infer(c.dims, List.of(l)).get(0).outputDims();
        if (l instanceof FlattenSpec || l instanceof org.convlab.model.DenseSpec) {
            c.flat = true;
        }
        out.add(l);
        c.tensor = last.getOutput(0);
    }

    private void requireFlat(OnnxMl.NodeProto n, Cursor c) {
        if (!c.flat && !c.dims.isFlat()) {
            throw new UserInputException(g.label(n) + ": needs a flat input [N, K], got a " + c.dims.channels() + "x"
                    + c.dims.height() + "x" + c.dims.width() + " map (add a Flatten before it)");
        }
    }

    /** A Div right after a Conv by the conv's window size C*KH*KW is ConvLab's conv normalize. */
    private OnnxMl.NodeProto normalizeDiv(OnnxMl.NodeProto conv, Cursor c) {
        List<OnnxMl.NodeProto> next = g.dataConsumers(conv.getOutput(0));
        if (next.size() != 1 || !next.get(0).getOpType().equals("Div") || !g.isData(next.get(0).getInput(0))) {
            return null;
        }
        OnnxMl.NodeProto div = next.get(0);
        OnnxMl.TensorProto d = div.getInputCount() == 2 ? g.constant(div.getInput(1)) : null;
        int[] wd = OnnxReadTensors.dims(layers.weight(conv, 1, "weight"), g.label(conv));
        long window = 1;
        for (int i = 1; i < wd.length; i++) {
            window *= wd[i];
        }
        double[] v = d == null ? null : OnnxReadTensors.smallFloats(d, g.label(div));
        if (v == null || v.length != 1 || v[0] != window) {
            throw new UserInputException(g.label(div) + ": divides a conv's output by something other than its window size "
                    + window + " (C*KH*KW, ConvLab's normalize), which ConvLab cannot compute");
        }
        return div;
    }

    /** An Add of a constant [F, 1, 1] right after a normalize Div: the conv's bias (ConvLab's exporter). */
    private OnnxMl.NodeProto lateBias(OnnxMl.NodeProto div, OnnxMl.NodeProto conv) {
        List<OnnxMl.NodeProto> next = g.dataConsumers(div.getOutput(0));
        if (next.size() != 1 || !next.get(0).getOpType().equals("Add") || g.dataInputs(next.get(0)).size() != 1) {
            return null;
        }
        OnnxMl.TensorProto b = g.constant(constantInput(next.get(0)));
        int filters = OnnxReadTensors.dims(layers.weight(conv, 1, "weight"), g.label(conv))[0];
        List<Long> dims = b == null ? List.of() : b.getDimsList();
        boolean perChannel = dims.equals(List.of((long) filters, 1L, 1L)) || dims.equals(List.of(1L, (long) filters, 1L, 1L))
                || (filters == 1 && OnnxReadTensors.count(OnnxReadTensors.dims(b, g.label(conv))) == 1);
        return perChannel ? next.get(0) : null;
    }

    /** The input of a one-data-input node that is not on the data path. */
    private String constantInput(OnnxMl.NodeProto n) {
        return n.getInputList().stream().filter(t -> !g.isData(t)).findFirst().orElse("");
    }

    /** ConvLab's exporter turns a flat [N, C] back into [N, C, 1, 1] before a conv or pool: the same values. */
    private void unsqueeze(OnnxMl.NodeProto n, Cursor c) {
        long[] axes = n.getInputCount() > 1 ? g.constants.values(n.getInput(1), g.label(n)) : OnnxGraph.intsAttr(n, "axes");
        if (!c.dims.isFlat() || axes == null || !java.util.Arrays.equals(axes, new long[] {2, 3})) {
            throw new UserInputException(g.label(n) + ": ConvLab reads an Unsqueeze only as [N, C] -> [N, C, 1, 1]");
        }
        c.flat = false;
        c.tensor = n.getOutput(0);
    }

    private void pad(OnnxMl.NodeProto n, Cursor c) {
        String l = g.label(n);
        if (!OnnxGraph.stringAttr(n, "mode", "constant").equals("constant")) {
            throw new UserInputException(l + ": " + OnnxGraph.stringAttr(n, "mode", "") + " padding; ConvLab pads with zeros only");
        }
        if (OnnxGraph.floatAttr(n, "value", 0) != 0) { // opset < 11 keeps the value as an attribute
            throw new UserInputException(l + ": pads with a value other than 0; ConvLab pads with zeros only");
        }
        if (n.getInputCount() > 2 && !n.getInput(2).isEmpty()) {
            OnnxMl.TensorProto v = g.constant(n.getInput(2));
            if (v == null || OnnxReadTensors.smallFloats(v, l)[0] != 0) {
                throw new UserInputException(l + ": pads with a value other than 0; ConvLab pads with zeros only");
            }
        }
        long[] p = n.getInputCount() > 1 ? g.constants.values(n.getInput(1), l) : OnnxGraph.intsAttr(n, "pads");
        if (p == null) {
            throw new UserInputException(l + ": has no pads");
        }
        int rank = p.length / 2;
        for (int i = 0; i < rank - (rank == 3 ? 1 : 2); i++) {
            if (p[i] != 0 || p[i + rank] != 0) {
                throw new UserInputException(l + ": pads the batch or the channels; ConvLab pads only height and width");
            }
        }
        long[] pads = rank == 3 ? new long[] {0, p[2], 0, p[5]} : new long[] {p[2], p[3], p[6], p[7]};
        List<OnnxMl.NodeProto> next = g.dataConsumers(n.getOutput(0));
        if (next.size() != 1 || !(next.get(0).getOpType().equals("Conv") || next.get(0).getOpType().equals("AveragePool"))) {
            throw new UserInputException(l + ": ConvLab reads a Pad only right before a Conv or an AveragePool, whose padding it becomes");
        }
        c.pads = pads;
        c.tensor = n.getOutput(0);
    }

    private void softmax(OnnxMl.NodeProto n, Cursor c, List<LayerSpec> out) {
        requireFlat(n, c);
        long axis = OnnxGraph.intAttr(n, "axis", -1);
        if (axis != 1 && axis != -1) {
            throw new UserInputException(g.label(n) + ": softmax over axis " + axis + "; ConvLab's softmax is over the classes (axis 1)");
        }
        add(new SoftmaxSpec(names.name(n, false, "softmax")), c, out, n);
    }

    private void dropout(OnnxMl.NodeProto n, Cursor c, List<LayerSpec> out) {
        String l = g.label(n);
        double ratio = OnnxGraph.floatAttr(n, "ratio", 0.5);
        if (n.getInputCount() > 1 && !n.getInput(1).isEmpty()) {
            OnnxMl.TensorProto r = g.constant(n.getInput(1));
            if (r == null) {
                throw new UserInputException(l + ": its ratio is not a constant");
            }
            ratio = OnnxGraph.decimal((float) OnnxReadTensors.smallFloats(r, l)[0]);
        }
        if (n.getInputCount() > 2 && !n.getInput(2).isEmpty() && g.constants.values(n.getInput(2), l)[0] != 0) {
            throw new UserInputException(l + ": dropout in training mode; export the model in eval mode (model.eval())");
        }
        if (n.getOutputCount() > 1 && !n.getOutput(1).isEmpty() && !g.consumers(n.getOutput(1)).isEmpty()) {
            throw new UserInputException(l + ": its mask output is used; ConvLab's dropout gives only the values");
        }
        add(new DropoutSpec(names.name(n, false, "dropout"), ratio), c, out, n);
    }

    /**
     * Flatten (axis 1) or a Reshape to [N, C*H*W]. ConvLab's exporter writes {@code <dense>/flatten}
     * before a Gemm for a dense layer's implicit flatten: that one is no layer of its own.
     */
    private void flatten(OnnxMl.NodeProto n, Cursor c, List<LayerSpec> out) {
        String l = g.label(n);
        long count = c.dims.count();
        if (n.getOpType().equals("Flatten")) {
            long axis = OnnxGraph.intAttr(n, "axis", 1);
            if (axis != 1 && !(axis == -1 && c.flat)) {
                throw new UserInputException(l + ": flattens from axis " + axis + "; ConvLab flattens each sample (axis 1)");
            }
        } else {
            long[] shape = g.constants.values(n.getInput(1), l);
            // the batch stays first: any batch (-1, 0 = copy, read from the input's shape), the file's own
            // fixed batch, or whatever is left when the second size is the whole sample
            boolean batchKept = shape.length == 2 && (shape[0] == -1 || shape[0] == 0 || shape[0] == OnnxGraphConstants.BATCH
                    || (declaredBatch > 0 && shape[0] == declaredBatch) || shape[1] == count);
            if (!batchKept || !(shape[1] == -1 || shape[1] == count)) {
                throw new UserInputException(l + ": reshapes to " + java.util.Arrays.toString(shape) + "; ConvLab reads a"
                        + " Reshape only to [N, " + count + "] (each sample flattened), such as x.reshape(-1, " + count + ")");
            }
        }
        boolean implicit = implicitFlatten(n);
        if (implicit) {
            c.flat = true;
            c.tensor = n.getOutput(0);
            return;
        }
        add(new FlattenSpec(names.name(n, false, "flatten")), c, out, n);
    }

    /**
     * A flatten ConvLab's exporter adds where ONNX needs [N, K] and ConvLab does not: before a
     * dense layer ({@code fc1/flatten}), at the end of a net that ends on a map ({@code gap/flatten}),
     * inside a block whose branches end on different ranks ({@code res1/flatten2}).
     */
    static boolean implicitFlatten(OnnxMl.NodeProto n) {
        return !n.getName().startsWith("/") && n.getName().matches(".+/flatten[0-9]*");
    }

    /** MatMul by a constant [in, out], with the Add of a constant [out] after it as the bias: a dense layer. */
    private void matMul(OnnxMl.NodeProto n, Cursor c, List<LayerSpec> out) {
        requireFlat(n, c);
        if (!g.isData(n.getInput(0)) || g.isData(n.getInput(1))) {
            throw new UserInputException(g.label(n) + ": ConvLab reads a MatMul only as the input times a constant weight matrix");
        }
        OnnxMl.NodeProto last = n;
        String bias = null;
        List<OnnxMl.NodeProto> next = g.dataConsumers(n.getOutput(0));
        if (next.size() == 1 && next.get(0).getOpType().equals("Add") && g.dataInputs(next.get(0)).size() == 1) {
            OnnxMl.NodeProto addNode = next.get(0);
            bias = addNode.getInput(0).equals(n.getOutput(0)) ? addNode.getInput(1) : addNode.getInput(0);
            last = addNode;
        }
        add(layers.dense(n, names.name(n, false, "fc"), c.dims.count(), bias), c, out, last);
    }
}
