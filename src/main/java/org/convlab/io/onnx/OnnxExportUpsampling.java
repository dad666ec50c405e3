package org.convlab.io.onnx;

import static org.convlab.io.onnx.OnnxNodes.ints;
import static org.convlab.io.onnx.OnnxNodes.integer;
import static org.convlab.io.onnx.OnnxNodes.node;
import static org.convlab.io.onnx.OnnxNodes.text;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.ArrayList;
import java.util.List;
import org.convlab.model.ConvTransposeSpec;
import org.convlab.model.UpsampleSpec;

/**
 * The two layers that make a map larger. A transposed convolution is ONNX's {@code ConvTranspose}
 * with the same arithmetic as PyTorch's ConvTranspose2d (weight [C_in, F, KH, KW] in both, pads =
 * what is cut from each side, output_padding = the extra bottom/right rows and columns kept). An
 * upsample is {@code Resize} by scales [1, 1, s, s]: nearest as mode "nearest" with
 * coordinate_transformation_mode "asymmetric" and nearest_mode "floor" (output pixel o reads input
 * floor(o / s), PyTorch's nearest), bilinear as mode "linear" with "half_pixel" (output pixel o
 * reads input (o + 0.5)/s - 0.5, clamped at the border: PyTorch's align_corners=False).
 */
final class OnnxExportUpsampling {
    private OnnxExportUpsampling() {}

    /**
     * ConvTranspose(x, W[, B]). "valid" padding is written as auto_pad VALID (no pads), numbers as
     * pads, so an import gives back the model file's word.
     */
    static NodeProto convTranspose(ConvTransposeSpec t, String in, String out) {
        String name = t.name();
        List<String> inputs = new ArrayList<>(List.of(in, name + ".weight"));
        if (t.bias()) {
            inputs.add(name + ".bias");
        }
        int[] pad = t.resolvedPadding();
        AttributeProto padding = t.padding().kind() == org.convlab.model.Padding.Kind.VALID
                ? text("auto_pad", "VALID") : ints("pads", pad[0], pad[1], pad[0], pad[1]);
        return node("ConvTranspose", name, inputs, out,
                ints("kernel_shape", t.kernelHeight(), t.kernelWidth()),
                ints("strides", t.stride(), t.stride()),
                padding,
                ints("output_padding", t.outputPadRows(), t.outputPadCols()),
                ints("dilations", t.dilation(), t.dilation()),
                integer("group", 1));
    }

    /** Resize(x, roi = none, scales) as PyTorch's nn.Upsample(scale_factor=s, mode=..., align_corners=False). */
    static NodeProto resize(UpsampleSpec u, String in, String scales, String out) {
        List<String> inputs = List.of(in, "", scales);
        if (u.mode() == UpsampleSpec.Mode.NEAREST) {
            return node("Resize", u.name(), inputs, out, text("mode", "nearest"),
                    text("coordinate_transformation_mode", "asymmetric"), text("nearest_mode", "floor"));
        }
        return node("Resize", u.name(), inputs, out, text("mode", "linear"),
                text("coordinate_transformation_mode", "half_pixel"));
    }
}
