package org.convlab.engine;

/**
 * Sizes of a 2D pooling layer (max or average) over a batch of NCHW feature maps, with a
 * {@code windowHeight x windowWidth} window and {@code padHeight} rows / {@code padWidth} columns
 * of padding on each side. One stride for both axes, as in {@code PoolSpec}. A 1D pool
 * (PyTorch's {@code MaxPool1d(k)}) is a 2D one over a 1-row map with a 1 x k window.
 *
 * <p>Output size follows PyTorch, axis by axis: floor mode {@code (H + 2p - window)/stride + 1};
 * ceil mode rounds the division up, but drops the last window when it would start in the right
 * padding (so every window covers at least one real input or left-padding cell). The X/O slides
 * pool a 7x7 map with window 2, stride 2 in ceil mode and get 4x4; floor mode would give 3x3.
 */
public record PoolGeometry(int batch, int channels, int inHeight, int inWidth, int windowHeight, int windowWidth,
                           int stride, int padHeight, int padWidth, boolean ceil) {

    public PoolGeometry {
        if (batch <= 0 || channels <= 0 || inHeight <= 0 || inWidth <= 0) {
            throw new IllegalArgumentException("pooling input sizes must be positive: " + batch + "x"
                    + channels + "x" + inHeight + "x" + inWidth);
        }
        if (windowHeight <= 0 || windowWidth <= 0 || stride <= 0 || padHeight < 0 || padWidth < 0) {
            throw new IllegalArgumentException("pooling needs window > 0, stride > 0, padding >= 0: window "
                    + windowHeight + "x" + windowWidth + ", stride " + stride + ", padding " + padHeight + "x" + padWidth);
        }
        // PyTorch's rule, per axis: padding beyond half the window would make windows of padding only.
        if (padHeight > windowHeight / 2 || padWidth > windowWidth / 2) {
            throw new IllegalArgumentException("pooling padding " + padHeight + "x" + padWidth
                    + " is more than half the window " + windowHeight + "x" + windowWidth);
        }
        if (outSize(inHeight, windowHeight, stride, padHeight, ceil) <= 0
                || outSize(inWidth, windowWidth, stride, padWidth, ceil) <= 0) {
            throw new IllegalArgumentException("pooling window " + windowHeight + "x" + windowWidth + " does not fit the "
                    + inHeight + "x" + inWidth + " input with padding " + padHeight + "x" + padWidth);
        }
    }

    /** Square window, the same padding on both axes (the X/O slides' and most 2D nets' pools). */
    public PoolGeometry(int batch, int channels, int inHeight, int inWidth, int window, int stride, int padding,
                        boolean ceil) {
        this(batch, channels, inHeight, inWidth, window, window, stride, padding, padding, ceil);
    }

    /** One output side for an input side of {@code in}; may be 0 or negative when the window does not fit. */
    public static int outSize(int in, int window, int stride, int padding, boolean ceil) {
        int span = in + 2 * padding - window;
        if (span < 0) {
            return 0;
        }
        int out = (ceil ? (span + stride - 1) / stride : span / stride) + 1;
        // The last window must start inside the input or the left padding, not in the right padding.
        if (ceil && (out - 1) * stride >= in + padding) {
            out--;
        }
        return out;
    }

    public int outHeight() {
        return outSize(inHeight, windowHeight, stride, padHeight, ceil);
    }

    public int outWidth() {
        return outSize(inWidth, windowWidth, stride, padWidth, ceil);
    }

    /** Cells under one window: windowHeight * windowWidth. */
    public int windowArea() {
        return windowHeight * windowWidth;
    }

    /** Top row of the window of output row {@code oh}, in input coordinates (negative in the padding). */
    public int windowTop(int oh) {
        return oh * stride - padHeight;
    }

    /** Left column of the window of output column {@code ow}, in input coordinates (negative in the padding). */
    public int windowLeft(int ow) {
        return ow * stride - padWidth;
    }

    /** Number of (sample, channel) planes. */
    public int planes() {
        return batch * channels;
    }

    public int inPlane() {
        return inHeight * inWidth;
    }

    public int outPlane() {
        return outHeight() * outWidth();
    }

    /** Number of input values (N*C*H*W). */
    public int inSize() {
        return planes() * inPlane();
    }

    /** Number of output values (N*C*OH*OW). */
    public int outSize() {
        return planes() * outPlane();
    }
}
