package org.convlab.ui.training;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.convlab.engine.Shape;

/**
 * Model inputs and weights as images: one sample C x H x W (grey for one channel, RGB for three),
 * values stretched from their own minimum to maximum so that any normalisation shows.
 */
final class Pictures {
    private Pictures() {}

    /**
     * @param invert true for data in the slides' ink convention (+1 = dark ink), so that X's look
     *               black on white as in the files
     */
    static WritableImage sample(float[] x, int offset, Shape shape, boolean invert) {
        int h = shape.height();
        int w = shape.width();
        int plane = h * w;
        int channels = shape.channels();
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < shape.size(); i++) {
            min = Math.min(min, x[offset + i]);
            max = Math.max(max, x[offset + i]);
        }
        float range = max > min ? max - min : 1f;
        // one int per pixel handed over at once: a Color object and a call per pixel cost a
        // gallery of two dozen images tens of milliseconds of the FX thread
        int[] argb = new int[h * w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int pixel = 0xFF000000;
                for (int k = 0; k < 3; k++) {
                    int ch = channels == 3 ? k : 0;
                    float v = (x[offset + ch * plane + r * w + c] - min) / range;
                    int level = Math.round(255 * (invert ? 1 - v : v));
                    pixel |= level << (16 - 8 * k);
                }
                argb[r * w + c] = pixel;
            }
        }
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return img;
    }
}
