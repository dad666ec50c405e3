package org.convlab.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;
import org.convlab.model.ConvSpec;
import org.convlab.model.PoolSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.Padding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's commands, undo/redo, misfits and files, without a window. */
class EditorModelTest {
    @TempDir
    Path dir;

    private static List<String> names(EditorModel m) {
        return m.document().layers().stream().map(LayerSpec::name).toList();
    }

    /** The slides' misfit: a 3x3 filter at stride 3 on a 7x7 input, (7 - 3)/3 + 1 = 2.33. */
    private static EditorModel sevenBySevenStride3() {
        EditorModel m = new EditorModel(StackDocument.empty(Shape.of(1, 7, 7)), "untitled");
        m.insert(0, ConvSpec.of(6, 3, 3, Padding.VALID));
        return m;
    }

    @Test
    void aMisfitIsReportedWithTheArithmeticAndAFix() {
        EditorModel m = sevenBySevenStride3();
        m.add("relu");
        LayerRow conv = m.rows().get(0);
        assertEquals(LayerRow.Status.MISFIT, conv.status());
        assertTrue(conv.problem().contains("(7 - 3)/3 + 1 = 2.33"), conv.problem());
        // (7 - 3)/2 + 1 = 3: stride 2 is the nearest stride that fits
        assertEquals("stride 2 fits: output 3x3x6", conv.suggestion());
        assertEquals(LayerRow.Status.UNKNOWN, m.rows().get(1).status());
        assertEquals(2, m.document().size(), "nothing lost");
        m.applyFix(0);
        assertTrue(m.rows().get(0).fits());
        assertEquals(2, ((ConvSpec) m.document().layers().get(0)).stride());
        assertEquals("Set conv1 stride to 2", m.undoTextProperty().get());
    }

    @Test
    void whenNoStrideFitsPaddingIsSuggested() {
        // 6x6 input, 3x3 filter at stride 2: (6 - 3)/2 + 1 = 2.5; stride 1 and 3 fit, stride 1 is tried first
        EditorModel m = new EditorModel(StackDocument.empty(Shape.of(1, 6, 6)), "untitled");
        m.insert(0, ConvSpec.of(1, 3, 2, Padding.VALID));
        assertEquals("stride 1 fits: output 4x4x1", m.rows().get(0).suggestion());
        // 1-wide kernel larger than the input: no stride fits, padding 1 makes 3 - 4 + 2 >= 0
        EditorModel n = new EditorModel(StackDocument.empty(Shape.of(1, 3, 3)), "untitled");
        n.insert(0, ConvSpec.of(1, 4, 1, Padding.VALID));
        assertEquals("padding 1 fits: output 2x2x1", n.rows().get(0).suggestion());
    }

    @Test
    void oneDimensionalWindowsKeepTheirShapeThroughEdits() {
        EditorModel m = new EditorModel(StackDocument.empty(Shape.of(1, 1, 40)), "signal");
        m.insert(0, ConvSpec.of(4, 3, 1, Padding.VALID));
        m.select(0);
        m.set("kernel", "1x5");
        ConvSpec conv = (ConvSpec) m.document().layers().get(0);
        assertEquals(List.of(1, 5), List.of(conv.kernelHeight(), conv.kernelWidth()));
        assertEquals(Shape.of(4, 1, 36), m.rows().get(0).info().output(), "(40 - 5)/1 + 1 = 36 along the signal");
        m.set("stride", "2"); // another field: the 1x5 kernel stays 1x5
        conv = (ConvSpec) m.document().layers().get(0);
        assertEquals(List.of(1, 5), List.of(conv.kernelHeight(), conv.kernelWidth()));
        assertEquals("1x5", m.selectedFields().stream().filter(f -> f.name().equals("kernel")).findFirst().orElseThrow().text());

        m.insert(1, PoolSpec.max(2, 2));
        m.select(1);
        m.set("window", "1 x 2");
        PoolSpec pool = (PoolSpec) m.document().layers().get(1);
        assertEquals(List.of(1, 2), List.of(pool.windowHeight(), pool.windowWidth()));
        m.set("window", "3");
        pool = (PoolSpec) m.document().layers().get(1);
        assertEquals(List.of(3, 3), List.of(pool.windowHeight(), pool.windowWidth()));
        UserInputException e = assertThrows(UserInputException.class, () -> m.set("window", "1x2x3"));
        assertEquals("window: write a whole number (5) or height x width (1x5), got '1x2x3'", e.getMessage());
    }

