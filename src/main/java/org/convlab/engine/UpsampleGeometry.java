package org.convlab.engine;

/**
 * The sizes of one upsampling by a whole factor on both axes, batch included: x [N, C, H, W] ->
 * y [N, C, H*scale, W*scale], nearest or bilinear (PyTorch's {@code align_corners=False}).
 */
public record UpsampleGeometry(int batch, int channels, int height, int width, int scale, boolean bilinear) {
    public UpsampleGeometry {
        if (batch < 1 || channels < 1 || height < 1 || width < 1 || scale < 1) {
            throw new IllegalArgumentException("upsample sizes must be positive: batch " + batch + ", input "
                    + channels + "x" + height + "x" + width + ", scale " + scale);
        }
        if ((long) height * scale > Integer.MAX_VALUE || (long) width * scale > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("upsample output " + (long) height * scale + "x" + (long) width * scale
                    + " is too large");
        }
    }

    public int outHeight() {
        return height * scale;
    }

    public int outWidth() {
        return width * scale;
    }

    public int inPlane() {
        return height * width;
    }

    public int outPlane() {
        return outHeight() * outWidth();
    }

    public int inputSize() {
        return batch * channels * inPlane();
    }

    public int outputSize() {
        return batch * channels * outPlane();
    }

    /**
     * Where output row/column {@code o} reads the input, as PyTorch's bilinear with
     * align_corners=False computes it in float: {@code max(0, (1/scale)*(o + 0.5) - 0.5)}.
     */
    public float source(int o) {
        float src = (1f / scale) * (o + 0.5f) - 0.5f;
        return src < 0f ? 0f : src;
    }
}
