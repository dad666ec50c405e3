package org.convlab.io.onnx;

import ai.onnx.proto.OnnxMl;
import java.util.Arrays;
import org.convlab.UserInputException;
import org.convlab.model.ConvTransposeSpec;
import org.convlab.model.Dims;
import org.convlab.model.Padding;
import org.convlab.model.ParamData;
import org.convlab.model.UpsampleSpec;

/**
 * ConvTranspose and Resize nodes into ConvLab's convtranspose and upsample layers, refusing in
 * one line what those layers cannot compute: groups, auto_pad SAME, asymmetric pads, an
 * output_shape no padding/output_padding pair gives, scales that are not one whole number on
 * both spatial axes, and Resize modes other than PyTorch's nn.Upsample(align_corners=False):
 * nearest with asymmetric coordinates and floor rounding, linear with half_pixel coordinates
 * (pytorch_half_pixel is the same whenever an output side is larger than 1).
 */
final class OnnxImportUpsampling {
    private final OnnxGraph g;
    private final OnnxImportLayers layers;
    private final boolean oneD;

    OnnxImportUpsampling(OnnxGraph g, OnnxImportLayers layers, boolean oneD) {
        this.g = g;
        this.layers = layers;
        this.oneD = oneD;
    }

    ConvTransposeSpec convTranspose(OnnxMl.NodeProto n, String name, Dims in) {
        String l = g.label(n);
        if (oneD) {
            throw new UserInputException(l + ": a 1-D transposed convolution; ConvLab reads ConvTranspose on 2-D maps only");
        }
        if (OnnxGraph.intAttr(n, "group", 1) != 1) {
            throw new UserInputException(l + ": a grouped transposed convolution, group " + OnnxGraph.intAttr(n, "group", 1)
                    + "; ConvLab's convtranspose sees all input channels (group 1)");
        }
        OnnxMl.TensorProto w = layers.weight(n, 1, "weight");
        int[] wd = OnnxReadTensors.dims(w, l);
        if (wd.length != 4) {
            throw new UserInputException(l + ": weight of shape " + Arrays.toString(wd) + ", expected [C_in, F, KH, KW]");
        }
        if (wd[0] != in.channels()) {
            throw new UserInputException(l + ": its weight is for " + wd[0] + " input channels, but it gets " + in.channels());
        }
        int kh = wd[2];
        int kw = wd[3];
        String mode = OnnxGraph.stringAttr(n, "auto_pad", "NOTSET");
        if (mode.startsWith("SAME")) {
            throw new UserInputException(l + ": auto_pad " + mode + "; ConvLab's convtranspose takes its padding as"
                    + " numbers (what is cut from each side), so export it with explicit pads");
        }
        long[] strides = layers.spatial(OnnxGraph.intsAttr(n, "strides"), 2, 1);
        long[] dil = layers.spatial(OnnxGraph.intsAttr(n, "dilations"), 2, 1);
        int stride = OnnxImportLayers.same(strides, false, l, "strides");
        int dilation = OnnxImportLayers.same(dil, false, l, "dilations");
        long[] pads = mode.equals("VALID") ? new long[4] : layers.spatial(OnnxGraph.intsAttr(n, "pads"), 4, 0);
        long[] extra = layers.spatial(OnnxGraph.intsAttr(n, "output_padding"), 2, 0);
        long[] shape = OnnxGraph.intsAttr(n, "output_shape");
        if (shape != null) {
            fromOutputShape(l, shape, new long[] {in.height(), in.width()}, new int[] {kh, kw}, stride, dilation, pads, extra);
        }
        int[] p = layers.symmetric(pads, l);
        Padding padding = mode.equals("VALID") && shape == null ? Padding.VALID : Padding.of(p[0], p[1]);
        int filters = wd[1];
        ParamData weight = OnnxReadTensors.floats(w, wd, 1, false, l);
        ParamData bias = null;
        if (n.getInputCount() > 2 && !n.getInput(2).isEmpty()) {
            bias = OnnxReadTensors.floats(layers.weight(n, 2, "bias"), new int[] {filters}, 1, false, l);
        }
        try {
            return new ConvTransposeSpec(name, filters, kh, kw, stride, padding, (int) extra[0], (int) extra[1], dilation,
                    bias != null, weight, bias);
        } catch (UserInputException e) {
            throw new UserInputException(l + ": " + e.getMessage(), e);
        }
    }

