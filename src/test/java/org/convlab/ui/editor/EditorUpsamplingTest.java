package org.convlab.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.convlab.UserInputException;
import org.convlab.model.ConvTransposeSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.Padding;
import org.convlab.model.UpsampleSpec;
import org.convlab.ui.app.CenterViews;
import org.junit.jupiter.api.Test;

/**
 * Transposed convolution and upsampling from the palette, in the real window: typed settings give
 * the output size by the formula o = s(i - 1) + a + k - 2p (issue 16 item 3), computed here by hand,
 * an output padding as large as the stride is refused with the reason, and upsampling multiplies
 * the size by its scale.
 */
class EditorUpsamplingTest extends EditorWindowFixture {
    @Test
    void paletteTransposedConvAndUpsampleShowTheirFormulas() throws Exception {
        choosePreset("xo"); // a saved state: the new stack needs no question
        fxRun(() -> window().views().show(CenterViews.START));
        fxRun(() -> {
            robot.lookup("#newHeight").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(7);
            robot.lookup("#newWidth").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(7);
        });
        robot.clickOn("#newStack");
        robot.clickOn("#add-convtranspose");
        robot.clickOn("#layer-convT1");
        // the palette's: 8 filters 2x2, stride 2, valid: 2*(7 - 1) + 0 + 2 - 2*0 = 14
        assertEquals("output 14x14x8", label("#selectedOutput"));
        type("#field-kernel", "3");
        ComboBox<?> padding = robot.lookup("#field-padding").queryAs(ComboBox.class);
        robot.clickOn(padding.getEditor());
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("1");
        type("#field-output_padding", "1");
        assertEquals("output 14x14x8", label("#selectedOutput"));
        assertEquals("2*(7 - 1) + 1 + 3 - 2*1 = 14", label("#selectedFormula"));
        assertEquals("convT 8@3x3 s2 p1 a1", cardText("convT1"));

        // output padding must stay below the stride, as PyTorch requires: refused, nothing applied
        type("#field-output_padding", "2");
        assertTrue(robot.lookup("#field-output_padding").query().getStyleClass().contains("invalid"));
        assertTrue(label("#propertyError").contains("output_padding"), label("#propertyError"));
        assertEquals("convT 8@3x3 s2 p1 a1", cardText("convT1"));
        type("#field-output_padding", "0");
        assertEquals("2*(7 - 1) + 0 + 3 - 2*1 = 13", label("#selectedFormula"));

        robot.clickOn("#add-upsample");
        robot.clickOn("#layer-up1");
        @SuppressWarnings("unchecked")
        ComboBox<String> mode = robot.lookup("#field-mode").queryAs(ComboBox.class);
        robot.clickOn(mode); // a fixed list: opened, then its item chosen
        fxRun(() -> mode.getSelectionModel().select("bilinear"));
        fxRun(mode::hide);
        type("#field-scale", "3");
        assertEquals("output 39x39x8", label("#selectedOutput"));
        assertEquals("13*3 = 39", label("#selectedFormula"));
        assertEquals("upsample x3 bilinear", cardText("up1"));
        List<LayerSpec> layers = model().document().layers();
        assertEquals(new UpsampleSpec("up1", 3, UpsampleSpec.Mode.BILINEAR), layers.get(1));
        assertFalse(robot.lookup("#layer-up1").query().getStyleClass().contains("misfit"));
    }

    /** The property sheet refuses what the model reader refuses, with the same field names. */
    @Test
    void fieldsCheckAsTheModelReaderDoes() {
        ConvTransposeSpec t = ConvTransposeSpec.of(4, 3, 2, 1, 1);
        assertThrows(UserInputException.class, () -> field(t, "padding").parse().apply("same"));
        assertThrows(UserInputException.class, () -> field(t, "output_padding").parse().apply("-1"));
        assertThrows(UserInputException.class, () -> field(t, "output_padding").parse().apply("x"));
        assertEquals(new ConvTransposeSpec(t.name(), 4, 3, 3, 2, Padding.of(1), 1, 0, 1, true, null, null),
                field(t, "output_padding").parse().apply("1x0"));
        UpsampleSpec u = UpsampleSpec.of(2, UpsampleSpec.Mode.NEAREST);
        assertThrows(UserInputException.class, () -> field(u, "mode").parse().apply("bicubic"));
        assertThrows(UserInputException.class, () -> field(u, "scale").parse().apply("0"));
    }

    /** 2x2 input, kernel 3, stride 1, padding 3: 1*(2 - 1) + 0 + 3 - 2*3 = -2, nothing left; padding 1 leaves 1*1 + 3 - 2 = 2. */
    @Test
    void aTransposedConvThatCutsEverythingIsOfferedLessPadding() {
        ConvTransposeSpec t = new ConvTransposeSpec("up", 2, 3, 3, 1, Padding.of(3), 0, 0, 1, true, null, null);
        MisfitFixes.Fix fix = MisfitFixes.suggest(org.convlab.engine.Shape.of(1, 2, 2), t);
        assertEquals(new MisfitFixes.Fix("padding", "1", "padding 1 fits: output 2x2x2"), fix);
    }

    private static SettingField<LayerSpec> field(LayerSpec l, String name) {
        return LayerFields.of(l).stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private String cardText(String layer) {
        Node card = robot.lookup("#layer-" + layer).query();
        return robot.from(card).lookup(".card-summary").queryAs(Label.class).getText();
    }
}
