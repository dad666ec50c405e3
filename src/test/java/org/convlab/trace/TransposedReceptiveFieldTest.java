package org.convlab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.convlab.engine.Shape;
import org.convlab.model.ConvTransposeSpec;
import org.convlab.model.LayerInfo;
import org.convlab.model.LayerSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.ShapeInference;
import org.convlab.model.UpsampleSpec;
import org.junit.jupiter.api.Test;

/** The input pixels a unit of a transposed conv or upsampling layer reads, worked out by hand. */
class TransposedReceptiveFieldTest {
    private static Region of(LayerSpec layer, int row, int col) {
        List<LayerInfo> infos = ShapeInference.infer(new NetworkSpec(new Shape(1, 4, 4), List.of(), List.of(layer)));
        return ReceptiveField.of(infos, 0, 0, row, col);
    }

    @Test
    void transposedConvolutionReadsTheInputsWhoseStampsReachTheUnit() {
        ConvTransposeSpec t = ConvTransposeSpec.of(1, 3, 2, 1, 0); // 4x4 -> 7x7, output row o = 2*ih - 1 + i
        assertEquals(new Region(0, 0, 0, 0), of(t, 0, 0)); // row 0: ih = 0, i = 1 only
        assertEquals(new Region(1, 0, 2, 0), of(t, 3, 0)); // row 3: ih = 1 (i = 2) and ih = 2 (i = 0)
        assertEquals(new Region(3, 3, 3, 3), of(t, 6, 6)); // row 6: ih = 3, i = 1
    }

    @Test
    void upsamplingReadsItsSources() {
        assertEquals(new Region(2, 0, 2, 0), of(UpsampleSpec.of(2, UpsampleSpec.Mode.NEAREST), 5, 0));
        // bilinear x2, row 5: source 5.5/2 - 0.5 = 2.25 mixes rows 2 and 3; column 0: source -0.25,
        // clamped to 0, reads column 0 alone (column 1 has weight 0)
        assertEquals(new Region(2, 0, 3, 0), of(UpsampleSpec.of(2, UpsampleSpec.Mode.BILINEAR), 5, 0));
        assertEquals(new Region(3, 3, 3, 3), of(UpsampleSpec.of(2, UpsampleSpec.Mode.BILINEAR), 7, 7)); // edge: row 3 twice
    }
}
