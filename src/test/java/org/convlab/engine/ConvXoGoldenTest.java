package org.convlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The slides' X/O filter matching: the three features of the lesson on the X image, "normalized"
 * by 9, must give exactly numerator / 9 (the correctly rounded float) for the slide numerators.
 */
class ConvXoGoldenTest {
    private static final String[] FEATURES = {"diagonal_down", "cross", "diagonal_up"};

    @Test
    void xFeatureMapsAreTheSlideNumeratorsOverNine() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode lesson = read(json, "/org/convlab/xo/lesson.json");
        JsonNode golden = read(json, "/golden/xo-seed.json");
        float[] x = flatten(lesson.get("images").get("x"));
        float[] w = new float[3 * 9];
        for (int f = 0; f < 3; f++) {
            System.arraycopy(flatten(lesson.get("features").get(FEATURES[f])), 0, w, f * 9, 9);
        }
        ConvGeometry g = new ConvGeometry(1, 1, 9, 9, 3, 3, 3, 1, 0, 0, 1, 9);
        float[] fast = new float[g.outputSize()], scalar = new float[g.outputSize()], reference = new float[g.outputSize()];
        Conv2d.forward(fast, x, w, null, g);
        Conv2d.forwardScalar(scalar, x, w, null, g);
        Conv2dReference.forward(reference, x, w, null, g);
        for (int f = 0; f < 3; f++) {
            JsonNode sums = golden.get("feature_map_sums").get(FEATURES[f]);
            for (int i = 0; i < 7; i++) {
                for (int j = 0; j < 7; j++) {
                    float expected = (float) sums.get(i).get(j).asInt() / 9;
                    int at = (f * 7 + i) * 7 + j;
                    String where = FEATURES[f] + " [" + i + "][" + j + "]";
                    assertEquals(expected, fast[at], 0f, "Conv2d " + where);
                    assertEquals(expected, scalar[at], 0f, "Conv2d scalar " + where);
                    assertEquals(expected, reference[at], 0f, "Conv2dReference " + where);
                }
            }
        }
        assertEquals(7f / 9, fast[0], 0f); // the slides' 0.77 (7/9, cut to two decimals)
    }

    private static JsonNode read(ObjectMapper json, String resource) throws IOException {
        try (InputStream in = ConvXoGoldenTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            return json.readTree(in);
        }
    }

    private static float[] flatten(JsonNode rows) {
        int h = rows.size(), w = rows.get(0).size();
        float[] out = new float[h * w];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                out[i * w + j] = (float) rows.get(i).get(j).asDouble();
            }
        }
        return out;
    }
}
