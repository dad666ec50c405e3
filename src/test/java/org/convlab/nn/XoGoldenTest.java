package org.convlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.convlab.engine.Shape;
import org.convlab.model.ActivationSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Padding;
import org.convlab.model.ParamData;
import org.convlab.model.PoolSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The X/O slides through a whole network: the three 3x3 features as a normalized conv (no bias)
 * on the 9x9 X, 2x2 max pool stride 2 in ceil mode, ReLU. Every value must be exactly
 * (float) numerator / 9 from the golden file, with the fast and with the reference kernels.
 */
class XoGoldenTest {
    private static final String[] FEATURES = {"diagonal_down", "cross", "diagonal_up"};

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void canonicalXGivesTheSlidesMapsPoolingAndRelu(boolean reference) {
        JsonNode golden = Json.resource("/golden/xo-seed.json");
        Network net = xoNet();
        net.setReference(reference);
        net.forward(Json.floats(golden.get("image_x")), 1, false);

        assertMaps(golden.get("feature_map_sums"), net.layers().get(0).output(), 7);
        assertMaps(golden.get("pooled_sums"), net.layers().get(1).output(), 4);
        assertMaps(golden.get("relu_pooled_sums"), net.layers().get(2).output(), 4);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void deformedXGivesTheSlidesMaps(boolean reference) {
        JsonNode golden = Json.resource("/golden/xo-seed.json");
        Network net = xoNet();
        net.setReference(reference);
        net.forward(Json.floats(golden.get("image_x_deformed")), 1, false);
        assertMaps(golden.get("deformed_feature_map_sums"), net.layers().get(0).output(), 7);
    }

    /**
     * preset:xo runs conv, ReLU, then the ceil pool: ReLU and max commute, so its pooled maps are
     * the slides' relu_pooled_sums, and its ReLU maps are the feature maps with negatives zeroed.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void presetXoOnTheLessonX(boolean reference) {
        JsonNode golden = Json.resource("/golden/xo-seed.json");
        JsonNode lesson = Json.resource("/org/convlab/xo/lesson.json");
        Network net = Network.build(org.convlab.model.Presets.get("xo").network(), 1);
        net.setReference(reference);
        net.forward(Json.floats(lesson.get("images").get("x")), 1, false);
        assertEquals("conv", net.layers().get(0).type());
        assertEquals("relu", net.layers().get(1).type());
        assertEquals("maxpool", net.layers().get(2).type());
        assertMaps(golden.get("feature_map_sums"), net.layers().get(0).output(), 7);
        float[] relu = net.layers().get(1).output();
        for (int f = 0; f < 3; f++) {
            float[] numerators = Json.floats(golden.get("feature_map_sums").get(FEATURES[f]));
            for (int i = 0; i < 49; i++) {
                assertEquals(Math.max(0f, numerators[i] / 9f), relu[f * 49 + i], 0f, FEATURES[f] + " relu " + i);
            }
        }
        assertMaps(golden.get("relu_pooled_sums"), net.layers().get(2).output(), 4);
        net.forward(Json.floats(lesson.get("images").get("x_deformed")), 1, false);
        assertMaps(golden.get("deformed_feature_map_sums"), net.layers().get(0).output(), 7);
    }

    static Network xoNet() {
        JsonNode lesson = Json.resource("/org/convlab/xo/lesson.json");
        float[] w = new float[27];
        for (int f = 0; f < 3; f++) {
            System.arraycopy(Json.floats(lesson.get("features").get(FEATURES[f])), 0, w, f * 9, 9);
        }
        ConvSpec conv = new ConvSpec("conv1", 3, 3, 3, 1, Padding.VALID, 1, false, true,
                new ParamData(new int[] {3, 1, 3, 3}, w), null);
        PoolSpec pool = PoolSpec.max(2, 2).withCeil(true).withName("pool1");
        NetworkSpec spec = new NetworkSpec(Shape.of(1, 9, 9), List.of(), List.of(conv, pool, ActivationSpec.relu()));
        return Network.build(spec, 1);
    }

    private static void assertMaps(JsonNode sums, float[] actual, int side) {
        for (int f = 0; f < 3; f++) {
            float[] numerators = Json.floats(sums.get(FEATURES[f]));
            for (int i = 0; i < side * side; i++) {
                float want = numerators[i] / 9f;
                assertEquals(want, actual[f * side * side + i], 0f,
                        FEATURES[f] + " row " + i / side + " col " + i % side);
            }
        }
    }
}
