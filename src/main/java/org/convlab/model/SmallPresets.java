package org.convlab.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.convlab.engine.Shape;

/** The small teaching nets: xo, lenet5, tinyvgg, mnist1d, mlp-mnist1d. */
final class SmallPresets {
    private SmallPresets() {}

    /** X/O features and images, read from the app's lesson resource so the preset and the lesson agree. */
    static final String LESSON = "/org/convlab/xo/lesson.json";

    static Preset xo() {
        JsonNode lesson = xoLesson();
        int[][][] features = grids(lesson.get("features"));
        JsonNode images = lesson.get("images");
        ParamData votes = XoVotes.weights(grid(images.get("x")), grid(images.get("o")), features);
        List<LayerSpec> layers = new Stack()
                .add(new ConvSpec("conv1", 3, 3, 3, 1, Padding.VALID, 1, false, true, xoFeatures(features), null))
                .relu()
                .add(PoolSpec.max(2, 2).withCeil(true))
                .flatten()
                .add(DenseSpec.of(2).withWeights(votes, new ParamData(new int[] {2}, new float[2])))
                .softmax()
                .layers();
        return new Preset("xo", "X or O (toy ConvNet)",
                "The slides' toy ConvNet for telling X from O on 9x9 images of +1 ink and -1 background. "
                        + "Three 3x3 features (diagonal down, cross, diagonal up) are matched at every position: "
                        + "multiply pixel by pixel, add up and divide by 9 (normalize). ReLU keeps the matches, "
                        + "2x2 max pooling with stride 2 keeps the partial edge windows (ceil), so 7x7 maps become 4x4. "
                        + "A fully connected layer then votes for X and O. The slides give no vote weights, so these "
                        + "are derived from the lesson's X and O: each pooled value votes for X by how much more it "
                        + "lights up on the X than on the O (less the average difference, so the weights add up to 0), "
                        + "scaled so the clean X totals 1; the O's votes are the opposite. Training learns its own.",
                "Lecture slides 'A toy ConvNet: X's and O's' (after Brandon Rohrer, How convolutional neural networks work, 2016)",
                new NetworkSpec(Shape.of(1, 9, 9), List.of("X", "O"), layers));
    }

    /** The three features as a conv weight [3, 1, 3, 3], in the lesson file's order. */
    static ParamData xoFeatures() {
        return xoFeatures(grids(xoLesson().get("features")));
    }

    private static ParamData xoFeatures(int[][][] features) {
        float[] data = new float[features.length * 9];
        int i = 0;
        for (int[][] f : features) {
            for (int[] row : f) {
                for (int v : row) {
                    data[i++] = v;
                }
            }
        }
        return new ParamData(new int[] {features.length, 1, 3, 3}, data);
    }

