package org.convlab.engine;

import static org.convlab.engine.LayerChecks.assertClose;
import static org.convlab.engine.LayerChecks.floats;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Transposed convolution and upsampling against PyTorch 1.13 (ConvTranspose2d, Upsample with
 * align_corners=False): forward outputs and the gradients of L = sum(y * y), from
 * layers/torch-convtranspose.json written by src/test/python/make_convtranspose_reference.py.
 * The scalar reference, the fast path and the fast path on the scalar micro-kernel are each checked.
 */
class ConvTransposeTorchTest {
    private static JsonNode cases() throws IOException {
        try (InputStream in = ConvTransposeTorchTest.class.getResourceAsStream("/layers/torch-convtranspose.json")) {
            assertEquals(true, in != null, "layers/torch-convtranspose.json is missing");
            return new ObjectMapper().readTree(in);
        }
    }

    private static int[] pair(JsonNode v) {
        return v.isArray() ? new int[] {v.get(0).asInt(), v.get(1).asInt()} : new int[] {v.asInt(), v.asInt()};
    }

    @Test
    void transposedConvolutionMatchesPyTorch() throws IOException {
        JsonNode all = cases().get("convtranspose");
        assertEquals(10, all.size(), "cases in the file");
        for (JsonNode t : all) {
            JsonNode s = t.get("in_shape");
            int[] k = pair(t.get("kernel")), p = pair(t.get("padding")), a = pair(t.get("output_padding"));
            ConvTransposeGeometry g = new ConvTransposeGeometry(s.get(0).asInt(), s.get(1).asInt(), s.get(2).asInt(),
                    s.get(3).asInt(), t.get("filters").asInt(), k[0], k[1], t.get("stride").asInt(), p[0], p[1], a[0], a[1],
                    t.get("dilation").asInt());
            String name = t.get("name").asText();
            assertEquals(t.get("out_shape").get(2).asInt(), g.outHeight(), name + ": output height");
            assertEquals(t.get("out_shape").get(3).asInt(), g.outWidth(), name + ": output width");
            float[] x = floats(t.get("x")), w = floats(t.get("w")), expectedY = floats(t.get("y"));
            float[] b = t.get("b").isNull() ? null : floats(t.get("b"));
            float[] dY = new float[expectedY.length];
            for (int i = 0; i < dY.length; i++) {
                dY[i] = 2 * expectedY[i]; // dL/dy of sum(y * y)
            }
            for (String path : new String[] {"reference", "fast", "fast scalar"}) {
                float[] y = new float[g.outputSize()], dX = new float[x.length], dW = new float[w.length];
                float[] dB = b == null ? null : new float[b.length];
                switch (path) {
                    case "reference" -> {
                        ConvTranspose2dReference.forward(y, x, w, b, g);
                        ConvTranspose2dReference.backward(dX, dW, dB, dY, x, w, g);
                    }
                    case "fast" -> {
                        ConvTranspose2d.forward(y, x, w, b, g);
                        ConvTranspose2d.backward(dX, dW, dB, dY, x, w, g);
                    }
                    default -> {
                        ConvTranspose2d.forwardScalar(y, x, w, b, g);
                        ConvTranspose2d.backward(dX, dW, dB, dY, x, w, g);
                    }
                }
                String what = name + " (" + path + ")";
                assertClose(what + " y", expectedY, y, 1e-5, 1e-5);
                assertClose(what + " dx", floats(t.get("dx")), dX, 1e-4, 1e-5);
                assertClose(what + " dw", floats(t.get("dw")), dW, 1e-4, 1e-5);
                if (b != null) {
                    assertClose(what + " db", floats(t.get("db")), dB, 1e-4, 1e-5);
                }
            }
        }
    }

    @Test
    void upsamplingMatchesPyTorch() throws IOException {
        JsonNode all = cases().get("upsample");
        assertEquals(5, all.size(), "cases in the file");
        for (JsonNode t : all) {
            JsonNode s = t.get("in_shape");
            UpsampleGeometry g = new UpsampleGeometry(s.get(0).asInt(), s.get(1).asInt(), s.get(2).asInt(),
                    s.get(3).asInt(), t.get("scale").asInt(), t.get("mode").asText().equals("bilinear"));
            String name = t.get("name").asText();
            assertEquals(t.get("out_shape").get(2).asInt(), g.outHeight(), name + ": output height");
            assertEquals(t.get("out_shape").get(3).asInt(), g.outWidth(), name + ": output width");
            float[] x = floats(t.get("x")), expectedY = floats(t.get("y"));
            float[] dY = new float[expectedY.length];
            for (int i = 0; i < dY.length; i++) {
                dY[i] = 2 * expectedY[i];
            }
            for (boolean fast : new boolean[] {false, true}) {
                float[] y = new float[g.outputSize()], dX = new float[x.length];
                if (fast) {
                    Upsample.forward(y, x, g);
                    Upsample.backward(dX, dY, g);
                } else {
                    UpsampleReference.forward(y, x, g);
                    UpsampleReference.backward(dX, dY, g);
                }
                String what = name + (fast ? " (fast)" : " (reference)");
                assertClose(what + " y", expectedY, y, 1e-6, 1e-6);
                assertClose(what + " dx", floats(t.get("dx")), dX, 1e-5, 1e-5);
            }
        }
    }
}
