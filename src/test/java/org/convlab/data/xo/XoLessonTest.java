package org.convlab.data.xo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.convlab.UserInputException;
import org.junit.jupiter.api.Test;

/** The app's lesson resource against the slides' golden values (test resource golden/xo-seed.json). */
class XoLessonTest {
    static JsonNode golden() throws Exception {
        try (InputStream in = XoLessonTest.class.getResourceAsStream("/golden/xo-seed.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static int[][] grid(JsonNode rows) {
        int[][] g = new int[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            g[r] = new int[rows.get(r).size()];
            for (int c = 0; c < g[r].length; c++) {
                g[r][c] = rows.get(r).get(c).intValue();
            }
        }
        return g;
    }

    @Test
    void imagesAndFeaturesAreTheSlides() throws Exception {
        JsonNode golden = golden();
        XoLesson lesson = XoLesson.load();
        assertArrayEquals(grid(golden.get("image_x")), lesson.x());
        assertArrayEquals(grid(golden.get("image_x_deformed")), lesson.xDeformed());
        List<XoLesson.Feature> features = lesson.features();
        assertEquals(List.of("diagonal_down", "cross", "diagonal_up"),
                features.stream().map(XoLesson.Feature::name).toList());
        for (XoLesson.Feature f : features) {
            assertArrayEquals(grid(golden.get("features").get(f.name())), f.pixels(), f.name());
        }
    }

    @Test
    void theOIsAClosedRingSymmetricBothWays() {
        int[][] o = XoLesson.load().o();
        int ink = 0;
        for (int r = 0; r < 9; r++) {
            for (int c = 0; c < 9; c++) {
                assertEquals(o[r][c], o[8 - r][c], "top/bottom symmetry at " + r + "," + c);
                assertEquals(o[r][c], o[r][8 - c], "left/right symmetry at " + r + "," + c);
                ink += o[r][c] > 0 ? 1 : 0;
            }
        }
        assertEquals(-1, o[4][4], "the middle of the O is empty");
        assertTrue(ink >= 12, "an O has a visible ring");
    }

    @Test
    void gridsHandedOutAreCopies() {
        XoLesson lesson = XoLesson.load();
        lesson.x()[4][4] = -1;
        lesson.features().get(0).pixels()[0][0] = -1;
        assertEquals(1, lesson.x()[4][4]);
        assertEquals(1, lesson.features().get(0).pixels()[0][0]);
    }

    @Test
    void aValueOtherThanPlusOrMinusOneIsRefusedWithItsPlace() {
        String json = "{\"images\":{\"x\":" + rows(9, "0") + ",\"x_deformed\":" + rows(9, "1")
                + ",\"o\":" + rows(9, "1") + "},\"features\":{\"a\":" + rows(3, "1") + "}}";
        UserInputException e = assertThrows(UserInputException.class, () -> XoLesson.parse(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "lesson.json"));
        assertEquals("lesson.json images.x: value at row 0, column 0 is 0; pixels must be +1 or -1", e.getMessage());
    }

    @Test
    void aMissingFieldIsNamed() {
        UserInputException e = assertThrows(UserInputException.class, () -> XoLesson.parse(
                new ByteArrayInputStream("{\"features\":{}}".getBytes(StandardCharsets.UTF_8)), "l.json"));
        assertEquals("l.json: missing field 'images'", e.getMessage());
    }

    @Test
    void aShortRowIsRefusedWithItsNumber() {
        String eight = "[" + String.join(",", java.util.Collections.nCopies(8, "1")) + "]";
        String nine = "[" + String.join(",", java.util.Collections.nCopies(9, "1")) + "]";
        String x = "[" + nine + "," + nine + "," + eight + "," + String.join(",", java.util.Collections.nCopies(6, nine)) + "]";
        String json = "{\"images\":{\"x\":" + x + "},\"features\":{}}";
        UserInputException e = assertThrows(UserInputException.class, () -> XoLesson.parse(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "lesson.json"));
        assertEquals("lesson.json images.x: row 2 must hold 9 values", e.getMessage());
    }

    @Test
    void aMissingImageIsNamed() {
        String json = "{\"images\":{\"x\":" + rows(9, "1") + ",\"o\":" + rows(9, "1") + "},\"features\":{\"a\":" + rows(3, "1") + "}}";
        UserInputException e = assertThrows(UserInputException.class, () -> XoLesson.parse(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "lesson.json"));
        assertEquals("lesson.json: missing field 'images.x_deformed'", e.getMessage());
    }

    private static String rows(int n, String v) {
        String row = "[" + String.join(",", java.util.Collections.nCopies(n, v)) + "]";
        return "[" + String.join(",", java.util.Collections.nCopies(n, row)) + "]";
    }
}
