package org.convlab.io.onnx;

import ai.onnx.proto.OnnxMl;
import java.util.ArrayList;
import java.util.List;
import org.convlab.UserInputException;

/**
 * The shapes a classifier must have: input {@code [N, C, H, W]} (or {@code [N, C, L]}) of float32
 * with C, H, W (L) fixed numbers and any batch N, output {@code [N, K]}.
 */
final class OnnxImportShapes {
    private OnnxImportShapes() {}

    /** The input's dims (batch as -1): rank 4 or 3, the others positive. */
    static long[] input(OnnxGraph g) {
        OnnxMl.ValueInfoProto v = g.inputInfo;
        if (!v.getType().hasTensorType()) {
            throw notClassifier(g, "takes \"" + v.getName() + "\", which is not a tensor");
        }
        OnnxMl.TypeProto.Tensor t = v.getType().getTensorType();
        if (t.getElemType() != OnnxMl.TensorProto.DataType.FLOAT_VALUE) {
            throw notClassifier(g, "takes " + OnnxReadTensors.typeName(t.getElemType()) + " values, not float32");
        }
        long[] d = dims(t);
        if (d == null || (d.length != 4 && d.length != 3)) {
            throw notClassifier(g, "takes \"" + v.getName() + "\" of shape " + text(t));
        }
        for (int i = 1; i < d.length; i++) {
            if (d[i] <= 0 || d[i] > Integer.MAX_VALUE) {
                throw notClassifier(g, "takes \"" + v.getName() + "\" of shape " + text(t)
                        + ", whose sizes after the batch are not fixed numbers");
            }
        }
        return d;
    }

    /** The output's dims when declared (null when the file does not say), checked to be [N, K]. */
    static long[] output(OnnxGraph g) {
        OnnxMl.ValueInfoProto v = g.outputInfo;
        if (!v.getType().hasTensorType() || !v.getType().getTensorType().hasShape()) {
            return null;
        }
        long[] d = dims(v.getType().getTensorType());
        if (d.length != 2) {
            throw notClassifier(g, "gives \"" + v.getName() + "\" of shape " + text(v.getType().getTensorType()));
        }
        return d;
    }

    static UserInputException notClassifier(OnnxGraph g, String what) {
        return new UserInputException("not a classifier: ConvLab imports nets that take an image [N, C, H, W] (or a signal"
                + " [N, C, L]) and give class scores [N, K]; this one " + what);
    }

    private static long[] dims(OnnxMl.TypeProto.Tensor t) {
        if (!t.hasShape()) {
            return null;
        }
        long[] d = new long[t.getShape().getDimCount()];
        for (int i = 0; i < d.length; i++) {
            OnnxMl.TensorShapeProto.Dimension dim = t.getShape().getDim(i);
            d[i] = dim.hasDimValue() ? dim.getDimValue() : -1;
        }
        return d;
    }

    private static String text(OnnxMl.TypeProto.Tensor t) {
        if (!t.hasShape()) {
            return "unknown";
        }
        List<String> parts = new ArrayList<>();
        for (OnnxMl.TensorShapeProto.Dimension dim : t.getShape().getDimList()) {
            parts.add(dim.hasDimValue() ? Long.toString(dim.getDimValue()) : dim.hasDimParam() ? dim.getDimParam() : "?");
        }
        return "[" + String.join(", ", parts) + "]";
    }
}
