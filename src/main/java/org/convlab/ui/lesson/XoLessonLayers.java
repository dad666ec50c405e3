package org.convlab.ui.lesson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The X/O lesson's network as the slides draw it, for the layer stack and the properties panel
 * until the model package provides real layer specs. Every number here is either a setting from
 * the slides or arithmetic on them, written out so the student sees where it comes from.
 */
public final class XoLessonLayers {
    /** One card: short name, one-line description, output size and the settings shown on the right. */
    public record Layer(String name, String type, String summary, String output, Map<String, String> settings) {}

    static final int IMAGE = 9;
    static final int FEATURES = 3;
    static final int KERNEL = 3;
    static final int STRIDE = 1;
    static final int POOL = 2;
    static final int POOL_STRIDE = 2;
    static final int CLASSES = 2;

    private XoLessonLayers() {}

    public static List<Layer> layers() {
        int conv = (IMAGE - KERNEL) / STRIDE + 1;
        // Ceil mode: the slides keep the partial window at the right and bottom edges.
        int pooled = ceilDiv(conv - POOL, POOL_STRIDE) + 1;
        int flat = pooled * pooled * FEATURES;

        Map<String, String> input = new LinkedHashMap<>();
        input.put("Height", String.valueOf(IMAGE));
        input.put("Width", String.valueOf(IMAGE));
        input.put("Channels", "1");
        input.put("Pixel values", "+1 ink, -1 background");

        Map<String, String> convolution = new LinkedHashMap<>();
        convolution.put("Features", String.valueOf(FEATURES));
        convolution.put("Kernel", KERNEL + " x " + KERNEL);
        convolution.put("Stride", String.valueOf(STRIDE));
        convolution.put("Padding", "none (valid)");
        convolution.put("Normalize", "divide by " + KERNEL * KERNEL);
        convolution.put("Output size", "(" + IMAGE + " - " + KERNEL + ")/" + STRIDE + " + 1 = " + conv);
        convolution.put("Weights", FEATURES + " x " + KERNEL + " x " + KERNEL + " = " + FEATURES * KERNEL * KERNEL + ", fixed");

        Map<String, String> relu = new LinkedHashMap<>();
        relu.put("Rule", "negative values become 0");
        relu.put("Output size", "same as input");

        Map<String, String> pool = new LinkedHashMap<>();
        pool.put("Window", POOL + " x " + POOL);
        pool.put("Stride", String.valueOf(POOL_STRIDE));
        pool.put("Edges", "ceil (keeps partial windows)");
        pool.put("Output size", "ceil((" + conv + " - " + POOL + ")/" + POOL_STRIDE + ") + 1 = " + pooled);

        Map<String, String> votes = new LinkedHashMap<>();
        votes.put("Inputs", pooled + " x " + pooled + " x " + FEATURES + " = " + flat);
        votes.put("Classes", "X, O");
        votes.put("Vote weights", "not set yet");

        String shape3 = "%d x %d x %d";
        return List.of(
                new Layer("input", "Input", "X/O image, " + IMAGE + " x " + IMAGE + " x 1",
                        String.format(shape3, IMAGE, IMAGE, 1), input),
                new Layer("conv", "Convolution", FEATURES + " @ " + KERNEL + " x " + KERNEL + ", normalize",
                        String.format(shape3, conv, conv, FEATURES), convolution),
                new Layer("relu", "ReLU", "negatives become 0",
                        String.format(shape3, conv, conv, FEATURES), relu),
                new Layer("pool", "Max pooling", POOL + " x " + POOL + ", stride " + POOL_STRIDE + ", ceil",
                        String.format(shape3, pooled, pooled, FEATURES), pool),
                new Layer("votes", "Fully connected", "votes for X / O", String.valueOf(CLASSES), votes));
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
