package org.convlab.data;

import java.util.SplittableRandom;
import org.convlab.engine.Shape;

/**
 * Applies an {@link Augmentation} to one sample in place. Shift, flip and rotation are combined
 * into one inverse mapping (for each output pixel, where it comes from in the original), sampled
 * bilinearly; with no rotation the source positions are whole pixels, so shifts and flips copy
 * values exactly. Pixels that come from outside take the mean of the sample's border pixels of
 * that channel (black for MNIST, white for a drawing on paper).
 */
final class Augmenter {
    private final Augmentation aug;
    private final Shape shape;
    private final float[] scratch;

    Augmenter(Augmentation aug, Shape shape) {
        this.aug = aug;
        this.shape = shape;
        this.scratch = new float[shape.size()];
    }

    /** The random draws for one sample, in a fixed order: shift x, shift y, flip, angle. */
    record Draw(int dx, int dy, boolean flip, double degrees) {}

    Draw draw(SplittableRandom random) {
        int s = aug.maxShift();
        int dx = s == 0 ? 0 : random.nextInt(-s, s + 1);
        int dy = s == 0 || shape.height() == 1 ? 0 : random.nextInt(-s, s + 1);
        boolean flip = aug.horizontalFlip() && random.nextBoolean();
        double max = aug.maxRotationDegrees();
        double degrees = max == 0 || shape.height() == 1 ? 0 : (random.nextDouble() * 2 - 1) * max;
        return new Draw(dx, dy, flip, degrees);
    }

    // sample: x[offset .. offset + C*H*W) (C x H x W), changed in place
    void apply(float[] x, int offset, Draw d) {
        if (d.dx == 0 && d.dy == 0 && !d.flip && d.degrees == 0) {
            return;
        }
        int h = shape.height();
        int w = shape.width();
        int plane = h * w;
        System.arraycopy(x, offset, scratch, 0, shape.size());
        double rad = Math.toRadians(d.degrees);
        double cos = Math.cos(rad);
        double sin = Math.sin(rad);
        double cy = (h - 1) / 2.0;
        double cx = (w - 1) / 2.0;
        for (int c = 0; c < shape.channels(); c++) {
            int base = c * plane;
            float fill = borderMean(scratch, base, h, w);
            if (d.degrees == 0) {
                shiftAndFlip(x, offset + base, base, h, w, d, fill);
                continue;
            }
            for (int oy = 0; oy < h; oy++) {
                for (int ox = 0; ox < w; ox++) {
                    // undo the shift, then the rotation about the centre, then the flip
                    double px = ox - d.dx - cx;
                    double py = oy - d.dy - cy;
                    double sx = cos * px + sin * py + cx;
                    double sy = -sin * px + cos * py + cy;
                    if (d.flip) {
                        sx = (w - 1) - sx;
                    }
                    x[offset + base + oy * w + ox] = sample(scratch, base, h, w, sx, sy, fill);
                }
            }
        }
    }

    /** The same mapping without rotation, on whole pixels: out(y, x) = in(y - dy, x - dx), mirrored when flipping. */
    private void shiftAndFlip(float[] x, int out, int base, int h, int w, Draw d, float fill) {
        for (int oy = 0; oy < h; oy++) {
            int sy = oy - d.dy;
            for (int ox = 0; ox < w; ox++) {
                int sx = ox - d.dx;
                if (d.flip) {
                    sx = (w - 1) - sx;
                }
                x[out + oy * w + ox] = sx < 0 || sy < 0 || sx >= w || sy >= h ? fill : scratch[base + sy * w + sx];
            }
        }
    }

    /** Bilinear sample at (sx, sy); positions outside the image read {@code fill}. */
    private static float sample(float[] src, int base, int h, int w, double sx, double sy, float fill) {
        // snap values within rounding error of a whole pixel, so shifts and flips stay exact
        double rx = Math.rint(sx);
        double ry = Math.rint(sy);
        if (Math.abs(sx - rx) < 1e-9) {
            sx = rx;
        }
        if (Math.abs(sy - ry) < 1e-9) {
            sy = ry;
        }
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        double tx = sx - x0;
        double ty = sy - y0;
        float v00 = at(src, base, h, w, x0, y0, fill);
        if (tx == 0 && ty == 0) {
            return v00;
        }
        float v01 = at(src, base, h, w, x0 + 1, y0, fill);
        float v10 = at(src, base, h, w, x0, y0 + 1, fill);
        float v11 = at(src, base, h, w, x0 + 1, y0 + 1, fill);
        double top = v00 * (1 - tx) + v01 * tx;
        double bottom = v10 * (1 - tx) + v11 * tx;
        return (float) (top * (1 - ty) + bottom * ty);
    }

    private static float at(float[] src, int base, int h, int w, int x, int y, float fill) {
        return x < 0 || y < 0 || x >= w || y >= h ? fill : src[base + y * w + x];
    }

    /** Mean of the outermost ring of pixels of one channel plane. */
    static float borderMean(float[] src, int base, int h, int w) {
        double sum = 0;
        int n = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (y == 0 || y == h - 1 || x == 0 || x == w - 1) {
                    sum += src[base + y * w + x];
                    n++;
                }
            }
        }
        return (float) (sum / n);
    }
}
