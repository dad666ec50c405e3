package org.convlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.convlab.model.ModelFiles;
import org.convlab.model.NetworkSpec;
import org.convlab.nn.layers.Layer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whole networks against PyTorch 1.13: the model files (weights inline in PyTorch layouts) and
 * the values of src/test/resources/reference were written by src/test/python/make_reference.py.
 * Every layer's output, the probabilities, the mean cross-entropy, every parameter gradient,
 * the input gradient and batch norm's updated running statistics agree within 1e-4 relative.
 */
class PytorchReferenceTest {
    @ParameterizedTest
    @CsvSource({"conv-pool-dense,false", "conv-pool-dense,true", "ceil-pool,false", "ceil-pool,true",
            "norm,false", "norm,true"})
    void matchesPytorch(String name, boolean reference) throws URISyntaxException {
        NetworkSpec spec = ModelFiles.read(Path.of(getClass().getResource("/reference/" + name + ".model.json").toURI()));
        JsonNode values = Json.resource("/reference/" + name + ".values.json");
        Network net = Network.build(spec, 1);
        net.setReference(reference);
        net.setInputGradient(true);
        int batch = values.get("batch").asInt();
        float[] x = Json.floats(values.get("input").get("data"));
        int[] labels = new int[batch];
        for (int n = 0; n < batch; n++) {
            labels[n] = values.get("labels").get(n).asInt();
        }

        net.forward(x, batch, values.get("training").asBoolean());
        List<Layer> layers = net.layers();
        JsonNode refLayers = values.get("layers");
        assertEquals(refLayers.size(), layers.size());
        for (int i = 0; i < layers.size(); i++) {
            JsonNode ref = refLayers.get(i);
            assertEquals(ref.get("name").asText(), layers.get(i).name());
            assertClose(name + " " + layers.get(i).name() + " output", Json.floats(ref.get("output")), layers.get(i).output());
        }
        assertClose(name + " probabilities", Json.floats(values.get("probabilities")), net.probabilities());

        float loss = net.backwardCrossEntropy(labels);
        assertClose(name + " loss", new float[] {(float) values.get("loss").asDouble()}, new float[] {loss});
        int checked = 0;
        for (JsonNode ref : refLayers) {
            String layer = ref.get("name").asText();
            if (ref.has("weight_grad")) {
                assertClose(name + " " + layer + ".weight grad", Json.floats(ref.get("weight_grad")),
                        net.parameter(layer + ".weight").grad());
                checked++;
            }
            if (ref.has("bias_grad")) {
                assertClose(name + " " + layer + ".bias grad", Json.floats(ref.get("bias_grad")),
                        net.parameter(layer + ".bias").grad());
                checked++;
            }
            if (ref.has("running_mean_after")) {
                assertClose(name + " " + layer + " running mean", Json.floats(ref.get("running_mean_after")),
                        net.parameter(layer + ".running_mean").value());
                assertClose(name + " " + layer + " running var", Json.floats(ref.get("running_var_after")),
                        net.parameter(layer + ".running_var").value());
            }
        }
        assertEquals(net.parameters().size(), checked, "every parameter's gradient was compared");
        assertClose(name + " input grad", Json.floats(values.get("input_grad")), net.inputGradient());
    }

    /** Within 1e-4 of the reference's magnitude, plus an absolute floor of 1e-6 for values near zero. */
    static void assertClose(String what, float[] want, float[] got) {
        assertTrue(got.length >= want.length, what + ": " + got.length + " values, expected " + want.length);
        for (int i = 0; i < want.length; i++) {
            double tol = 1e-4 * Math.abs(want[i]) + 1e-6;
            assertTrue(Math.abs(want[i] - got[i]) <= tol, what + "[" + i + "]: PyTorch " + want[i] + ", ConvLab " + got[i]);
        }
    }
}
