package org.convlab.cli;

import static org.convlab.cli.ForwardCommandTest.assertClose;
import static org.convlab.cli.ForwardCommandTest.resource;
import static org.convlab.cli.ForwardCommandTest.resourcePath;
import static org.convlab.cli.ForwardCommandTest.run;
import static org.convlab.cli.ForwardCommandTest.sampleJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradCommandTest {
    @TempDir
    Path dir;

    @Test
    void gradientsOfOneSampleMatchPytorch() throws Exception {
        JsonNode values = resource("/reference/conv-pool-dense-single.values.json");
        int label = values.get("labels").get(0).asInt();
        ForwardCommandTest.Run r = run("grad", resourcePath("/reference/conv-pool-dense.model.json"), "--input",
                sampleJson(dir, values).toString(), "--label", Integer.toString(label), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = r.lastJson();
        assertEquals(values.get("loss").asDouble(), j.get("loss").asDouble(), 1e-4 * values.get("loss").asDouble());
        JsonNode layers = j.get("layers");
        int i = 0;
        for (JsonNode want : values.get("layers")) {
            if (!want.has("weight_grad")) {
                continue;
            }
            JsonNode got = layers.get(i++);
            assertEquals(want.get("name").asText(), got.get("name").asText());
            assertEquals(want.get("index").asInt(), got.get("index").asInt());
            assertClose(want.get("weight_grad"), got.get("weight_grad"), want.get("name") + " weight_grad");
            assertClose(want.get("bias_grad"), got.get("bias_grad"), want.get("name") + " bias_grad");
        }
        assertEquals(i, layers.size());
        assertClose(values.get("input_grad"), j.get("input_grad"), "input_grad");
    }

    @Test
    void batchNormInInferenceModeMatchesPytorchEval() throws Exception {
        JsonNode values = resource("/reference/norm-single.values.json");
        ForwardCommandTest.Run r = run("grad", resourcePath("/reference/norm.model.json"), "--input",
                sampleJson(dir, values).toString(), "--label", values.get("labels").get(0).asText(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = r.lastJson();
        for (JsonNode got : j.get("layers")) {
            for (JsonNode want : values.get("layers")) {
                if (want.get("name").asText().equals(got.get("name").asText())) {
                    assertClose(want.get("weight_grad"), got.get("weight_grad"), want.get("name") + " weight_grad");
                    assertClose(want.get("bias_grad"), got.get("bias_grad"), want.get("name") + " bias_grad");
                }
            }
        }
        assertClose(values.get("input_grad"), j.get("input_grad"), "input_grad");
    }

    @Test
    void labelByClassNameAndOutOfRange() throws Exception {
        JsonNode values = resource("/reference/conv-pool-dense-single.values.json");
        String model = resourcePath("/reference/conv-pool-dense.model.json");
        String input = sampleJson(dir, values).toString();
        ForwardCommandTest.Run byName = run("grad", model, "--input", input, "--label", "c", "--json");
        ForwardCommandTest.Run byIndex = run("grad", model, "--input", input, "--label", "2", "--json");
        assertEquals(0, byName.exit(), byName.err());
        assertEquals(byIndex.lastJson().get("loss"), byName.lastJson().get("loss"));

        ForwardCommandTest.Run bad = run("grad", model, "--input", input, "--label", "5");
        assertEquals(2, bad.exit());
        // the model has 5 classes: the option, its range and the value given
        assertTrue(bad.err().contains("--label must be a class index from 0 to 4 or a class name (a, b, c, d, e), got 5"),
                bad.err());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
    }
}
