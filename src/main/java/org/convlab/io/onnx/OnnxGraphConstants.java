package org.convlab.io.onnx;

import ai.onnx.proto.OnnxMl;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.convlab.UserInputException;

/**
 * Evaluates the small integer side computations that exporters leave in a graph: torch 1.13
 * writes {@code F.pad(x, (1, 1, 1, 1))} as Constant, ConstantOfShape, Concat, Reshape, Slice,
 * Transpose, Reshape and Cast nodes that compute the pads, and a Reshape's target shape comes
 * from a Constant. Only those ops (and Unsqueeze, Squeeze, Gather, Identity) are evaluated, on
 * integer tensors, never anything that depends on the image.
 */
final class OnnxGraphConstants {
    /** The ops evaluated here. */
    static final Set<String> OPS = Set.of("Constant", "Identity", "Cast", "ConstantOfShape", "Concat", "Reshape",
            "Slice", "Transpose", "Unsqueeze", "Squeeze", "Gather");

    /** An integer tensor: values row major, and its shape. */
    record Ints(long[] values, int[] shape) {
        int rank() {
            return shape.length;
        }
    }

    /** The batch size in a shape read from the input (any number of samples). */
    static final long BATCH = -(1L << 40);

    private final OnnxGraph g;
    private final Map<String, Ints> cache = new HashMap<>();
    private final Map<String, long[]> knownShapes = new HashMap<>();

    /** Records the shape of a data tensor (batch as {@link #BATCH}) for a Shape node that reads it. */
    void knowShape(String tensor, long[] dims) {
        knownShapes.put(tensor, dims);
    }

    OnnxGraphConstants(OnnxGraph g) {
        this.g = g;
    }

    /** The value of a Constant node's attribute (value, value_int(s), value_float(s)) as a tensor. */
    static OnnxMl.TensorProto constantValue(OnnxMl.NodeProto n) {
        for (OnnxMl.AttributeProto a : n.getAttributeList()) {
            switch (a.getName()) {
                case "value":
                    return a.getT();
                case "value_int":
                    return OnnxMl.TensorProto.newBuilder().setDataType(OnnxMl.TensorProto.DataType.INT64_VALUE)
                            .addInt64Data(a.getI()).build();
                case "value_ints":
                    return OnnxMl.TensorProto.newBuilder().setDataType(OnnxMl.TensorProto.DataType.INT64_VALUE)
                            .addDims(a.getIntsCount()).addAllInt64Data(a.getIntsList()).build();
                case "value_float":
                    return OnnxMl.TensorProto.newBuilder().setDataType(OnnxMl.TensorProto.DataType.FLOAT_VALUE)
                            .addFloatData(a.getF()).build();
                case "value_floats":
                    return OnnxMl.TensorProto.newBuilder().setDataType(OnnxMl.TensorProto.DataType.FLOAT_VALUE)
                            .addDims(a.getFloatsCount()).addAllFloatData(a.getFloatsList()).build();
                default:
                    break;
            }
        }
        return null;
    }

    /** The integer values of tensor {@code name}, or a refusal naming {@code what} when it is not a constant. */
    long[] values(String name, String what) {
        return eval(name, what).values();
    }

    Ints eval(String name, String what) {
        Ints known = cache.get(name);
        if (known != null) {
            return known;
        }
        OnnxMl.NodeProto made = g.producer(name);
        if (g.isData(name) && (made == null || !g.isShapeNode(made))) {
            throw new UserInputException(what + ": \"" + name + "\" is computed from the input image; ConvLab needs a constant here");
        }
        if (made != null && made.getOpType().equals("Shape")) {
            long[] dims = knownShapes.get(made.getInput(0));
            if (dims == null || OnnxGraph.attribute(made, "start") != null || OnnxGraph.attribute(made, "end") != null) {
                throw new UserInputException(what + ": cannot work out the shape read by " + g.label(made));
            }
            Ints v = new Ints(dims.clone(), new int[] {dims.length});
            cache.put(name, v);
            return v;
        }
        OnnxMl.TensorProto t = g.constant(name);
        Ints v;
        if (t != null) {
            int[] shape = OnnxReadTensors.dims(t, what);
            v = new Ints(OnnxReadTensors.isFloating(t) ? rounded(OnnxReadTensors.smallFloats(t, what)) : OnnxReadTensors.longs(t, what), shape);
        } else {
            OnnxMl.NodeProto p = g.producer(name);
            if (p == null || !OPS.contains(p.getOpType())) {
                throw new UserInputException(what + ": cannot work out the constant \"" + name + "\""
                        + (p == null ? " (nothing in the graph makes it)" : " (made by " + g.label(p) + ")"));
            }
            v = compute(p, what);
        }
        cache.put(name, v);
        return v;
    }

