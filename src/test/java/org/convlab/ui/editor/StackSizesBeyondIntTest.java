package org.convlab.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convlab.engine.Shape;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.Dims;
import org.convlab.model.FlattenSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.ModelSummary;
import org.convlab.model.Padding;
import org.convlab.model.PoolSpec;
import org.convlab.model.SummaryReport;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 2, in the editor: a stack too large to build is still counted (shapes, params,
 * memory), and a layer that does not fit after it is still found. Expected values by exact
 * arithmetic on longs.
 */
class StackSizesBeyondIntTest {
    private static final long MAX_INT = Integer.MAX_VALUE;

    @Test
    void aDenseLayerOf2To31Minus1UnitsIsCountedInTheEditor() {
        StackDocument doc = new StackDocument(Shape.of(1, 28, 28), List.of(),
                List.of(new FlattenSpec(null), DenseSpec.of(Integer.MAX_VALUE)), null);
        List<LayerRow> rows = StackAnalysis.rows(doc);
        assertTrue(rows.stream().allMatch(LayerRow::fits), rows.toString());
        ModelSummary s = StackAnalysis.summary(doc);
        assertNotNull(s);
        assertEquals(Math.addExact(Math.multiplyExact(784L, MAX_INT), MAX_INT), s.totalParams());
        String memory = SummaryTable.memory(s);
        // (784 * (2^31 - 1) + 2^31 - 1) * 4 bytes = 6,280.0 GB in binary units
        double gb = Math.multiplyExact(s.totalParams(), 4L) / (double) (1L << 30);
        assertTrue(memory.startsWith(String.format(java.util.Locale.ROOT, "Memory: weights %,.1f GB", gb)), memory);
    }

    @Test
    void aMisfitAfterAnOutputBeyondAnIntIsFound() {
        LayerSpec wide = new ConvSpec("conv1", 1, 1, 3, 1, Padding.of(0, Integer.MAX_VALUE), 1, true, false, null, null);
        LayerSpec tooTall = PoolSpec.max(2, 2); // a 2x2 window on a height of 1 does not fit
        StackDocument doc = new StackDocument(Shape.of(1, 1, 9), List.of(), List.of(wide, tooTall), null);
        List<LayerRow> rows = StackAnalysis.rows(doc);
        assertEquals(LayerRow.Status.FITS, rows.get(0).status());
        assertEquals(new Dims(1, 1, 9 - 3 + 2 * MAX_INT + 1), rows.get(0).info().outputDims());
        assertEquals("1x4294967301x1", SummaryReport.shape(rows.get(0).info().outputDims()));
        assertEquals(LayerRow.Status.MISFIT, rows.get(1).status());
        assertTrue(rows.get(1).problem().contains("4294967301"), rows.get(1).problem());
    }
}
