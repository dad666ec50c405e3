package org.convlab.data.input;

/** Bilinear resampling of one plane, pixel centres aligned (PyTorch's align_corners=False). */
final class Resize {
    private Resize() {}

    // out[offset + oy*ow + ox] (oh x ow)  from  src[y*w + x] (h x w); identity when sizes match
    static void bilinear(float[] out, int offset, float[] src, int h, int w, int oh, int ow) {
        if (h == oh && w == ow) {
            System.arraycopy(src, 0, out, offset, h * w);
            return;
        }
        float sy = (float) h / oh;
        float sx = (float) w / ow;
        for (int oy = 0; oy < oh; oy++) {
            float fy = Math.max(0f, (oy + 0.5f) * sy - 0.5f);
            int y0 = Math.min((int) fy, h - 1);
            int y1 = Math.min(y0 + 1, h - 1);
            float ty = fy - y0;
            for (int ox = 0; ox < ow; ox++) {
                float fx = Math.max(0f, (ox + 0.5f) * sx - 0.5f);
                int x0 = Math.min((int) fx, w - 1);
                int x1 = Math.min(x0 + 1, w - 1);
                float tx = fx - x0;
                float top = src[y0 * w + x0] * (1 - tx) + src[y0 * w + x1] * tx;
                float bottom = src[y1 * w + x0] * (1 - tx) + src[y1 * w + x1] * tx;
                out[offset + oy * ow + ox] = top * (1 - ty) + bottom * ty;
            }
        }
    }
}