    @Test
    void fixingTheStrideMakesItFitAndUndoBringsTheMisfitBack() {
        EditorModel m = sevenBySevenStride3();
        m.select(0);
        m.set("stride", "2");
        assertTrue(m.rows().get(0).fits());
        assertEquals(Shape.of(6, 3, 3), m.rows().get(0).info().output());
        assertEquals("Set conv1 stride to 2", m.undoTextProperty().get());
        m.undo();
        assertEquals(LayerRow.Status.MISFIT, m.rows().get(0).status());
        m.redo();
        assertTrue(m.rows().get(0).fits());
    }

    @Test
    void invalidValuesAreRefusedWithTheReasonAndChangeNothing() {
        EditorModel m = sevenBySevenStride3();
        m.select(0);
        StackDocument before = m.document();
        UserInputException e = assertThrows(UserInputException.class, () -> m.set("stride", "0"));
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
        e = assertThrows(UserInputException.class, () -> m.set("filters", "six"));
        assertTrue(e.getMessage().contains("whole number"), e.getMessage());
        e = assertThrows(UserInputException.class, () -> m.set("padding", "lots"));
        assertTrue(e.getMessage().contains("padding"), e.getMessage());
        assertEquals(before, m.document(), "nothing applied");
        assertNull(m.undoTextProperty().get().equals("Add conv1") ? null : "other", "no refused value became an undo step");
        // the model package refuses 'same' on an even kernel
        m.set("padding", "same");
        e = assertThrows(UserInputException.class, () -> m.set("kernel", "2"));
        assertTrue(e.getMessage().contains("odd"), e.getMessage());
        assertEquals(3, ((ConvSpec) m.document().layers().get(0)).kernelHeight());
    }

    @Test
    void typingOneValueIsOneUndoStep() {
        EditorModel m = new EditorModel(StackDocument.empty(Shape.of(1, 28, 28)), "untitled");
        m.add("dense");
        m.select(0);
        m.set("units", "1");
        m.set("units", "12");
        m.set("units", "128");
        assertEquals(128, ((org.convlab.model.DenseSpec) m.document().layers().get(0)).units());
        m.undo();
        assertEquals(10, ((org.convlab.model.DenseSpec) m.document().layers().get(0)).units(), "back to the palette's 10");
    }

    @Test
    void reorderDuplicateDeleteAndUndoAllTheWayBack() {
        EditorModel m = EditorModel.ofPreset("lenet5");
        List<String> original = names(m);
        m.select(0);
        m.moveSelected(1);
        assertEquals(original.get(0), names(m).get(1));
        assertEquals(1, m.selected(), "the moved layer stays selected");
        m.duplicateSelected();
        assertEquals(original.size() + 1, m.document().size());
        assertEquals("Duplicate " + original.get(0), m.undoTextProperty().get());
        m.removeSelected();
        m.add("dropout");
        assertTrue(m.isDirty());
        for (int i = 0; i < 4; i++) {
            m.undo();
        }
        assertEquals(original, names(m));
        assertNull(m.undoTextProperty().get());
        assertFalse(m.isDirty(), "back at the loaded state");
        m.redo();
        assertEquals("Move " + original.get(0) + " down", m.undoTextProperty().get());
        assertEquals(original.get(0), names(m).get(1));
    }

    @Test
    void newLayersGetFreeNamesAndGoAfterTheSelection() {
        EditorModel m = new EditorModel(StackDocument.empty(Shape.of(3, 32, 32)), "untitled");
        m.add("conv");
        m.add("relu");
        m.select(0);
        m.add("conv");
        assertEquals(List.of("conv1", "conv2", "relu1"), names(m));
        assertThrows(UserInputException.class, () -> m.set("name", "conv1"));
    }

    @Test
    void everyPaletteTypeCanBeAddedToAFittingStack() {
        EditorModel m = new EditorModel(StackDocument.empty(Shape.of(3, 32, 32)), "untitled");
        for (LayerCatalog.Entry e : LayerCatalog.entries()) {
            if (!List.of("globalavgpool", "flatten", "dense", "softmax").contains(e.type())) {
                m.add(e.type());
            }
        }
        m.add("globalavgpool");
        m.add("flatten");
        m.add("dense");
        m.add("softmax");
        assertEquals(LayerCatalog.entries().size(), m.document().size());
        assertTrue(m.rows().stream().allMatch(LayerRow::fits), m.rows().toString());
    }

