package org.convlab.ui.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.convlab.model.LayerSpec;
import org.convlab.model.Presets;
import org.junit.jupiter.api.Test;

/**
 * Which layers take the sequential colour map, worked out from the layer types by hand: a conv
 * output can be negative, ReLU's cannot, a max-pool of ReLU outputs cannot, flatten keeps it,
 * a dense layer can be negative again and softmax gives probabilities.
 */
class LayerSignsTest {
    private static List<LayerSpec> layers(String preset) {
        return Presets.get(preset).network().layers();
    }

    @Test
    void xo() {
        // conv1, relu1, pool1, flatten1, fc1, softmax1
        assertArrayEquals(new boolean[] {false, true, true, true, false, true},
                LayerSigns.nonNegative(layers("xo"), false));
    }

    @Test
    void lenet5() {
        // conv1 relu1 pool1 conv2 relu2 pool2 conv3 relu3 flatten1 fc1 relu4 fc2 softmax1
        assertArrayEquals(new boolean[] {false, true, true, false, true, true, false, true, true, false, true, false, true},
                LayerSigns.nonNegative(layers("lenet5"), true));
    }

    @Test
    void poolingKeepsTheSignOfWhatItReads() {
        List<LayerSpec> poolOnly = List.of(layers("xo").get(2)); // pool1
        assertArrayEquals(new boolean[] {true}, LayerSigns.nonNegative(poolOnly, true));
        assertArrayEquals(new boolean[] {false}, LayerSigns.nonNegative(poolOnly, false));
    }
}
