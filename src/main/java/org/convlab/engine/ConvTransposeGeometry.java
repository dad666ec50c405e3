package org.convlab.engine;

/**
 * The sizes of one 2D transposed convolution (PyTorch's ConvTranspose2d), batch included: input
 * [N, C_in, H, W], weight [C_in, C_out, KH, KW], output [N, C_out, OH, OW] with
 * {@code OH = stride*(H - 1) + outPadHeight + dilation*(KH - 1) + 1 - 2*padHeight} (and OW alike).
 *
 * <p>It is the backward pass of the convolution {@link #dual()} that maps [C_out, OH, OW] back to
 * [C_in, H, W] with the same weights, stride, padding and dilation: this layer's forward is that
 * convolution's input gradient, and this layer's input gradient is that convolution's forward.
 */
public record ConvTransposeGeometry(int batch, int inChannels, int inHeight, int inWidth, int outChannels,
                                    int kernelHeight, int kernelWidth, int stride, int padHeight, int padWidth,
                                    int outPadHeight, int outPadWidth, int dilation) {

    public ConvTransposeGeometry {
        if (batch < 1 || inChannels < 1 || inHeight < 1 || inWidth < 1 || outChannels < 1
                || kernelHeight < 1 || kernelWidth < 1 || stride < 1 || dilation < 1) {
            throw new IllegalArgumentException("transposed conv sizes must be positive: batch " + batch + ", input "
                    + inChannels + "x" + inHeight + "x" + inWidth + ", " + outChannels + " filters " + kernelHeight
                    + "x" + kernelWidth + ", stride " + stride + ", dilation " + dilation);
        }
        if (padHeight < 0 || padWidth < 0 || outPadHeight < 0 || outPadWidth < 0
                || outPadHeight >= Math.max(stride, dilation) || outPadWidth >= Math.max(stride, dilation)) {
            throw new IllegalArgumentException("transposed conv padding " + padHeight + "x" + padWidth
                    + " must be >= 0 and output padding " + outPadHeight + "x" + outPadWidth
                    + " below the stride or the dilation");
        }
        long oh = (long) stride * (inHeight - 1) + outPadHeight + (long) dilation * (kernelHeight - 1) + 1 - 2L * padHeight;
        long ow = (long) stride * (inWidth - 1) + outPadWidth + (long) dilation * (kernelWidth - 1) + 1 - 2L * padWidth;
        if (oh < 1 || ow < 1 || oh > Integer.MAX_VALUE || ow > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("transposed conv output " + oh + "x" + ow + " is not a usable size");
        }
    }

    /** Square kernel, same padding and output padding on both axes, no dilation. */
    public static ConvTransposeGeometry of(int batch, int inChannels, int inHeight, int inWidth, int outChannels,
                                           int kernel, int stride, int padding, int outPadding) {
        return new ConvTransposeGeometry(batch, inChannels, inHeight, inWidth, outChannels, kernel, kernel, stride,
                padding, padding, outPadding, outPadding, 1);
    }

    /** stride*(inHeight - 1) + outPadHeight + dilation*(kernelHeight - 1) + 1 - 2*padHeight */
    public int outHeight() {
        return stride * (inHeight - 1) + outPadHeight + dilation * (kernelHeight - 1) + 1 - 2 * padHeight;
    }

    /** stride*(inWidth - 1) + outPadWidth + dilation*(kernelWidth - 1) + 1 - 2*padWidth */
    public int outWidth() {
        return stride * (inWidth - 1) + outPadWidth + dilation * (kernelWidth - 1) + 1 - 2 * padWidth;
    }

    public int inPlane() {
        return inHeight * inWidth;
    }

    public int outPlane() {
        return outHeight() * outWidth();
    }

    public int inputSize() {
        return batch * inChannels * inPlane();
    }

    public int outputSize() {
        return batch * outChannels * outPlane();
    }

    public int weightSize() {
        return inChannels * outChannels * kernelHeight * kernelWidth;
    }

    /**
     * The convolution whose input gradient this layer computes: input [C_out, OH, OW], C_in filters.
     * Its output is H x W, plus {@code floor(outPad/stride)} rows/columns when the output padding is
     * not below the stride (allowed under a larger dilation); those extra rows hold zeros here.
     */
    public ConvGeometry dual() {
        return new ConvGeometry(batch, outChannels, outHeight(), outWidth(), inChannels, kernelHeight, kernelWidth,
                stride, padHeight, padWidth, dilation, 1);
    }

    /** The same geometry with another batch size. */
    public ConvTransposeGeometry withBatch(int newBatch) {
        return new ConvTransposeGeometry(newBatch, inChannels, inHeight, inWidth, outChannels, kernelHeight,
                kernelWidth, stride, padHeight, padWidth, outPadHeight, outPadWidth, dilation);
    }
}
