package org.convlab.engine;

/**
 * The sizes of one 2D convolution, batch included. A 1D convolution is a 2D one with
 * {@code inHeight = kernelHeight = 1}.
 *
 * <p>{@code divisor} is 1 for an ordinary convolution. The X/O slides "normalize" a match by the
 * number of pixels in the feature, so there it is {@code kernelHeight * kernelWidth * inChannels}
 * and the output is {@code y = sum / divisor + bias}, a true division (7/9 is the correctly rounded
 * float, not 7 * (1/9)).
 */
public record ConvGeometry(int batch, int inChannels, int inHeight, int inWidth, int outChannels,
                           int kernelHeight, int kernelWidth, int stride, int padHeight, int padWidth,
                           int dilation, int divisor) {

    public ConvGeometry {
        if (batch < 1 || inChannels < 1 || inHeight < 1 || inWidth < 1 || outChannels < 1
                || kernelHeight < 1 || kernelWidth < 1) {
            throw new IllegalArgumentException("conv sizes must be positive: " + describe(batch, inChannels,
                    inHeight, inWidth, outChannels, kernelHeight, kernelWidth));
        }
        if (stride < 1 || dilation < 1 || divisor < 1 || padHeight < 0 || padWidth < 0) {
            throw new IllegalArgumentException("conv needs stride, dilation and divisor >= 1 and padding >= 0: stride "
                    + stride + ", dilation " + dilation + ", divisor " + divisor + ", padding " + padHeight + "x" + padWidth);
        }
        int oh = (inHeight + 2 * padHeight - dilation * (kernelHeight - 1) - 1);
        int ow = (inWidth + 2 * padWidth - dilation * (kernelWidth - 1) - 1);
        if (oh < 0 || ow < 0) {
            throw new IllegalArgumentException("conv kernel " + kernelHeight + "x" + kernelWidth + " (dilation " + dilation
                    + ") does not fit the padded input " + (inHeight + 2 * padHeight) + "x" + (inWidth + 2 * padWidth));
        }
    }

    /** Square kernel, same padding on both axes, no dilation, no normalisation. */
    public static ConvGeometry of(int batch, int inChannels, int inHeight, int inWidth, int outChannels,
                                  int kernel, int stride, int padding) {
        return new ConvGeometry(batch, inChannels, inHeight, inWidth, outChannels, kernel, kernel, stride,
                padding, padding, 1, 1);
    }

    /** (inHeight + 2*padHeight - dilation*(kernelHeight-1) - 1)/stride + 1 */
    public int outHeight() {
        return (inHeight + 2 * padHeight - dilation * (kernelHeight - 1) - 1) / stride + 1;
    }

    /** (inWidth + 2*padWidth - dilation*(kernelWidth-1) - 1)/stride + 1 */
    public int outWidth() {
        return (inWidth + 2 * padWidth - dilation * (kernelWidth - 1) - 1) / stride + 1;
    }

    /** Values in one output plane: outHeight * outWidth. */
    public int outPlane() {
        return outHeight() * outWidth();
    }

    /** Values in one input plane: inHeight * inWidth. */
    public int inPlane() {
        return inHeight * inWidth;
    }

    /** Weights per filter: inChannels * kernelHeight * kernelWidth (the GEMM depth). */
    public int patchSize() {
        return inChannels * kernelHeight * kernelWidth;
    }

    public int inputSize() {
        return batch * inChannels * inPlane();
    }

    public int outputSize() {
        return batch * outChannels * outPlane();
    }

    public int weightSize() {
        return outChannels * patchSize();
    }

    /** Multiply-adds of one forward pass over the whole batch. */
    public long macs() {
        return (long) batch * outChannels * outPlane() * patchSize();
    }

    /** The same geometry with another batch size. */
    public ConvGeometry withBatch(int newBatch) {
        return new ConvGeometry(newBatch, inChannels, inHeight, inWidth, outChannels, kernelHeight, kernelWidth,
                stride, padHeight, padWidth, dilation, divisor);
    }

    private static String describe(int n, int c, int h, int w, int f, int kh, int kw) {
        return "batch " + n + ", input " + c + "x" + h + "x" + w + ", " + f + " filters " + kh + "x" + kw;
    }
}
