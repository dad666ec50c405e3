package org.convlab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.convlab.engine.Shape;
import org.convlab.model.ConvSpec;
import org.convlab.model.LayerInfo;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Padding;
import org.convlab.model.PoolSpec;
import org.convlab.model.Presets;
import org.convlab.model.ShapeInference;
import org.junit.jupiter.api.Test;

/** Receptive fields worked out by hand from the window arithmetic. */
class ReceptiveFieldTest {
    private final List<LayerInfo> xo = ShapeInference.infer(Presets.get("xo").network());

    @Test
    void xoConvUnitSeesItsThreeByThreeWindow() {
        assertEquals(new Region(3, 3, 5, 5), ReceptiveField.of(xo, 0, 1, 3, 3));
    }

    @Test
    void xoPooledUnitSeesTwoWindowsOfTwoConvUnits() {
        // pool (0,0) reads conv rows/cols 0..1, which read input 0..3
        assertEquals(new Region(0, 0, 3, 3), ReceptiveField.of(xo, 2, 0, 0, 0));
        // the ceil-mode corner reads conv row/col 6 only (7 is past the map): input 6..8
        assertEquals(new Region(6, 6, 8, 8), ReceptiveField.of(xo, 2, 2, 3, 3));
    }

    @Test
    void flattenedUnitSeesItsCellAndDenseUnitSeesEverything() {
        // flatten (layer 3) index 16 + 5 = channel 1, row 1, col 1 of the pooled map: input 2..5
        assertEquals(new Region(2, 2, 5, 5), ReceptiveField.of(xo, 3, 21, 0, 0));
        assertEquals(new Region(0, 0, 8, 8), ReceptiveField.of(xo, 4, 0, 0, 0));
    }

    @Test
    void paddingIsNotAPixelAndDilationSpreadsTheWindow() {
        NetworkSpec spec = new NetworkSpec(Shape.of(1, 10, 10), List.of(), List.of(
                new ConvSpec("c1", 1, 3, 3, 1, Padding.of(2), 2, true, false, null, null),
                PoolSpec.max(2, 2).withName("p1")));
        List<LayerInfo> infos = ShapeInference.infer(spec);
        // conv (0,0): rows -2, 0, 2 -> 0..2 after clipping the padding
        assertEquals(new Region(0, 0, 2, 2), ReceptiveField.of(infos, 0, 0, 0, 0));
        // pool (1,1): conv rows 2..3 -> input rows 0..5
        assertEquals(new Region(0, 0, 5, 5), ReceptiveField.of(infos, 1, 0, 1, 1));
    }
}
