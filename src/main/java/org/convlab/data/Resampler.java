package org.convlab.data;

/**
 * Resizes one channel plane to a target size under a {@link ResizeMode}. Each axis is resampled
 * separately: shrinking averages the source pixels each output pixel covers, weighted by the
 * overlap (area averaging, so thin strokes fade instead of vanishing as they do when sampling
 * every n-th pixel); enlarging interpolates bilinearly between pixel centres (PyTorch's
 * align_corners=False). FIT_PAD fills the margins with {@code fill}.
 */
final class Resampler {
    private Resampler() {}

    /** Where the resized image lands inside the output, and which part of the source it shows. */
    record Plan(int outTop, int outLeft, int outHeight, int outWidth,
                double srcTop, double srcLeft, double srcHeight, double srcWidth) {}

    /** The placement for a h x w source in an oh x ow output. */
    static Plan plan(ResizeMode mode, int h, int w, int oh, int ow) {
        switch (mode) {
            case STRETCH:
                return new Plan(0, 0, oh, ow, 0, 0, h, w);
            case FIT_PAD: {
                double scale = Math.min((double) oh / h, (double) ow / w);
                int nh = clamp((int) Math.round(h * scale), oh);
                int nw = clamp((int) Math.round(w * scale), ow);
                return new Plan((oh - nh) / 2, (ow - nw) / 2, nh, nw, 0, 0, h, w);
            }
            case CENTER_CROP: {
                double scale = Math.max((double) oh / h, (double) ow / w);
                double sh = Math.min(h, oh / scale);
                double sw = Math.min(w, ow / scale);
                return new Plan(0, 0, oh, ow, (h - sh) / 2, (w - sw) / 2, sh, sw);
            }
            default:
                throw new IllegalArgumentException("resize mode " + mode);
        }
    }

    private static int clamp(int n, int max) {
        return Math.max(1, Math.min(max, n));
    }

    // out[offset + oy*ow + ox] (oh x ow)  from  src[srcOffset + y*w + x] (h x w)
    static void resize(float[] out, int offset, int oh, int ow, float[] src, int srcOffset, int h, int w,
                       ResizeMode mode, float fill) {
        Plan p = plan(mode, h, w, oh, ow);
        Axis rows = Axis.of(h, p.srcTop(), p.srcHeight(), p.outHeight());
        Axis cols = Axis.of(w, p.srcLeft(), p.srcWidth(), p.outWidth());
        // horizontal pass over the source rows the vertical pass needs: tmp is h x outWidth
        float[] tmp = new float[h * p.outWidth()];
        for (int y = rows.firstSource(); y <= rows.lastSource(); y++) {
            for (int ox = 0; ox < p.outWidth(); ox++) {
                double sum = 0;
                for (int k = cols.start[ox]; k < cols.start[ox + 1]; k++) {
                    sum += cols.weight[k] * src[srcOffset + y * w + cols.index[k]];
                }
                tmp[y * p.outWidth() + ox] = (float) sum;
            }
        }
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                int iy = oy - p.outTop();
                int ix = ox - p.outLeft();
                float value = fill;
                if (iy >= 0 && iy < p.outHeight() && ix >= 0 && ix < p.outWidth()) {
                    double sum = 0;
                    for (int k = rows.start[iy]; k < rows.start[iy + 1]; k++) {
                        sum += rows.weight[k] * tmp[rows.index[k] * p.outWidth() + ix];
                    }
                    value = (float) sum;
                }
                out[offset + oy * ow + ox] = value;
            }
        }
    }

    /**
     * Resampling weights along one axis: output o reads source pixels index[start[o] .. start[o+1])
     * with the matching weights (which add up to 1).
     */
    static final class Axis {
        final int[] start;
        final int[] index;
        final double[] weight;

        private Axis(int[] start, int[] index, double[] weight) {
            this.start = start;
            this.index = index;
            this.weight = weight;
        }

        int firstSource() {
            return index.length == 0 ? 0 : min(index);
        }

        int lastSource() {
            return index.length == 0 ? -1 : max(index);
        }

        /** Weights for n outputs covering source positions [from, from + length) of a size-pixel axis. */
        static Axis of(int size, double from, double length, int n) {
            double step = length / n;
            int[] start = new int[n + 1];
            int cap = n * ((int) Math.ceil(step) + 2);
            int[] index = new int[cap];
            double[] weight = new double[cap];
            int k = 0;
            for (int o = 0; o < n; o++) {
                start[o] = k;
                if (step > 1 + 1e-12) {
                    // area: the output pixel covers [a, b) of the source
                    double a = from + o * step;
                    double b = a + step;
                    for (int s = (int) Math.floor(a); s < b - 1e-12 && s < size; s++) {
                        double overlap = Math.min(b, s + 1) - Math.max(a, s);
                        if (overlap > 1e-12) {
                            index[k] = s;
                            weight[k++] = overlap / step;
                        }
                    }
                } else {
                    // bilinear between pixel centres, clamped at the edges
                    double c = from + (o + 0.5) * step - 0.5;
                    c = Math.max(0, Math.min(size - 1, c));
                    int s0 = (int) Math.floor(c);
                    double t = c - s0;
                    index[k] = s0;
                    weight[k++] = 1 - t;
                    if (t > 1e-12 && s0 + 1 < size) {
                        index[k] = s0 + 1;
                        weight[k++] = t;
                    }
                }
            }
            start[n] = k;
            return new Axis(start, java.util.Arrays.copyOf(index, k), java.util.Arrays.copyOf(weight, k));
        }

        private static int min(int[] a) {
            int m = Integer.MAX_VALUE;
            for (int v : a) {
                m = Math.min(m, v);
            }
            return m;
        }

        private static int max(int[] a) {
            int m = Integer.MIN_VALUE;
            for (int v : a) {
                m = Math.max(m, v);
            }
            return m;
        }
    }
}
