package org.convlab.cli;

import static org.convlab.cli.ForwardCommandTest.resource;
import static org.convlab.cli.ForwardCommandTest.resourcePath;
import static org.convlab.cli.ForwardCommandTest.run;
import static org.convlab.cli.ForwardCommandTest.sampleJson;
import static org.convlab.cli.ForwardCommandTest.xoPng;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code grad --explain}: the terms of one gradient value, bit-identical to the listed gradients; refusals. */
class GradExplainCommandTest {
    @TempDir
    Path dir;

    @Test
    void xoConvWeightHas49TermsOver9AndItsValueIsTheWeightGradient() throws Exception {
        ForwardCommandTest.Run r = run("grad", "preset:xo", "--input", xoPng(dir, "image_x").toString(), "--label", "X",
                "--explain", "conv1:w[0][0][1][1]", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = r.lastJson();
        JsonNode e = j.get("explain");
        assertEquals("conv1:w[0][0][1][1]", e.get("target").asText());
        assertEquals(49, e.get("terms").size());
        assertEquals(9, e.get("divisor").asInt());
        float sum = 0f;
        for (int k = 0; k < 49; k++) {
            JsonNode term = e.get("terms").get(k);
            assertEquals("[0," + k / 7 + "," + k % 7 + "]", term.get("output").toString());
            float forward = (float) term.get("forward").asDouble();
            assertEquals(1f, Math.abs(forward), 0f, "an X/O pixel is +1 or -1");
            float product = (float) term.get("upstream").asDouble() * forward;
            assertEquals(product, (float) term.get("product").asDouble(), 0f);
            sum += product;
        }
        assertEquals(sum / 9, (float) e.get("value").asDouble(), 0f, "the running sum, then / 9");
        assertSameBits(j.get("layers").get(0).get("weight_grad").get(4), e.get("value"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "conv1:w[2][1][0][2]|0|weight_grad|" + (((2 * 2 + 1) * 3 + 0) * 3 + 2),
        "conv1:b[1]|0|bias_grad|1",
        "conv2:w[3][2][1][2]|3|weight_grad|" + (((3 * 3 + 2) * 2 + 1) * 3 + 2),
        "fc1:w[4][7]|5|weight_grad|" + (4 * 16 + 7),
        "fc1:b[2]|5|bias_grad|2",
        "input[1][4][10]|-1|input_grad|" + (99 + 4 * 11 + 10)})
    void valueIsBitIdenticalToTheListedGradient(String target, int layer, String field, int index) throws Exception {
        JsonNode values = resource("/reference/conv-pool-dense-single.values.json");
        ForwardCommandTest.Run r = run("grad", resourcePath("/reference/conv-pool-dense.model.json"), "--input",
                sampleJson(dir, values).toString(), "--label", "3", "--explain", target, "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = r.lastJson();
        JsonNode listed = layer < 0 ? j.get(field) : layerNamed(j, layer).get(field);
        assertSameBits(listed.get(index), j.get("explain").get("value"));
        assertTrue(j.get("explain").get("terms").size() > 0, target);
    }

    @Test
    void textListsEveryTermThenTheDivisorAndTheValue() throws Exception {
        ForwardCommandTest.Run r = run("grad", "preset:xo", "--input", xoPng(dir, "image_x").toString(), "--label", "X",
                "--explain", "conv1:w[0][0][1][1]");
        assertEquals(0, r.exit(), r.err());
        String out = r.out();
        assertTrue(out.contains("dL/d conv1:w[0][0][1][1]: 49 terms"), out);
        assertEquals(49, out.lines().filter(l -> l.matches("\\s+\\d+\\s+\\[0\\]\\[\\d\\]\\[\\d\\]\\s+x\\[0\\]\\[\\d\\]\\[\\d\\].*")).count(), out);
        assertTrue(out.contains("\ndivisor = 9\n"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("value = -?[0-9.E-]+ / 9 = -?[0-9.E-]+")), out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "conv9:w[0][0][0][0]|no layer 'conv9': layers with parameters are conv1, fc1",
        "conv1:w[3][0][0][0]|conv1 has w[3][1][3][3]: w[3][0][0][0] is out of range",
        "conv1:w[0][0]|conv1:w takes 4 indices [filter][channel][row][col], got 2",
        "conv1:b[0]|conv1 has no bias",
        "fc1:w[2][0]|fc1 has w[2][48]: w[2][0] is out of range",
        "relu1:w[0]|'relu1' is a relu layer with no parameters: layers with parameters --explain covers are conv1, fc1",
        "input[0][9][0]|the input has input[1][9][9]: input[0][9][0] is out of range",
        "conv1.weight|--explain must be LAYER:w[...], LAYER:b[i] or input[c][h][w] (e.g. conv1:w[0][0][1][1]), got 'conv1.weight'"})
    void badTargetsExit2WithOneLineNamingWhatExists(String target, String message) throws Exception {
        ForwardCommandTest.Run r = run("grad", "preset:xo", "--input", xoPng(dir, "image_x").toString(), "--label", "X",
                "--explain", target);
        assertEquals(2, r.exit(), r.out());
        assertEquals("error: " + message, r.err().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertEquals(1, r.err().strip().lines().filter(l -> !l.startsWith("WARNING")).count(), r.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "res1.conv1:w[0][0][0][0]|'res1.conv1' is inside a block (residual or inception): --explain takes top-level layers for now: conv1, conv2, fc1, fc2",
        "bn1:w[0]|'bn1' is a batchnorm layer, which --explain does not cover: layers with parameters --explain covers are conv1, conv2, fc1, fc2"})
    void layersInsideBlocksAndOtherKindsAreRefusedForNow(String target, String message) throws Exception {
        Path input = dir.resolve("x.json");
        java.nio.file.Files.writeString(input, "{\"shape\": [3, 12, 12], \"data\": "
                + java.util.Collections.nCopies(3 * 12 * 12, "0.1") + "}");
        ForwardCommandTest.Run r = run("grad", resourcePath("/pytorch/every-layer.model.json"), "--input", input.toString(),
                "--label", "0", "--explain", target);
        assertEquals(2, r.exit(), r.out());
        assertEquals("error: " + message, r.err().strip().lines().reduce((a, b) -> b).orElseThrow());
    }

    private static JsonNode layerNamed(JsonNode j, int index) {
        for (JsonNode l : j.get("layers")) {
            if (l.get("index").asInt() == index) {
                return l;
            }
        }
        throw new AssertionError("no layer " + index + " in " + j.get("layers"));
    }

    /** Both JSON numbers are the same float: Jackson writes a float's shortest decimal, so equal text means equal bits. */
    private static void assertSameBits(JsonNode listed, JsonNode value) {
        assertEquals(Float.floatToIntBits(Float.parseFloat(listed.asText())), Float.floatToIntBits(Float.parseFloat(value.asText())),
                listed + " vs " + value);
    }
}
