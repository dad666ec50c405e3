package org.convlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convlab.UserInputException;
import org.junit.jupiter.api.Test;

class PresetsTest {
    @Test
    void listsTheIssuesPresets() {
        assertEquals(List.of("xo", "lenet5", "alexnet", "zfnet", "vgg16", "googlenet", "resnet18", "tinyvgg",
                "mnist1d", "mlp-mnist1d", "sound1d"), Presets.names());
    }

    @Test
    void everyPresetHasADescriptionASourceWithAYearAndFits() {
        for (String name : Presets.names()) {
            Preset p = Presets.get(name);
            assertEquals(name, p.name());
            assertTrue(p.description().length() > 80, name);
            assertTrue(p.source().matches(".*(19|20)\\d\\d.*"), name + ": " + p.source());
            assertFalse(ShapeInference.infer(p.network()).isEmpty(), name);
        }
    }

    @Test
    void unknownPresetListsTheAvailableNames() {
        String m = assertThrows(UserInputException.class, () -> ModelSource.load("preset:lenet")).getMessage();
        assertTrue(m.startsWith("unknown preset 'lenet' (available: xo, lenet5, "), m);
    }

    @Test
    void xoCarriesTheSlidesThreeFeaturesNormalized() {
        ConvSpec conv = (ConvSpec) ModelSource.load("preset:xo").layers().get(0);
        assertTrue(conv.normalize());
        assertFalse(conv.bias());
        // golden/xo-seed.json: diagonal_down, cross, diagonal_up
        float[] expected = {
                1, -1, -1, -1, 1, -1, -1, -1, 1,
                1, -1, 1, -1, 1, -1, 1, -1, 1,
                -1, -1, 1, -1, 1, -1, 1, -1, -1};
        assertArrayEquals(new int[] {3, 1, 3, 3}, conv.weight().shape());
        assertArrayEquals(expected, conv.weight().data());
    }

    @Test
    void mlpHasTheConvNetsHiddenUnits() {
        ModelSummary s = ModelSummary.of(Presets.get("mlp-mnist1d").network());
        // 40*285+285 + 285*135+135 + 135*60+60 + 60*10+10
        assertEquals(11_685 + 38_610 + 8_160 + 610, s.totalParams());
    }
}
