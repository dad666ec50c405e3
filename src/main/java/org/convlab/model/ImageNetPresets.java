package org.convlab.model;

import java.util.ArrayList;
import java.util.List;
import org.convlab.engine.Shape;

/**
 * The ImageNet case studies of the slides: alexnet, zfnet, vgg16, googlenet, resnet18. They end
 * in class scores (as torchvision's do) except googlenet, whose slide lists the softmax.
 * Classes are left unnamed (an empty list): these are for shapes and counts, not for training here.
 */
final class ImageNetPresets {
    private ImageNetPresets() {}

    static Preset alexnet() {
        List<LayerSpec> layers = new Stack()
                .convRelu(96, 11, 4, 0).maxpool(3, 2).add(LrnSpec.alexNet())
                .convRelu(256, 5, 1, 2).maxpool(3, 2).add(LrnSpec.alexNet())
                .convRelu(384, 3, 1, 1)
                .convRelu(384, 3, 1, 1)
                .convRelu(256, 3, 1, 1).maxpool(3, 2)
                .flatten()
                .dense("fc6", 4096).relu().dropout(0.5)
                .dense("fc7", 4096).relu().dropout(0.5)
                .dense("fc8", 1000)
                .layers();
        return new Preset("alexnet", "AlexNet (simplified)",
                "The net that won ImageNet 2012 and started the deep learning wave, in the slides' simplified "
                        + "one-tower form: 227x227x3 input, CONV1 with 96 11x11 filters at stride 4 (55x55x96), max "
                        + "pooling 3x3 stride 2, local response normalization, CONV2-5, three fully connected layers "
                        + "(4096, 4096, 1000). ReLU, dropout 0.5; trained with SGD momentum 0.9, batch 128, learning "
                        + "rate 1e-2 divided by 10 on plateaus, weight decay 5e-4.",
                "Krizhevsky, Sutskever, Hinton: ImageNet classification with deep convolutional neural networks (2012)",
                new NetworkSpec(Shape.of(3, 227, 227), List.of(), layers));
    }

    static Preset zfnet() {
        List<LayerSpec> layers = new Stack()
                .convRelu(96, 7, 2, 1).add(pool(3, 2, 1)).add(LrnSpec.alexNet())
                .convRelu(256, 5, 2, 0).add(pool(3, 2, 1)).add(LrnSpec.alexNet())
                .convRelu(512, 3, 1, 1)
                .convRelu(1024, 3, 1, 1)
                .convRelu(512, 3, 1, 1).maxpool(3, 2)
                .flatten()
                .dense("fc6", 4096).relu().dropout(0.5)
                .dense("fc7", 4096).relu().dropout(0.5)
                .dense("fc8", 1000)
                .layers();
        return new Preset("zfnet", "ZFNet",
                "AlexNet tuned by looking inside it: CONV1 uses 7x7 filters at stride 2 instead of 11x11 at stride 4, "
                        + "and CONV3, 4, 5 have 512, 1024 and 512 filters, as the slides put it. Input 224x224x3 and the "
                        + "other sizes follow the paper's figure (110x110, 55x55, 26x26, 13x13, 6x6).",
                "Zeiler, Fergus: Visualizing and understanding convolutional networks (2013)",
                new NetworkSpec(Shape.of(3, 224, 224), List.of(), layers));
    }

    static Preset vgg16() {
        Stack s = new Stack();
        int[][] blocks = {{64, 2}, {128, 2}, {256, 3}, {512, 3}, {512, 3}};
        for (int[] b : blocks) {
            for (int i = 0; i < b[1]; i++) {
                s.convRelu(b[0], 3, 1, 1);
            }
            s.maxpool(2, 2);
        }
        s.flatten().dense(4096).relu().dropout(0.5).dense(4096).relu().dropout(0.5).dense(1000);
        return new Preset("vgg16", "VGG-16",
                "Configuration D of the Oxford Visual Geometry Group: only 3x3 convolutions at stride 1 with padding 1 "
                        + "and 2x2 max pooling at stride 2, 13 convolutions and 3 fully connected layers. Three stacked "
                        + "3x3 convolutions see a 7x7 region with fewer parameters and more non-linearity than one 7x7. "
                        + "138 million parameters, most of them in the first fully connected layer; most activation "
                        + "memory in the early convolutions. The slide's total line says about 24M values (93 MB) per "
                        + "image, but its own rows add up to 15,237,608 values (61 MB), which is what ConvLab reports.",
                "Simonyan, Zisserman: Very deep convolutional networks for large-scale image recognition (2014)",
                new NetworkSpec(Shape.of(3, 224, 224), List.of(), s.layers()));
    }

