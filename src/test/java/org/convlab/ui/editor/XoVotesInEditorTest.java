package org.convlab.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convlab.engine.Shape;
import org.convlab.model.DenseSpec;
import org.junit.jupiter.api.Test;

/**
 * preset:xo carries its vote weights, made for the 48 pooled values. Removing the pooling leaves
 * 147 inputs: the editor says why fc1 no longer fits and offers to drop the stored weights.
 */
class XoVotesInEditorTest {
    @Test
    void removingThePoolingOffersToDropTheVoteWeights() {
        EditorModel m = new EditorModel(StackDocument.empty(Shape.of(1, 9, 9)), "untitled");
        m.loadPreset("xo");
        assertTrue(m.rows().stream().allMatch(LayerRow::fits));
        m.select(2); // the 2x2 max pooling
        m.removeSelected();
        LayerRow fc = m.rows().stream().filter(r -> r.spec() instanceof DenseSpec).findFirst().orElseThrow();
        assertEquals(LayerRow.Status.MISFIT, fc.status());
        assertEquals("drop the stored weights (made for 48 inputs, not 147): new ones are drawn from the seed", fc.suggestion());
        m.applyFix(m.rows().indexOf(fc));
        assertTrue(m.rows().stream().allMatch(LayerRow::fits));
        assertNull(((DenseSpec) m.document().layers().get(3)).weight());
    }
}