    @Test
    void saveAndOpenGiveTheSameStackAndAFailedOpenChangesNothing() throws Exception {
        EditorModel m = EditorModel.ofPreset("lenet5");
        m.select(0);
        m.set("filters", "8");
        assertTrue(m.isDirty());
        Path file = dir.resolve("net.json");
        m.save(file);
        assertFalse(m.isDirty());
        StackDocument saved = m.document();

        EditorModel other = EditorModel.ofPreset("xo");
        other.open(file);
        assertEquals(saved, other.document());
        assertEquals("net.json", other.sourceProperty().get());

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"format\": \"convlab-model\", \"version\": 1, \"layers\": [");
        StackDocument before = other.document();
        assertThrows(UserInputException.class, () -> other.open(broken));
        assertEquals(before, other.document());
        assertEquals(file, other.fileProperty().get());
    }

    @Test
    void recentFilesKeepTheNewestFirstOnce() {
        RecentFiles r = new RecentFiles(dir.resolve("sub/recent.txt"));
        r.add(dir.resolve("a.json"));
        r.add(dir.resolve("b.json"));
        r.add(dir.resolve("a.json"));
        assertEquals(List.of(dir.resolve("a.json"), dir.resolve("b.json")), r.list());
    }

    @Test
    void cardsWriteKeySettingsInTheSlidesNotation() {
        assertEquals("conv 6@5x5 s1 same", LayerText.settings(ConvSpec.of(6, 5, 1, Padding.SAME)));
        assertEquals("conv 96@11x11 s4 p0", LayerText.settings(ConvSpec.of(96, 11, 4, Padding.of(0))));
        assertEquals("maxpool 2x2 s2 ceil", LayerText.settings(org.convlab.model.PoolSpec.max(2, 2).withCeil(true)));
        assertEquals("dense 120", LayerText.settings(org.convlab.model.DenseSpec.of(120)));
    }

    @Test
    void paddingIsTypedAsAWordANumberOrRowsAndColumns() {
        assertEquals(Padding.SAME, LayerFields.parsePadding(" Same "));
        assertEquals(Padding.of(2), LayerFields.parsePadding("2"));
        assertEquals(Padding.of(1, 2), LayerFields.parsePadding("[1, 2]"));
        assertThrows(UserInputException.class, () -> LayerFields.parsePadding("-1"));
        assertThrows(UserInputException.class, () -> LayerFields.parsePadding("wide"));
    }

    private static int indexOf(EditorModel m, String name) {
        for (int i = 0; i < m.document().size(); i++) {
            if (m.document().layers().get(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no layer " + name);
    }

    @Test
    void aLayerInsideAnInceptionBlockIsEditedThroughTheBlock() {
        EditorModel m = EditorModel.ofPreset("googlenet");
        int at = indexOf(m, "inception3a");
        m.select(at);
        // the slides' inception (3a): 64 + 128 + 32 + 32 = 256 channels out
        assertEquals(256, m.rows().get(at).info().output().channels());
        List<String> keys = m.selectedFields().stream().map(SettingField::name).toList();
        assertTrue(keys.contains("b2.conv2.filters") && keys.contains("b4.pool1.window"), keys.toString());
        m.set("b2.conv2.filters", "100");
        // 64 + 100 + 32 + 32 = 228
        assertEquals(228, m.rows().get(at).info().output().channels());
        assertEquals("Set inception3a b2.conv2.filters to 100", m.undoTextProperty().get());
        m.undo();
        assertEquals(256, m.rows().get(at).info().output().channels());
        // a refused value names the setting and changes nothing
        String why = assertThrows(UserInputException.class, () -> m.set("b2.conv2.filters", "0")).getMessage();
        assertTrue(why.contains("filters"), why);
        assertEquals(256, m.rows().get(at).info().output().channels());
    }

    @Test
    void aStrideInsideAnIdentityResidualBranchBreaksTheSkipAndSaysWhy() {
        EditorModel m = EditorModel.ofPreset("resnet18");
        int at = indexOf(m, "layer1.0");
        m.select(at);
        m.set("conv1.stride", "2");
        LayerRow row = m.rows().get(at);
        assertEquals(LayerRow.Status.MISFIT, row.status());
        assertTrue(row.problem().contains("projection"), row.problem());
        m.set("projection", "true");
        // 56x56x64 in, stride 2 in the branch and in the 1x1 projection: 28x28x64 out
        assertEquals(Shape.of(64, 28, 28), m.rows().get(at).info().output());
    }
}
