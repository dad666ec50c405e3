package org.convlab.io.onnx;

import ai.onnx.proto.OnnxMl;
import java.math.BigDecimal;
import java.util.Arrays;
import org.convlab.UserInputException;
import org.convlab.model.BatchNormSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.Dims;
import org.convlab.model.LrnSpec;
import org.convlab.model.Padding;
import org.convlab.model.ParamData;
import org.convlab.model.PoolSpec;

/**
 * One ONNX node into one ConvLab layer: reads its attributes and constant inputs, checks that
 * ConvLab computes the same thing, and refuses in one line what it cannot (naming the node).
 * A 1-D net ({@code [N, C, L]} tensors) maps onto ConvLab's 1-D convention: the input is
 * {@code C x 1 x L}, kernels {@code [1, k]}, pads and strides along the width.
 */
final class OnnxImportLayers {
    private final OnnxGraph g;
    private final boolean oneD;

    OnnxImportLayers(OnnxGraph g, boolean oneD) {
        this.g = g;
        this.oneD = oneD;
    }

    /**
     * A Conv node (with pads of a Pad node folded in, [top, left, bottom, right], may be null).
     * With {@code normalize} a Div by the window size C*KH*KW follows (ConvLab computes
     * sum / (C*KH*KW) + bias): the bias is then the Add after the Div ({@code lateBias}, ConvLab's
     * exporter) or the conv's own bias divided too.
     */
    ConvSpec conv(OnnxMl.NodeProto n, String name, Dims in, long[] extraPads, boolean normalize, OnnxMl.TensorProto lateBias) {
        String l = g.label(n);
        if (OnnxGraph.intAttr(n, "group", 1) != 1) {
            throw new UserInputException(l + ": a grouped (or depthwise) convolution, group "
                    + OnnxGraph.intAttr(n, "group", 1) + "; ConvLab's conv sees all input channels (group 1)");
        }
        OnnxMl.TensorProto w = weight(n, 1, "weight");
        int[] wd = OnnxReadTensors.dims(w, l);
        if (wd.length != (oneD ? 3 : 4)) {
            throw new UserInputException(l + ": weight of shape " + Arrays.toString(wd) + ", expected " + (oneD ? 3 : 4) + " dimensions");
        }
        int kh = oneD ? 1 : wd[2];
        int kw = oneD ? wd[2] : wd[3];
        long[] pads = spatial(OnnxGraph.intsAttr(n, "pads"), 4, 0);
        autoPad(n, pads, kh, kw);
        if (extraPads != null) {
            for (int i = 0; i < 4; i++) {
                pads[i] += extraPads[i];
            }
        }
        long[] strides = spatial(OnnxGraph.intsAttr(n, "strides"), 2, 1);
        long[] dil = spatial(OnnxGraph.intsAttr(n, "dilations"), 2, 1);
        int[] p = symmetric(pads, l);
        boolean hTrivial = in.height() == 1 && kh == 1 && p[0] == 0;
        int stride = same(strides, hTrivial, l, "strides");
        int dilation = same(dil, hTrivial, l, "dilations");
        int filters = wd[0];
        int[] shape = {filters, wd[1], kh, kw};
        ParamData weight = OnnxReadTensors.floats(w, shape, 1, false, l);
        ParamData bias = null;
        boolean ownBias = n.getInputCount() > 2 && !n.getInput(2).isEmpty();
        if (ownBias && lateBias != null) {
            throw new UserInputException(l + ": has a bias both before and after its normalize Div");
        }
        if (ownBias) {
            double scale = normalize ? 1.0 / ((long) wd[1] * kh * kw) : 1;
            bias = OnnxReadTensors.floats(weight(n, 2, "bias"), new int[] {filters}, scale, false, l);
        } else if (lateBias != null) {
            bias = OnnxReadTensors.floats(lateBias, new int[] {filters}, 1, false, l);
        }
        // PyTorch drops the last rows/columns when the size formula is not whole (floor). ConvLab
        // accepts that by itself when only padding is dropped; otherwise the layer says so with floor on.
        ConvSpec plain = new ConvSpec(name, filters, kh, kw, stride, padding(n, p, extraPads), dilation, bias != null, normalize,
                weight, bias, false);
        try {
            org.convlab.model.ShapeInference.infer(in, java.util.List.of(plain));
            return plain;
        } catch (UserInputException notWhole) {
            return plain.withFloor(true);
        }
    }

