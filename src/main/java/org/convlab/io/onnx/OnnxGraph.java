package org.convlab.io.onnx;

import ai.onnx.proto.OnnxMl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convlab.UserInputException;

/**
 * An index over one ONNX graph: who produces and who consumes each tensor, which tensors are
 * constants (initializers, Constant nodes) and which nodes lie on the data path (reachable from
 * the graph's input). Nodes off the data path only compute constants (pads, shapes), which
 * {@link OnnxGraphConstants} evaluates; nodes on it become ConvLab layers.
 */
final class OnnxGraph {
    final OnnxMl.GraphProto graph;
    final String input;
    final OnnxMl.ValueInfoProto inputInfo;
    final OnnxMl.ValueInfoProto outputInfo;
    private final Map<String, OnnxMl.TensorProto> initializers = new HashMap<>();
    private final Map<String, OnnxMl.NodeProto> producer = new HashMap<>();
    private final Map<String, List<OnnxMl.NodeProto>> consumers = new HashMap<>();
    private final Set<String> dataTensors = new HashSet<>();
    private final Set<OnnxMl.NodeProto> dataNodes = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** Data-path nodes that only compute a shape from the input's shape (x.view(x.size(0), -1)): no layers. */
    private final Set<OnnxMl.NodeProto> shapeNodes = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    final OnnxGraphConstants constants;

    OnnxGraph(OnnxMl.GraphProto graph) {
        this.graph = graph;
        for (OnnxMl.TensorProto t : graph.getInitializerList()) {
            initializers.put(t.getName(), t);
        }
        if (graph.getSparseInitializerCount() > 0) {
            throw new UserInputException("the graph stores sparse initializers, which ConvLab does not read");
        }
        List<OnnxMl.ValueInfoProto> inputs = new ArrayList<>();
        for (OnnxMl.ValueInfoProto v : graph.getInputList()) {
            if (!initializers.containsKey(v.getName())) { // older exporters list the weights as inputs too
                inputs.add(v);
            }
        }
        if (inputs.size() != 1 || graph.getOutputCount() != 1) {
            throw new UserInputException("not a classifier: ConvLab imports a net with one input (an image [N, C, H, W]"
                    + " or a signal [N, C, L]) and one output (class scores [N, K]); this graph has " + inputs.size()
                    + " input(s) and " + graph.getOutputCount() + " output(s)");
        }
        inputInfo = inputs.get(0);
        outputInfo = graph.getOutput(0);
        input = inputInfo.getName();
        for (OnnxMl.NodeProto n : graph.getNodeList()) {
            for (String out : n.getOutputList()) {
                if (!out.isEmpty()) {
                    producer.put(out, n);
                }
            }
            for (String in : n.getInputList()) {
                if (!in.isEmpty()) {
                    List<OnnxMl.NodeProto> list = consumers.computeIfAbsent(in, k -> new ArrayList<>());
                    if (!list.contains(n)) {
                        list.add(n);
                    }
                }
            }
        }
        markDataPath();
        markShapeNodes();
        constants = new OnnxGraphConstants(this);
    }