    static Preset googlenet() {
        List<LayerSpec> layers = new Stack()
                .convRelu(64, 7, 2, 3).add(ceilPool(3, 2)).add(LrnSpec.alexNet())
                .convRelu(64, 1, 1, 0)
                .convRelu(192, 3, 1, 1).add(LrnSpec.alexNet()).add(ceilPool(3, 2))
                .add(inception("inception3a", 64, 96, 128, 16, 32, 32))
                .add(inception("inception3b", 128, 128, 192, 32, 96, 64))
                .add(ceilPool(3, 2))
                .add(inception("inception4a", 192, 96, 208, 16, 48, 64))
                .add(inception("inception4b", 160, 112, 224, 24, 64, 64))
                .add(inception("inception4c", 128, 128, 256, 24, 64, 64))
                .add(inception("inception4d", 112, 144, 288, 32, 64, 64))
                .add(inception("inception4e", 256, 160, 320, 32, 128, 128))
                .add(ceilPool(3, 2))
                .add(inception("inception5a", 256, 160, 320, 32, 128, 128))
                .add(inception("inception5b", 384, 192, 384, 48, 128, 128))
                .add(PoolSpec.avg(7, 1))
                .dropout(0.4)
                .flatten()
                .dense(1000)
                .softmax()
                .layers();
        return new Preset("googlenet", "GoogLeNet (Inception v1)",
                "22 layers built from inception modules: parallel 1x1, 3x3 and 5x5 convolutions and a 3x3 max pool, "
                        + "with 1x1 'bottleneck' convolutions to cut the depth before the big filters, concatenated "
                        + "along channels (3a: 64 + 128 + 32 + 32 = 256). No large fully connected layers: a 7x7 average "
                        + "pool, dropout 40% and one linear layer. About 7 million parameters here (the 5x5 branches of "
                        + "the paper), 12x fewer than AlexNet; the auxiliary classifiers of training are left out.",
                "Szegedy et al.: Going deeper with convolutions (2014)",
                new NetworkSpec(Shape.of(3, 224, 224), List.of(), layers));
    }

    static Preset resnet18() {
        Stack s = new Stack()
                .add(new ConvSpec(null, 64, 7, 7, 2, Padding.of(3), 1, false, false, null, null))
                .add(BatchNormSpec.standard()).relu()
                .add(pool(3, 2, 1));
        int[] widths = {64, 128, 256, 512};
        for (int stage = 0; stage < 4; stage++) {
            for (int block = 0; block < 2; block++) {
                int stride = stage > 0 && block == 0 ? 2 : 1;
                s.add(new ResidualSpec("layer" + (stage + 1) + "." + block, List.of(
                        conv3x3(widths[stage], stride), BatchNormSpec.standard(), ActivationSpec.relu(),
                        conv3x3(widths[stage], 1), BatchNormSpec.standard()), stride != 1)).relu();
            }
        }
        s.add(new GlobalAvgPoolSpec(null)).flatten().dense(1000);
        return new Preset("resnet18", "ResNet-18",
                "A residual network: each block adds its input back to the output of two 3x3 convolutions with "
                        + "batch normalization, so a block only has to learn a correction and very deep nets still "
                        + "train. Where a stage halves the size and doubles the channels, the skip path is a 1x1 "
                        + "convolution at stride 2 with batch normalization. 7x7 stem, four stages of two blocks "
                        + "(64, 128, 256, 512 channels), global average pooling, one fully connected layer.",
                "He, Zhang, Ren, Sun: Deep residual learning for image recognition (2015)",
                new NetworkSpec(Shape.of(3, 224, 224), List.of(), s.layers()));
    }

    private static ConvSpec conv3x3(int filters, int stride) {
        return new ConvSpec(null, filters, 3, 3, stride, Padding.of(1), 1, false, false, null, null);
    }

    private static PoolSpec pool(int window, int stride, int padding) {
        return new PoolSpec(null, PoolSpec.Kind.MAX, window, window, stride, Padding.of(padding), false);
    }

    private static PoolSpec ceilPool(int window, int stride) {
        return PoolSpec.max(window, stride).withCeil(true);
    }

    /** The four branches: 1x1; 1x1 reduce then 3x3; 1x1 reduce then 5x5; 3x3 max pool then 1x1. */
    private static InceptionSpec inception(String name, int c1, int r3, int c3, int r5, int c5, int pool) {
        List<List<LayerSpec>> b = new ArrayList<>();
        b.add(new Stack().convRelu(c1, 1, 1, 0).layers());
        b.add(new Stack().convRelu(r3, 1, 1, 0).convRelu(c3, 3, 1, 1).layers());
        b.add(new Stack().convRelu(r5, 1, 1, 0).convRelu(c5, 5, 1, 2).layers());
        b.add(new Stack().add(pool(3, 1, 1)).convRelu(pool, 1, 1, 0).layers());
        return new InceptionSpec(name, b);
    }
}