    /** MaxPool / AveragePool (an AveragePool may carry the pads of a Pad node before it, counted in the average). */
    PoolSpec pool(OnnxMl.NodeProto n, String name, Dims in, long[] extraPads) {
        String l = g.label(n);
        boolean max = n.getOpType().equals("MaxPool");
        long[] k = spatial(OnnxGraph.intsAttr(n, "kernel_shape"), 2, -1);
        if (k[0] < 1 || k[1] < 1) {
            throw new UserInputException(l + ": has no kernel_shape");
        }
        long[] pads = spatial(OnnxGraph.intsAttr(n, "pads"), 4, 0);
        autoPad(n, pads, (int) k[0], (int) k[1]);
        boolean ownPads = Arrays.stream(pads).anyMatch(v -> v != 0);
        boolean ceil = OnnxGraph.intAttr(n, "ceil_mode", 0) != 0;
        boolean overhang = !max && !ceil && pads[0] == 0 && pads[1] == 0 && ownPads
                && OnnxGraph.intAttr(n, "count_include_pad", 0) == 0;
        if (overhang) {
            // ConvLab's exporter writes a ceil-mode average whose last window hangs past the padded
            // input as bottom/right pads left out of the average: that is ConvLab's (and PyTorch's) ceil mode
            long[] before = extraPads == null ? new long[4] : extraPads;
            int[] p = symmetric(before, l);
            long[] strides = spatial(OnnxGraph.intsAttr(n, "strides"), 2, 1);
            boolean hTrivial = in.height() == 1 && k[0] == 1 && p[0] == 0 && pads[2] == 0;
            int stride = same(strides, hTrivial, l, "strides");
            Padding pad = p[0] == 0 && p[1] == 0 ? Padding.VALID : Padding.of(p[0], p[1]);
            PoolSpec spec = new PoolSpec(name, PoolSpec.Kind.AVG, (int) k[0], (int) k[1], stride, pad, true);
            long onnxH = (in.height() + 2L * p[0] + pads[2] - k[0]) / stride + 1;
            long onnxW = (in.width() + 2L * p[1] + pads[3] - k[1]) / stride + 1;
            Dims out = org.convlab.model.ShapeInference.infer(in, java.util.List.of(spec)).get(0).outputDims();
            if (out.height() != onnxH || out.width() != onnxW) {
                throw new UserInputException(l + ": average pooling with padding on the bottom/right only, left out of the"
                        + " average, which ConvLab computes only as ceil mode's partial windows");
            }
            return spec;
        }
        if (!max && ownPads && OnnxGraph.intAttr(n, "count_include_pad", 0) == 0) {
            throw new UserInputException(l + ": average pooling that leaves padding out of the average (count_include_pad 0);"
                    + " ConvLab's avgpool counts the padding zeros, as PyTorch's default count_include_pad=True does");
        }
        if (extraPads != null) {
            for (int i = 0; i < 4; i++) {
                pads[i] += extraPads[i];
            }
        }
        if (max && OnnxGraph.intsAttr(n, "dilations") != null && Arrays.stream(OnnxGraph.intsAttr(n, "dilations")).anyMatch(v -> v != 1)) {
            throw new UserInputException(l + ": dilated max pooling; ConvLab's pooling windows are not dilated");
        }
        if (max && n.getOutputCount() > 1 && !n.getOutput(1).isEmpty() && !g.consumers(n.getOutput(1)).isEmpty()) {
            throw new UserInputException(l + ": its indices output is used; ConvLab's max pooling gives only the values");
        }
        int[] p = symmetric(pads, l);
        long[] strides = spatial(OnnxGraph.intsAttr(n, "strides"), 2, 1);
        boolean hTrivial = in.height() == 1 && k[0] == 1 && p[0] == 0;
        int stride = same(strides, hTrivial, l, "strides");
        // ConvLab's pools without padding are "valid" (PoolSpec.max/avg, every preset)
        Padding pad = p[0] == 0 && p[1] == 0 ? Padding.VALID : Padding.of(p[0], p[1]);
        return new PoolSpec(name, max ? PoolSpec.Kind.MAX : PoolSpec.Kind.AVG, (int) k[0], (int) k[1], stride, pad, ceil);
    }

