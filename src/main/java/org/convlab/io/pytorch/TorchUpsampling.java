package org.convlab.io.pytorch;

import org.convlab.model.ConvTransposeSpec;
import org.convlab.model.UpsampleSpec;

/**
 * The PyTorch modules of the two layers that make a map larger: {@code nn.ConvTranspose2d} (the
 * same arithmetic and weight layout [C_in, F, KH, KW] as ConvLab's convtranspose) and
 * {@code nn.Upsample} (ConvLab's bilinear is PyTorch's align_corners=False; nearest takes no
 * align_corners). Arguments at their PyTorch default are left out, as for the other layers.
 */
final class TorchUpsampling {
    private TorchUpsampling() {}

    static String convTranspose(ConvTransposeSpec t, long inChannels) {
        int[] pad = t.resolvedPadding();
        StringBuilder b = new StringBuilder("nn.ConvTranspose2d(").append(inChannels).append(", ").append(t.filters())
                .append(", kernel_size=").append(pair(t.kernelHeight(), t.kernelWidth()));
        if (t.stride() != 1) {
            b.append(", stride=").append(t.stride());
        }
        if (pad[0] != 0 || pad[1] != 0) {
            b.append(", padding=").append(pair(pad[0], pad[1]));
        }
        if (t.outputPadRows() != 0 || t.outputPadCols() != 0) {
            b.append(", output_padding=").append(pair(t.outputPadRows(), t.outputPadCols()));
        }
        if (!t.bias()) {
            b.append(", bias=False");
        }
        if (t.dilation() != 1) {
            b.append(", dilation=").append(t.dilation());
        }
        return b.append(")").toString();
    }

    static String upsample(UpsampleSpec u) {
        return u.mode() == UpsampleSpec.Mode.BILINEAR
                ? "nn.Upsample(scale_factor=" + u.scale() + ", mode=\"bilinear\", align_corners=False)"
                : "nn.Upsample(scale_factor=" + u.scale() + ", mode=\"nearest\")";
    }

    private static String pair(int a, int b) {
        return a == b ? Integer.toString(a) : "(" + a + ", " + b + ")";
    }
}
