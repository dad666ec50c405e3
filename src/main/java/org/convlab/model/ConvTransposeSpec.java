package org.convlab.model;

import java.util.Arrays;
import org.convlab.UserInputException;

/**
 * Transposed convolution (PyTorch's ConvTranspose2d): every input value stamps a scaled copy of
 * its kernel into the output, {@code stride} pixels apart, and overlapping stamps add up; then
 * {@code padding} rows/columns are cut from each side and {@code output_padding} extra rows/columns
 * are kept at the bottom/right. Output size per axis: {@code o = s(i - 1) + a + d(k - 1) + 1 - 2p}.
 * Inline tensors (nullable) in PyTorch's layout: {@code weight [C_in, filters, KH, KW]},
 * {@code biasData [filters]}. {@code padding} is a number or [rows, cols] ("same" has no meaning here).
 */
public record ConvTransposeSpec(String name, int filters, int kernelHeight, int kernelWidth, int stride,
                                Padding padding, int outputPadRows, int outputPadCols, int dilation, boolean bias,
                                ParamData weight, ParamData biasData) implements LayerSpec {
    public static final String TYPE = "convtranspose";

    public ConvTransposeSpec {
        String l = Checks.label(name, TYPE);
        Checks.positive(l, "filters", filters);
        Checks.positive(l, "kernel", kernelHeight);
        Checks.positive(l, "kernel", kernelWidth);
        Checks.positive(l, "stride", stride);
        Checks.positive(l, "dilation", dilation);
        if (padding == null) {
            padding = Padding.VALID;
        }
        if (padding.kind() == Padding.Kind.SAME) {
            throw new UserInputException(l + ".padding: a transposed convolution takes the padding as a number or"
                    + " [rows, cols] (what is cut from each side of the output), not \"same\"");
        }
        for (int a : new int[] {outputPadRows, outputPadCols}) {
            if (a < 0) {
                throw new UserInputException(l + ".output_padding: must be an integer >= 0, got " + a);
            }
            if (a >= stride && a >= dilation) {
                throw new UserInputException(l + ".output_padding: must be smaller than the stride (" + stride
                        + ") or the dilation (" + dilation + "), as PyTorch requires, got " + a
                        + "; it only picks which of the output sizes a stride allows");
            }
        }
        if (weight != null && (weight.shape().length != 4 || weight.shape()[1] != filters
                || weight.shape()[2] != kernelHeight || weight.shape()[3] != kernelWidth)) {
            throw new UserInputException(l + ".weight: shape must be [C_in, " + filters + ", " + kernelHeight + ", "
                    + kernelWidth + "] (PyTorch's ConvTranspose2d layout), got " + Arrays.toString(weight.shape()));
        }
        if (biasData != null && !bias) {
            throw new UserInputException(l + ".bias: the layer has bias off but bias values were given");
        }
        Checks.paramShape(l, "bias", biasData, filters);
    }

    /** Square kernel, bias on, no dilation, no inline weights. */
    public static ConvTransposeSpec of(int filters, int kernel, int stride, int padding, int outputPadding) {
        return new ConvTransposeSpec(null, filters, kernel, kernel, stride, Padding.of(padding), outputPadding,
                outputPadding, 1, true, null, null);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String defaultPrefix() {
        return "convT";
    }

    @Override
    public ConvTransposeSpec withName(String n) {
        return new ConvTransposeSpec(n, filters, kernelHeight, kernelWidth, stride, padding, outputPadRows,
                outputPadCols, dilation, bias, weight, biasData);
    }

    public ConvTransposeSpec withWeights(ParamData w, ParamData b) {
        return new ConvTransposeSpec(name, filters, kernelHeight, kernelWidth, stride, padding, outputPadRows,
                outputPadCols, dilation, bias, w, b);
    }

    /** Concrete [ph, pw]. */
    public int[] resolvedPadding() {
        return padding.resolve(kernelHeight, kernelWidth, dilation, label());
    }
}
