package org.convlab.engine;

import static org.convlab.engine.LayerChecks.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Max and average pooling against PyTorch (ceil mode, padding, count_include_pad) from torch-layers.json. */
class MaxPoolAndAvgPoolTorchTest {
    @Test
    void poolingMatchesPyTorch() {
        for (JsonNode t : torchLayers().get("pool")) {
            JsonNode s = t.get("shape");
            PoolGeometry g = new PoolGeometry(s.get(0).asInt(), s.get(1).asInt(), s.get(2).asInt(), s.get(3).asInt(),
                    t.get("window").asInt(), t.get("stride").asInt(), t.get("padding").asInt(), t.get("ceil").asBoolean());
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
                assertClose(what + " y", floats(t.get("y")), y, 1e-6, 1e-6);
                assertClose(what + " dx", floats(t.get("dx")), dX, 1e-6, 1e-6);
            }
        }
    }
}
