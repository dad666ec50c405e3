package org.convlab.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.paint.Color;
import org.convlab.ui.Theme;
import org.junit.jupiter.api.Test;

/**
 * The style sheet keeps one scale and one palette with Theme: its -theme-* colours are Theme's,
 * every other colour is named once in .root, and no rule sets a font size in px except the
 * root's fallback, which equals Theme.DEFAULT_EM.
 */
class ThemeCssTest {
    private static String css() throws Exception {
        try (InputStream in = ThemeCssTest.class.getResourceAsStream("/org/convlab/ui/convlab.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void themeColoursInTheStyleSheetAreTheThemesOwn() throws Exception {
        String css = css();
        Map<String, Color> theme = Map.of("-theme-text", Theme.TEXT, "-theme-text-muted", Theme.TEXT_MUTED,
                "-theme-text-faint", Theme.TEXT_FAINT, "-theme-accent", Theme.ACCENT,
                "-theme-background", Theme.BACKGROUND, "-theme-highlight", Theme.HIGHLIGHT,
                "-theme-problem", Theme.PROBLEM);
        for (Map.Entry<String, Color> e : theme.entrySet()) {
            Matcher m = Pattern.compile(Pattern.quote(e.getKey()) + ":\\s*(#[0-9a-fA-F]{6});").matcher(css);
            assertTrue(m.find(), e.getKey() + " is not defined");
            assertEquals(e.getValue(), Color.web(m.group(1)), e.getKey());
        }
    }

    @Test
    void coloursAreNamedOnceInTheRootAndFontSizesAreInEm() throws Exception {
        String css = css();
        int rootEnd = css.indexOf('}', css.indexOf(".root"));
        String rules = css.substring(rootEnd).replaceAll("(?s)/\\*.*?\\*/", "");
        List<String> literal = new ArrayList<>();
        Matcher hex = Pattern.compile("#[0-9a-fA-F]{3,8}\\b").matcher(rules);
        while (hex.find()) {
            literal.add(hex.group());
        }
        assertEquals(List.of(), literal, "colour literals outside .root");
        Matcher px = Pattern.compile("font-size:\\s*([0-9.]+)px").matcher(css);
        List<String> pxSizes = new ArrayList<>();
        while (px.find()) {
            pxSizes.add(px.group(1));
        }
        assertEquals(List.of(String.valueOf((int) Theme.DEFAULT_EM)), pxSizes, "only the root's fallback is in px");
    }
}
