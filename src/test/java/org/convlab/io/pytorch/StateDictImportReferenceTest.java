package org.convlab.io.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.convlab.model.ModelFiles;
import org.convlab.model.NetworkSpec;
import org.convlab.nn.Network;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A state_dict trained in PyTorch (src/test/python/make_pytorch_reference.py: a hand-written
 * module with every layer type, trained a few steps) imported onto the same ConvLab architecture
 * gives PyTorch's logits: conv with normalize, batch norm 2d and 1d with trained running
 * statistics, a residual block with its projection, an inception block, LRN, dilation, ceil
 * average pooling with padding, dense on an image, and the activations.
 */
class StateDictImportReferenceTest {
    static Path resource(String name) throws Exception {
        return Path.of(StateDictImportReferenceTest.class.getResource("/pytorch/" + name).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"every-layer.safetensors", "every-layer-f64.safetensors"})
    void convLabGivesPytorchsLogits(String weights) throws Exception {
        NetworkSpec architecture = ModelFiles.read(resource("every-layer.model.json"));
        NetworkSpec trained = StateDictImport.apply(architecture, resource(weights));
        JsonNode values = new ObjectMapper().readTree(resource("every-layer.values.json").toFile());
        float[] x = floats(values.get("input"));
        float[] expected = floats(values.get("logits"));
        int n = values.get("input_shape").get(0).asInt();

        Network net = Network.build(trained, 99); // the seed must not matter: every weight is imported
        assertTrue(net.initialisedWeights().isEmpty(), "not imported: " + net.initialisedWeights());
        net.forward(x, n, false);
        float[] logits = net.logits();
        assertEquals(expected.length, n * 3);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], logits[i], 1e-4 * Math.max(1, Math.abs(expected[i])), "logit " + i);
        }
    }

    static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }
}
