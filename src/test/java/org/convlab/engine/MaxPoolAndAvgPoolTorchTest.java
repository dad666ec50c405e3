package org.convlab.engine;

import static org.convlab.engine.LayerChecks.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/**
 * Max and average pooling against PyTorch (ceil mode, padding, count_include_pad): square windows
 * from torch-layers.json, rectangular ones (1 x k as MaxPool1d/AvgPool1d, 2x3 and 3x1 with
 * padding per axis) from torch-pool-rect.json, both made by layers/make_torch_layers.py.
 */
class MaxPoolAndAvgPoolTorchTest {
    @Test
    void squarePoolingMatchesPyTorch() {
        checkAll(torchLayers().get("pool"));
    }

    @Test
    void rectangularPoolingMatchesPyTorch() throws IOException {
        JsonNode cases = resource("/layers/torch-pool-rect.json").get("pool");
        assertEquals(9, cases.size(), "cases in torch-pool-rect.json");
        checkAll(cases);
    }

    private static JsonNode resource(String path) throws IOException {
        try (InputStream in = MaxPoolAndAvgPoolTorchTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException(path + " is missing"));
            }
            return new ObjectMapper().readTree(in);
        }
    }

    /** A case's field as [height, width]: a number means the same on both axes. */
    private static int[] pair(JsonNode v) {
        return v.isArray() ? new int[] {v.get(0).asInt(), v.get(1).asInt()} : new int[] {v.asInt(), v.asInt()};
    }

    private static void checkAll(JsonNode cases) {
        for (JsonNode t : cases) {
            JsonNode s = t.get("shape");
            int[] window = pair(t.get("window"));
            int[] pad = pair(t.get("padding"));
            PoolGeometry g = new PoolGeometry(s.get(0).asInt(), s.get(1).asInt(), s.get(2).asInt(), s.get(3).asInt(),
                    window[0], window[1], t.get("stride").asInt(), pad[0], pad[1], t.get("ceil").asBoolean());
            String what = t.get("kind").asText() + " " + g;
            assertEquals(t.get("out_shape").get(2).asInt(), g.outHeight(), what + " out height");
            assertEquals(t.get("out_shape").get(3).asInt(), g.outWidth(), what + " out width");
            float[] x = floats(t.get("x")), r = floats(t.get("r"));
            for (boolean fast : new boolean[] {true, false}) {
                float[] y = new float[g.outSize()];
                float[] dX = new float[x.length];
                if (t.get("kind").asText().equals("max")) {
                    int[] argmax = new int[g.outSize()];
                    if (fast) {
                        MaxPool.forward(y, argmax, x, g);
                        MaxPool.backward(dX, r, argmax, g);
                    } else {
                        MaxPoolReference.forward(y, argmax, x, g);
                        MaxPoolReference.backward(dX, r, argmax, g);
                    }
                } else if (fast) {
                    AvgPool.forward(y, x, g);
                    AvgPool.backward(dX, r, g);
                } else {
                    AvgPoolReference.forward(y, x, g);
                    AvgPoolReference.backward(dX, r, g);
                }
                String path = fast ? " (fast)" : " (reference)";
                assertClose(what + path + " y", floats(t.get("y")), y, 1e-6, 1e-6);
                assertClose(what + path + " dx", floats(t.get("dx")), dX, 1e-6, 1e-6);
            }
        }
    }
}