    /** Gemm (A x B' + C, with alpha and beta folded into the weights) or MatMul (+ the bias of the Add after it). */
    DenseSpec dense(OnnxMl.NodeProto n, String name, long inputs, String biasTensor) {
        String l = g.label(n);
        boolean gemm = n.getOpType().equals("Gemm");
        if (gemm && OnnxGraph.intAttr(n, "transA", 0) != 0) {
            throw new UserInputException(l + ": transA 1 (the input transposed) is not a dense layer");
        }
        OnnxMl.TensorProto w = weight(n, 1, "weight");
        int[] wd = OnnxReadTensors.dims(w, l);
        if (wd.length != 2) {
            throw new UserInputException(l + ": weight of shape " + Arrays.toString(wd) + ", expected 2 dimensions");
        }
        boolean transposed = !gemm || OnnxGraph.intAttr(n, "transB", 0) == 0; // stored [in, out]
        int units = transposed ? wd[1] : wd[0];
        int in = transposed ? wd[0] : wd[1];
        if (in != inputs) {
            throw new UserInputException(l + ": its weight takes " + in + " inputs, but " + inputs + " values arrive");
        }
        double alpha = gemm ? OnnxGraph.floatAttr(n, "alpha", 1) : 1;
        double beta = gemm ? OnnxGraph.floatAttr(n, "beta", 1) : 1;
        ParamData weight = OnnxReadTensors.floats(w, new int[] {units, in}, alpha, transposed, l);
        ParamData bias = null;
        String b = gemm ? (n.getInputCount() > 2 && !n.getInput(2).isEmpty() ? n.getInput(2) : null) : biasTensor;
        if (b != null) {
            OnnxMl.TensorProto t = g.constant(b);
            if (t == null) {
                throw new UserInputException(l + ": its bias \"" + b + "\" is not a constant");
            }
            if (OnnxReadTensors.count(OnnxReadTensors.dims(t, l)) != units) {
                throw new UserInputException(l + ": bias of shape " + t.getDimsList() + ", expected " + units + " values");
            }
            bias = OnnxReadTensors.floats(t, new int[] {units}, beta, false, l);
        }
        return new DenseSpec(name, units, bias != null, weight, bias);
    }

    BatchNormSpec batchNorm(OnnxMl.NodeProto n, String name, Dims in) {
        String l = g.label(n);
        if (OnnxGraph.intAttr(n, "training_mode", 0) != 0 || n.getOutputList().stream().skip(1).anyMatch(o -> !o.isEmpty()
                && !g.consumers(o).isEmpty())) {
            throw new UserInputException(l + ": batch norm in training mode; export the model in eval mode (model.eval())");
        }
        int c = (int) in.channels();
        ParamData[] t = new ParamData[4];
        String[] what = {"scale", "bias", "mean", "variance"};
        for (int i = 0; i < 4; i++) {
            t[i] = OnnxReadTensors.floats(weight(n, i + 1, what[i]), new int[] {c}, 1, false, l);
        }
        double eps = OnnxGraph.floatAttr(n, "epsilon", 1e-5);
        // ONNX momentum weighs the running value (0.9), PyTorch's the new batch statistic (0.1)
        double onnxMomentum = OnnxGraph.floatAttr(n, "momentum", 0.9);
        double momentum = BigDecimal.ONE.subtract(new BigDecimal(Double.toString(onnxMomentum))).doubleValue();
        return new BatchNormSpec(name, eps, Math.max(0, Math.min(1, momentum)), t[0], t[1], t[2], t[3]);
    }

    LrnSpec lrn(OnnxMl.NodeProto n, String name) {
        long size = OnnxGraph.intAttr(n, "size", 0);
        if (size < 1) {
            throw new UserInputException(g.label(n) + ": has no size");
        }
        if (size % 2 == 0) {
            // ONNX sums an even window one channel further after c than before it; PyTorch and ConvLab the other way
            throw new UserInputException(g.label(n) + ": an LRN over an even number of channels (" + size + ") is centred"
                    + " one channel off from ConvLab's; ConvLab reads odd sizes");
        }
        return new LrnSpec(name, (int) size, OnnxGraph.floatAttr(n, "alpha", 1e-4), OnnxGraph.floatAttr(n, "beta", 0.75),
                OnnxGraph.floatAttr(n, "bias", 1.0));
    }

