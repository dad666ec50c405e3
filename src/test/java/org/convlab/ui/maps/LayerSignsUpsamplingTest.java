package org.convlab.ui.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.convlab.model.ActivationSpec;
import org.convlab.model.ConvTransposeSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.UpsampleSpec;
import org.junit.jupiter.api.Test;

/**
 * By hand: upsampling copies values (nearest) or blends them with weights in [0, 1] that sum to 1
 * (bilinear), so it keeps the sign of what it reads, like pooling; a transposed conv multiplies by
 * weights of any sign, so its output can be negative even after a ReLU.
 */
class LayerSignsUpsamplingTest {
    @Test
    void upsamplingKeepsTheSignTransposedConvDoesNot() {
        List<LayerSpec> layers = List.of(ActivationSpec.relu(), UpsampleSpec.of(2, UpsampleSpec.Mode.BILINEAR),
                UpsampleSpec.of(3, UpsampleSpec.Mode.NEAREST), ConvTransposeSpec.of(2, 3, 2, 1, 1),
                UpsampleSpec.of(2, UpsampleSpec.Mode.NEAREST));
        assertArrayEquals(new boolean[] {true, true, true, false, false}, LayerSigns.nonNegative(layers, false));
        assertArrayEquals(new boolean[] {false}, LayerSigns.nonNegative(List.of(layers.get(1)), false));
        assertArrayEquals(new boolean[] {true}, LayerSigns.nonNegative(List.of(layers.get(1)), true));
    }
}
