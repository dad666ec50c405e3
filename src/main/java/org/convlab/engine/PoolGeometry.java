package org.convlab.engine;

/**
 * Sizes of a 2D pooling layer (max or average) over a batch of NCHW feature maps.
 *
 * <p>Output size follows PyTorch: floor mode {@code (H + 2p - window)/stride + 1}; ceil mode
 * rounds the division up, but drops the last window when it would start in the right padding
 * (so every window covers at least one real input or left-padding cell). The X/O slides pool a
 * 7x7 map with window 2, stride 2 in ceil mode and get 4x4; floor mode would give 3x3.
 */
public record PoolGeometry(int batch, int channels, int inHeight, int inWidth, int window, int stride,
                           int padding, boolean ceil) {

    public PoolGeometry {
        if (batch <= 0 || channels <= 0 || inHeight <= 0 || inWidth <= 0) {
            throw new IllegalArgumentException("pooling input sizes must be positive: " + batch + "x"
                    + channels + "x" + inHeight + "x" + inWidth);
        }
        if (window <= 0 || stride <= 0 || padding < 0) {
            throw new IllegalArgumentException("pooling needs window > 0, stride > 0, padding >= 0: window "
                    + window + ", stride " + stride + ", padding " + padding);
        }
        // PyTorch's rule: padding beyond half the window would make windows of padding only.
        if (padding > window / 2) {
            throw new IllegalArgumentException("pooling padding " + padding + " is more than half the window "
                    + window);
        }
        if (outSize(inHeight, window, stride, padding, ceil) <= 0 || outSize(inWidth, window, stride, padding, ceil) <= 0) {
            throw new IllegalArgumentException("pooling window " + window + " does not fit the "
                    + inHeight + "x" + inWidth + " input with padding " + padding);
        }
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
        return outSize(inHeight, window, stride, padding, ceil);
    }

    public int outWidth() {
        return outSize(inWidth, window, stride, padding, ceil);
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
