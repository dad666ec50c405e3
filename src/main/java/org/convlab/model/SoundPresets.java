package org.convlab.model;

import java.util.List;
import org.convlab.engine.Shape;

/** The 1D sound net: sound1d, for the WAV clips of sample-images/sounds. */
final class SoundPresets {
    /** The sample set's classes, in the order a folder's sub-folders are read (sorted by name). */
    static final List<String> SOUND_CLASSES = List.of("falling-chirp", "noise-burst", "rising-chirp", "tone", "two-tones");

    private SoundPresets() {}

    static Preset sound1d() {
        List<LayerSpec> layers = new Stack()
                .add(conv1d(16, 9)).relu().add(pool1d(4))
                .add(conv1d(32, 9)).relu().add(pool1d(4))
                .add(conv1d(32, 9)).relu().add(pool1d(4))
                .flatten()
                .dense(5)
                .softmax()
                .layers();
        return new Preset("sound1d", "Sound clips, 1D ConvNet",
                "A 1D convolutional network for short sound clips of 2,048 samples (a quarter of a second at 8 kHz), "
                        + "such as the five classes of sample-images/sounds (rising and falling chirps, a steady tone, "
                        + "two tones, a noise burst): three convolutions with kernel 9 and padding 4 (16, 32 and 32 "
                        + "channels) each followed by ReLU and max pooling by 4 (2048 -> 512 -> 128 -> 32), then a fully "
                        + "connected layer from 32*32 values to 5 classes. The first layers see a few periods of a tone; "
                        + "pooling lets the later ones compare the start of a clip with its end, which is what tells a "
                        + "rising chirp from a falling one. 1D convolution is the 2D layer on an input of height 1.",
                "ConvLab's own, after the 1D ConvNets of Prince: Understanding Deep Learning, chapter 10 (2023)",
                new NetworkSpec(Shape.of(1, 1, 2048), SOUND_CLASSES, layers));
    }

    /** A 1D convolution: kernel [1, k], stride 1, the output as long as the input (padding k / 2). */
    private static ConvSpec conv1d(int filters, int k) {
        return new ConvSpec(null, filters, 1, k, 1, Padding.of(0, k / 2), 1, true, false, null, null);
    }

    /** Max pooling by {@code n} along time. */
    private static PoolSpec pool1d(int n) {
        return new PoolSpec(null, PoolSpec.Kind.MAX, 1, n, n, Padding.VALID, false);
    }
}