    /**
     * ONNX's output_shape: the full output is cut by total = s(i-1) + a + d(k-1) + 1 - out, the
     * larger half at the start (auto_pad NOTSET). ConvLab cuts p at the start and p - a' at the end,
     * so p = ceil(total/2) and a' = out - (s(i-1) + d(k-1) + 1) + 2p, which the layer then checks.
     */
    private static void fromOutputShape(String l, long[] shape, long[] in, int[] k, int stride, int dilation,
                                        long[] pads, long[] extra) {
        long[] out = shape.length == 4 ? new long[] {shape[2], shape[3]} : shape;
        if (out.length != 2) {
            throw new UserInputException(l + ": output_shape " + Arrays.toString(shape) + " is not [H, W]");
        }
        for (int axis = 0; axis < 2; axis++) {
            long full = stride * (in[axis] - 1) + dilation * (k[axis] - 1L) + 1;
            long total = full + extra[axis] - out[axis];
            if (total < 0) {
                throw new UserInputException(l + ": output_shape " + Arrays.toString(shape) + " is larger than the"
                        + " transposed convolution can give (" + (full + extra[axis]) + "); ConvLab cannot pad its output");
            }
            long p = total - total / 2;
            pads[axis] = pads[axis + 2] = p;
            extra[axis] = out[axis] - full + 2 * p;
        }
    }

    UpsampleSpec upsample(OnnxMl.NodeProto n, String name, Dims in) {
        String l = g.label(n);
        if (oneD) {
            throw new UserInputException(l + ": a 1-D Resize; ConvLab's upsample scales 2-D maps only");
        }
        int scale = scale(n, in, l);
        String mode = OnnxGraph.stringAttr(n, "mode", "nearest");
        String coordinates = OnnxGraph.stringAttr(n, "coordinate_transformation_mode", "half_pixel");
        if (mode.equals("nearest")) {
            String rounding = OnnxGraph.stringAttr(n, "nearest_mode", "round_prefer_floor");
            if (!coordinates.equals("asymmetric") || !rounding.equals("floor")) {
                throw new UserInputException(l + ": nearest resizing with coordinate_transformation_mode \"" + coordinates
                        + "\" and nearest_mode \"" + rounding + "\"; ConvLab's nearest upsample is PyTorch's (\"asymmetric\","
                        + " \"floor\")");
            }
            return new UpsampleSpec(name, scale, UpsampleSpec.Mode.NEAREST);
        }
        if (mode.equals("linear")) {
            if (!coordinates.equals("half_pixel") && !coordinates.equals("pytorch_half_pixel")) {
                throw new UserInputException(l + ": linear resizing with coordinate_transformation_mode \"" + coordinates
                        + "\"; ConvLab's bilinear upsample is PyTorch's align_corners=False (\"half_pixel\")");
            }
            return new UpsampleSpec(name, scale, UpsampleSpec.Mode.BILINEAR);
        }
        throw new UserInputException(l + ": " + mode + " resizing; ConvLab's upsample is nearest or bilinear");
    }

    /** The one whole scale of both spatial axes, from the scales input (or sizes, or opset 10's second input). */
    private int scale(OnnxMl.NodeProto n, Dims in, String l) {
        int scalesAt = n.getInputCount() == 2 ? 1 : 2; // opset 10: Resize(X, scales)
        double[] s;
        if (n.getInputCount() > scalesAt && !n.getInput(scalesAt).isEmpty()
                && (n.getInputCount() < 4 || n.getInput(3).isEmpty() || constantCount(n.getInput(scalesAt), l) > 0)) {
            OnnxMl.TensorProto t = g.constant(n.getInput(scalesAt));
            if (t == null) {
                throw new UserInputException(l + ": its scales are computed in the graph; ConvLab reads constant scales");
            }
            s = OnnxReadTensors.smallFloats(t, l);
        } else if (n.getInputCount() > 3 && !n.getInput(3).isEmpty()) {
            long[] sizes = g.constants.values(n.getInput(3), l);
            long[] from = {1, in.channels(), in.height(), in.width()};
            s = new double[sizes.length];
            for (int i = 0; i < sizes.length && i < 4; i++) {
                s[i] = i == 0 ? 1 : (double) sizes[i] / from[i];
            }
        } else {
            throw new UserInputException(l + ": has neither scales nor sizes");
        }
        if (s.length != 4 || s[0] != 1 || s[1] != 1) {
            throw new UserInputException(l + ": scales " + Arrays.toString(s) + "; ConvLab's upsample scales only"
                    + " height and width, as [1, 1, s, s]");
        }
        if (s[2] != s[3] || s[2] < 1 || s[2] != Math.rint(s[2]) || s[2] > Integer.MAX_VALUE) {
            throw new UserInputException(l + ": scales " + Arrays.toString(s) + "; ConvLab's upsample takes one whole"
                    + " number for both height and width");
        }
        return (int) s[2];
    }

    private long constantCount(String name, String l) {
        OnnxMl.TensorProto t = g.constant(name);
        return t == null ? 1 : OnnxReadTensors.count(OnnxReadTensors.dims(t, l));
    }
}