    private static long[] rounded(double[] d) {
        long[] out = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = Math.round(d[i]);
        }
        return out;
    }

    private Ints compute(OnnxMl.NodeProto p, String what) {
        String w = what + " (" + p.getOpType() + ")";
        switch (p.getOpType()) {
            case "Identity", "Cast":
                return eval(p.getInput(0), what);
            case "ConstantOfShape": {
                long[] shape = eval(p.getInput(0), w).values();
                OnnxMl.TensorProto value = OnnxGraph.attribute(p, "value") == null ? null : OnnxGraph.attribute(p, "value").getT();
                long fill = value == null ? 0 : (OnnxReadTensors.isFloating(value)
                        ? Math.round(OnnxReadTensors.smallFloats(value, w)[0]) : OnnxReadTensors.longs(value, w)[0]);
                int[] dims = toInts(shape, w);
                long[] out = new long[(int) OnnxReadTensors.count(dims)];
                Arrays.fill(out, fill);
                return new Ints(out, dims);
            }
            case "Concat": {
                int n = 0;
                Ints[] parts = new Ints[p.getInputCount()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = eval(p.getInput(i), w);
                    if (parts[i].rank() > 1) {
                        throw new UserInputException(w + ": only 1-D constants are concatenated here");
                    }
                    n += parts[i].values().length;
                }
                long[] out = new long[n];
                int at = 0;
                for (Ints part : parts) {
                    System.arraycopy(part.values(), 0, out, at, part.values().length);
                    at += part.values().length;
                }
                return new Ints(out, new int[] {n});
            }
            case "Reshape": {
                Ints data = eval(p.getInput(0), w);
                long[] target = eval(p.getInput(1), w).values();
                int[] dims = new int[target.length];
                int unknown = -1;
                long known = 1;
                for (int i = 0; i < target.length; i++) {
                    if (target[i] == -1) {
                        unknown = i;
                        continue;
                    }
                    dims[i] = (int) (target[i] == 0 ? data.shape()[i] : target[i]);
                    known *= dims[i];
                }
                if (unknown >= 0) {
                    dims[unknown] = (int) (data.values().length / Math.max(known, 1));
                }
                return new Ints(data.values(), dims);
            }
            case "Unsqueeze", "Squeeze": {
                Ints data = eval(p.getInput(0), w);
                int n = data.values().length;
                return new Ints(data.values(), p.getOpType().equals("Squeeze") || n != 1 ? new int[] {n} : new int[] {1});
            }
            case "Gather": {
                Ints data = eval(p.getInput(0), w);
                long[] idx = eval(p.getInput(1), w).values();
                if (data.rank() != 1 || OnnxGraph.intAttr(p, "axis", 0) != 0) {
                    throw new UserInputException(w + ": only gathering from a 1-D constant is supported");
                }
                long[] out = new long[idx.length];
                for (int i = 0; i < idx.length; i++) {
                    out[i] = data.values()[(int) Math.floorMod(idx[i], data.values().length)];
                }
                return new Ints(out, idx.length == 1 ? new int[0] : new int[] {idx.length});
            }
            case "Transpose":
                return transpose(eval(p.getInput(0), w), w);
            case "Slice":
                return slice(p, w);
            default:
                throw new UserInputException(w + ": cannot be evaluated");
        }
    }

    private static Ints transpose(Ints a, String w) {
        if (a.rank() == 1) {
            return a;
        }
        if (a.rank() != 2) {
            throw new UserInputException(w + ": only 2-D constants are transposed here");
        }
        int r = a.shape()[0];
        int c = a.shape()[1];
        long[] out = new long[r * c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                out[j * r + i] = a.values()[i * c + j];
            }
        }
        return new Ints(out, new int[] {c, r});
    }

    /** ONNX Slice (opset 10+) along the given axes of a 1-D or 2-D constant, steps may be negative. */
    private Ints slice(OnnxMl.NodeProto p, String w) {
        Ints a = eval(p.getInput(0), w);
        long[] starts = eval(p.getInput(1), w).values();
        long[] ends = eval(p.getInput(2), w).values();
        long[] axes = p.getInputCount() > 3 && !p.getInput(3).isEmpty() ? eval(p.getInput(3), w).values() : null;
        long[] steps = p.getInputCount() > 4 && !p.getInput(4).isEmpty() ? eval(p.getInput(4), w).values() : null;
        int rank = a.rank();
        if (rank < 1 || rank > 2) {
            throw new UserInputException(w + ": only 1-D and 2-D constants are sliced here");
        }
        int[][] picks = new int[rank][];
        for (int d = 0; d < rank; d++) {
            picks[d] = range(0, a.shape()[d], 1, a.shape()[d]);
        }
        for (int i = 0; i < starts.length; i++) {
            int axis = (int) (axes == null ? i : Math.floorMod(axes[i], rank));
            picks[axis] = range(starts[i], ends[i], steps == null ? 1 : steps[i], a.shape()[axis]);
        }
        int rows = rank == 1 ? 1 : picks[0].length;
        int cols = picks[rank - 1].length;
        long[] out = new long[rows * cols];
        int width = a.shape()[rank - 1];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int row = rank == 1 ? 0 : picks[0][i];
                out[i * cols + j] = a.values()[row * width + picks[rank - 1][j]];
            }
        }
        return new Ints(out, rank == 1 ? new int[] {cols} : new int[] {rows, cols});
    }

    /** The indices a Slice takes along one axis of {@code size}, with ONNX's clamping rules. */
    private static int[] range(long start, long end, long step, int size) {
        if (step == 0) {
            throw new UserInputException("Slice: a step of 0");
        }
        long s = start < 0 ? start + size : start;
        long e = end < 0 ? end + size : end;
        if (step > 0) {
            s = Math.max(0, Math.min(s, size));
            e = Math.max(0, Math.min(e, size));
        } else {
            s = Math.max(-1, Math.min(s, size - 1));
            e = Math.max(-1, Math.min(e, size - 1));
        }
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (long i = s; step > 0 ? i < e : i > e; i += step) {
            out.add((int) i);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] toInts(long[] v, String w) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] < 0 || v[i] > 1 << 16) {
                throw new UserInputException(w + ": a constant of shape " + Arrays.toString(v) + " is not a small shape");
            }
            out[i] = (int) v[i];
        }
        return out;
    }
}