    /** The constant input {@code i} of {@code n} (a weight, a bias, ...), or a refusal. */
    OnnxMl.TensorProto weight(OnnxMl.NodeProto n, int i, String what) {
        if (n.getInputCount() <= i || n.getInput(i).isEmpty()) {
            throw new UserInputException(g.label(n) + ": has no " + what);
        }
        OnnxMl.TensorProto t = g.constant(n.getInput(i));
        if (t == null) {
            throw new UserInputException(g.label(n) + ": its " + what + " \"" + n.getInput(i)
                    + "\" is computed in the graph; ConvLab reads weights stored as constants");
        }
        return t;
    }

    /** Per-axis values (kernel, strides: 2; pads: 4 as [top, left, bottom, right]) for 1-D or 2-D, with a default. */
    long[] spatial(long[] v, int count, long fallback) {
        long[] out = new long[count];
        Arrays.fill(out, fallback);
        if (v == null) {
            return out;
        }
        int axes = oneD ? 1 : 2;
        if (v.length != axes * (count / 2)) {
            throw new UserInputException("an attribute has " + v.length + " values, expected " + axes * (count / 2));
        }
        if (!oneD) {
            return v.clone();
        }
        if (count == 2) {
            return new long[] {fallback == -1 ? 1 : fallback, v[0]};
        }
        return new long[] {0, v[0], 0, v[1]};
    }

    private void autoPad(OnnxMl.NodeProto n, long[] pads, int kh, int kw) {
        String mode = OnnxGraph.stringAttr(n, "auto_pad", "NOTSET");
        if (mode.equals("NOTSET") || mode.equals("VALID")) {
            if (mode.equals("VALID")) {
                Arrays.fill(pads, 0);
            }
            return;
        }
        long[] strides = spatial(OnnxGraph.intsAttr(n, "strides"), 2, 1);
        long[] dil = spatial(OnnxGraph.intsAttr(n, "dilations"), 2, 1);
        long eh = dil[0] * (kh - 1) + 1; // the dilated kernel's extent: ONNX pads for it
        long ew = dil[1] * (kw - 1) + 1;
        if (strides[0] != 1 || strides[1] != 1 || eh % 2 == 0 || ew % 2 == 0) {
            throw new UserInputException(g.label(n) + ": auto_pad " + mode + " with stride > 1 or an even kernel pads"
                    + " one side more than the other, which ConvLab cannot; give explicit pads");
        }
        pads[0] = pads[2] = (eh - 1) / 2;
        pads[1] = pads[3] = (ew - 1) / 2;
    }

    int[] symmetric(long[] pads, String l) {
        if (pads[0] != pads[2] || pads[1] != pads[3]) {
            String p = oneD ? "left " + pads[1] + ", right " + pads[3]
                    : "top " + pads[0] + ", left " + pads[1] + ", bottom " + pads[2] + ", right " + pads[3];
            throw new UserInputException(l + ": asymmetric padding (" + p + "); ConvLab pads every side of an axis"
                    + " the same, so pad both sides equally (F.pad(x, (1, 1, 1, 1)) or padding=1)");
        }
        if (pads[0] < 0 || pads[1] < 0) {
            throw new UserInputException(l + ": negative padding (cropping) is not supported");
        }
        return new int[] {(int) pads[0], (int) pads[1]};
    }

    static int same(long[] v, boolean heightTrivial, String l, String what) {
        if (v[0] == v[1] || heightTrivial) {
            return (int) v[1];
        }
        throw new UserInputException(l + ": " + what + " " + v[0] + " x " + v[1] + " differ by axis; ConvLab uses one value for both");
    }

    /**
     * A conv's padding as numbers, as ONNX writes it ({@code 0} too, as ConvLab's Stack writes
     * convs), except {@code auto_pad="VALID"}, which reads as ConvLab's "valid", and
     * {@code SAME_UPPER}/{@code SAME_LOWER}, which read as "same": so an exporter can keep the
     * model file's word.
     */
    private static Padding padding(OnnxMl.NodeProto n, int[] p, long[] extraPads) {
        String mode = OnnxGraph.stringAttr(n, "auto_pad", "NOTSET");
        boolean padded = extraPads != null && Arrays.stream(extraPads).anyMatch(v -> v != 0);
        if (mode.startsWith("SAME_") && !padded) {
            return Padding.SAME; // autoPad let it through only at stride 1 with an odd extent: ConvLab's "same"
        }
        boolean valid = mode.equals("VALID") && !padded;
        return valid && p[0] == 0 && p[1] == 0 ? Padding.VALID : Padding.of(p[0], p[1]);
    }

}