    private static JsonNode xoLesson() {
        try (InputStream in = SmallPresets.class.getResourceAsStream(LESSON)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + LESSON);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + LESSON, e);
        }
    }

    /** An object of named grids, in file order. */
    private static int[][][] grids(JsonNode named) {
        List<int[][]> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = named.fields();
        while (it.hasNext()) {
            out.add(grid(it.next().getValue()));
        }
        return out.toArray(new int[0][][]);
    }

    private static int[][] grid(JsonNode rows) {
        int[][] g = new int[rows.size()][];
        for (int r = 0; r < g.length; r++) {
            JsonNode row = rows.get(r);
            g[r] = new int[row.size()];
            for (int c = 0; c < g[r].length; c++) {
                g[r][c] = row.get(c).intValue();
            }
        }
        return g;
    }

    static Preset lenet5() {
        List<LayerSpec> layers = new Stack()
                .convRelu(6, 5, 1, 2).maxpool(2, 2)
                .convRelu(16, 5, 1, 0).maxpool(2, 2)
                .convRelu(120, 5, 1, 0)
                .flatten()
                .dense(84).relu()
                .dense(10)
                .softmax()
                .layers();
        return new Preset("lenet5", "LeNet-5",
                "LeCun's digit reader, the first ConvNet that worked in practice: CONV-POOL-CONV-POOL-CONV-FC with "
                        + "5x5 convolutions at stride 1 and 2x2 subsampling at stride 2 (6, 16 and 120 filters, then 84 "
                        + "and 10 units). This version takes 28x28x1 images (MNIST, Fashion-MNIST) and pads the first "
                        + "convolution by 2, which gives exactly the classic 32x32 sizes from then on "
                        + "(28x28x6, 14x14x6, 10x10x16, 5x5x16, 120, 84, 10); it uses ReLU and max pooling, "
                        + "as most modern re-implementations do, instead of the original squashing and trainable subsampling.",
                "LeCun, Bottou, Bengio, Haffner: Gradient-based learning applied to document recognition (1998)",
                new NetworkSpec(Shape.of(1, 28, 28), digits(), layers));
    }

    static Preset tinyvgg() {
        List<LayerSpec> layers = new Stack()
                .convRelu(10, 3, 1, 0).convRelu(10, 3, 1, 0).maxpool(2, 2)
                .convRelu(10, 3, 1, 0).convRelu(10, 3, 1, 0).maxpool(2, 2)
                .flatten()
                .dense(10)
                .softmax()
                .layers();
        return new Preset("tinyvgg", "Tiny VGG (CNN Explainer)",
                "The small VGG-style net that CNN Explainer visualises: 64x64 colour images, two blocks of two "
                        + "3x3 convolutions with 10 filters and ReLU followed by 2x2 max pooling, then one fully "
                        + "connected layer to 10 classes of Tiny ImageNet (64 -> 62 -> 60 -> 30 -> 28 -> 26 -> 13).",
                "Wang et al.: CNN Explainer: learning convolutional neural networks with interactive visualization (2020)",
                new NetworkSpec(Shape.of(3, 64, 64), List.of("lifeboat", "ladybug", "pizza", "bell pepper", "school bus",
                        "koala", "espresso", "red panda", "orange", "sport car"), layers));
    }

    static Preset mnist1d() {
        Stack s = new Stack();
        for (int i = 0; i < 3; i++) {
            // 40 -> 19 drops the last sample ((40 - 3)/2 + 1 = 19.5), as the original PyTorch net does
            s.add(new ConvSpec(null, 15, 1, 3, 2, Padding.VALID, 1, true, false, null, null, true)).relu();
        }
        List<LayerSpec> layers = s.flatten().dense(10).softmax().layers();
        return new Preset("mnist1d", "MNIST-1D ConvNet",
                "A 1D convolutional network for MNIST-1D signals of length 40: three convolutions with kernel 3, "
                        + "stride 2, no padding and 15 channels each (40 -> 19 -> 9 -> 4), ReLU after each, then a fully "
                        + "connected layer from 4*15 values to 10 classes: 60 + 690 + 690 + 610 = 2,050 parameters. "
                        + "1D convolution here is the 2D layer on an input of height 1 with kernel [1, 3].",
                "Prince: Understanding Deep Learning, chapter 10 (2023); Greydanus: Scaling down deep learning with MNIST-1D (2020)",
                new NetworkSpec(Shape.of(1, 1, 40), digits(), layers));
    }

    static Preset mlpMnist1d() {
        List<LayerSpec> layers = new Stack()
                .flatten()
                .dense(285).relu()
                .dense(135).relu()
                .dense(60).relu()
                .dense(10)
                .softmax()
                .layers();
        return new Preset("mlp-mnist1d", "MNIST-1D fully connected",
                "A fully connected network for MNIST-1D with the same number of layers and hidden units as the "
                        + "mnist1d ConvNet (285, 135 and 60 hidden units, the sizes of its three feature maps), to "
                        + "compare against it: every unit sees the whole signal and nothing is shared, so it needs "
                        + "59,065 parameters where the ConvNet needs 2,050. (The slides quote 150,185 for their fully "
                        + "connected net without giving its sizes.)",
                "Prince: Understanding Deep Learning, chapter 10 (2023)",
                new NetworkSpec(Shape.of(1, 1, 40), digits(), layers));
    }

    private static List<String> digits() {
        List<String> d = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            d.add(Integer.toString(i));
        }
        return d;
    }
}