    /** Marks every node that depends on the input (to a fixed point, so node order does not matter). */
    private void markDataPath() {
        dataTensors.add(input);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (OnnxMl.NodeProto n : graph.getNodeList()) {
                if (dataNodes.contains(n)) {
                    continue;
                }
                for (String in : n.getInputList()) {
                    if (dataTensors.contains(in)) {
                        dataNodes.add(n);
                        for (String out : n.getOutputList()) {
                            if (!out.isEmpty()) {
                                dataTensors.add(out);
                            }
                        }
                        changed = true;
                        break;
                    }
                }
            }
        }
    }

    /**
     * Marks the nodes that read the input's shape (Shape) and the integer ops after them whose
     * results are used only as a Reshape's target shape or another such node's input.
     */
    private void markShapeNodes() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (OnnxMl.NodeProto n : graph.getNodeList()) {
                if (!dataNodes.contains(n) || shapeNodes.contains(n)
                        || !(n.getOpType().equals("Shape") || OnnxGraphConstants.OPS.contains(n.getOpType()))) {
                    continue;
                }
                boolean onlyShapes = n.getOutputCount() > 0;
                for (String out : n.getOutputList()) {
                    for (OnnxMl.NodeProto c : consumers.getOrDefault(out, List.of())) {
                        boolean target = c.getOpType().equals("Reshape") && c.getInputCount() > 1 && c.getInput(1).equals(out)
                                && !c.getInput(0).equals(out);
                        onlyShapes &= target || shapeNodes.contains(c);
                    }
                    onlyShapes &= !consumers.getOrDefault(out, List.of()).isEmpty();
                }
                if (onlyShapes) {
                    shapeNodes.add(n);
                    changed = true;
                }
            }
        }
    }

    boolean isShapeNode(OnnxMl.NodeProto n) {
        return shapeNodes.contains(n);
    }

    boolean isData(String tensor) {
        return dataTensors.contains(tensor);
    }

    boolean isDataNode(OnnxMl.NodeProto n) {
        return dataNodes.contains(n);
    }

    /** Nodes on the data path that read {@code tensor}, in graph order. */
    List<OnnxMl.NodeProto> dataConsumers(String tensor) {
        return consumers.getOrDefault(tensor, List.of()).stream()
                .filter(n -> dataNodes.contains(n) && !shapeNodes.contains(n)).toList();
    }

    /** Every node that reads {@code tensor}. */
    List<OnnxMl.NodeProto> consumers(String tensor) {
        return consumers.getOrDefault(tensor, List.of());
    }

    OnnxMl.NodeProto producer(String tensor) {
        return producer.get(tensor);
    }

    /** The data inputs of {@code n} (the tensors that come from the image), in order. */
    List<String> dataInputs(OnnxMl.NodeProto n) {
        return n.getInputList().stream().filter(t -> dataTensors.contains(t)
                && (producer.get(t) == null || !shapeNodes.contains(producer.get(t)))).toList();
    }

    /**
     * The tensor behind a constant name: an initializer or the value of a Constant node (through
     * Identity nodes), or null when {@code name} is computed.
     */
    OnnxMl.TensorProto constant(String name) {
        OnnxMl.TensorProto t = initializers.get(name);
        if (t != null) {
            return t;
        }
        OnnxMl.NodeProto p = producer.get(name);
        if (p == null) {
            return null;
        }
        if (p.getOpType().equals("Identity") && p.getInputCount() == 1) {
            return constant(p.getInput(0));
        }
        return p.getOpType().equals("Constant") ? OnnxGraphConstants.constantValue(p) : null;
    }

    /** Nodes whose op ConvLab cannot read, grouped by op in order of first appearance: op -> node names. */
    Map<String, List<String>> unsupported(Set<String> layerOps, Set<String> constantOps) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < graph.getNodeCount(); i++) {
            OnnxMl.NodeProto n = graph.getNode(i);
            String domain = n.getDomain();
            boolean standard = domain.isEmpty() || domain.equals("ai.onnx");
            boolean ok = standard && (shapeNodes.contains(n) || (dataNodes.contains(n) ? layerOps.contains(n.getOpType())
                    : constantOps.contains(n.getOpType()) || layerOps.contains(n.getOpType())));
            if (!ok) {
                String op = standard ? n.getOpType() : domain + ":" + n.getOpType();
                out.computeIfAbsent(op, k -> new ArrayList<>()).add(n.getName().isEmpty() ? "#" + i : n.getName());
            }
        }
        return out;
    }

    /** The attribute {@code name} of {@code n}, or null. */
    static OnnxMl.AttributeProto attribute(OnnxMl.NodeProto n, String name) {
        for (OnnxMl.AttributeProto a : n.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a;
            }
        }
        return null;
    }

    static long intAttr(OnnxMl.NodeProto n, String name, long fallback) {
        OnnxMl.AttributeProto a = attribute(n, name);
        return a == null ? fallback : a.getI();
    }

    /** A float attribute as the decimal it was written from (1e-5f reads 1.0E-5, not 9.99999974e-6). */
    static double floatAttr(OnnxMl.NodeProto n, String name, double fallback) {
        OnnxMl.AttributeProto a = attribute(n, name);
        return a == null ? fallback : decimal(a.getF());
    }

    static double decimal(float f) {
        return Double.parseDouble(Float.toString(f));
    }

    static long[] intsAttr(OnnxMl.NodeProto n, String name) {
        OnnxMl.AttributeProto a = attribute(n, name);
        if (a == null) {
            return null;
        }
        long[] v = new long[a.getIntsCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.getInts(i);
        }
        return v;
    }

    static String stringAttr(OnnxMl.NodeProto n, String name, String fallback) {
        OnnxMl.AttributeProto a = attribute(n, name);
        return a == null ? fallback : a.getS().toStringUtf8();
    }

    /** How a node is named in messages: its name in the file, or its position when it has none. */
    String label(OnnxMl.NodeProto n) {
        if (!n.getName().isEmpty()) {
            return n.getOpType() + " node \"" + n.getName() + "\"";
        }
        return n.getOpType() + " node #" + graph.getNodeList().indexOf(n);
    }
}
