package org.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convlab.io.ModelFormats;
import org.convlab.io.Safetensors;
import org.convlab.model.ModelFiles;
import org.convlab.model.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exchange commands end to end, and an ONNX file wherever a MODEL goes. Expected values come
 * from PyTorch (the committed reference files under src/test/resources/onnx, written by
 * src/test/python/make_onnx_reference.py) or from the model the command was given.
 */
class ExchangeCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TORCH_LENET = Path.of("src/test/resources/onnx/lenet5.onnx");
    private static final Path TORCH_LENET_VALUES = Path.of("src/test/resources/onnx/lenet5.values.json");

    @TempDir
    Path dir;

    private static JsonNode lastJson(CliRun run) throws Exception {
        String[] lines = run.out().strip().split("\n");
        return JSON.readTree(lines[lines.length - 1]);
    }

    @Test
    void exportThenImportGivesBackTheModelWithItsSeededWeights() throws Exception {
        Path onnx = dir.resolve("lenet5.onnx");
        CliRun export = CliRun.of("export", "preset:lenet5", "--format", "onnx", "--out", onnx.toString(), "--seed", "7");
        assertEquals(0, export.code(), export.err());
        assertTrue(export.out().startsWith("wrote " + onnx + " (ONNX, opset 13, 61,706 parameters"), export.out());
        assertTrue(export.err().contains("initialised from seed 7"), export.err());

        Path json = dir.resolve("lenet5.json");
        CliRun imported = CliRun.of("import", onnx.toString(), "--out", json.toString());
        assertEquals(0, imported.code(), imported.err());
        NetworkSpec expected = ModelFormats.withAllWeights(ModelFormats.load("preset:lenet5"), 7);
        assertEquals(expected, ModelFiles.read(json));
    }

    @Test
    void aPyTorchOnnxFileWorksAsTheModelOfForward() throws Exception {
        JsonNode values = JSON.readTree(TORCH_LENET_VALUES.toFile());
        int n = 28 * 28;
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < n; i++) {
            data.append(i == 0 ? "" : ",").append(values.get("input").get("data").get(i).asText());
        }
        Path input = Files.writeString(dir.resolve("x.json"), "{\"shape\": [1, 28, 28], \"data\": [" + data + "]}");

        CliRun run = CliRun.of("forward", TORCH_LENET.toString(), "--input", input.toString(), "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode probs = lastJson(run).get("probabilities");
        // softmax of PyTorch's logits for the first sample, worked out here in double precision
        JsonNode logits = values.get("output").get("data");
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < 10; k++) {
            max = Math.max(max, logits.get(k).asDouble());
        }
        double sum = 0;
        for (int k = 0; k < 10; k++) {
            sum += Math.exp(logits.get(k).asDouble() - max);
        }
        for (int k = 0; k < 10; k++) {
            double p = Math.exp(logits.get(k).asDouble() - max) / sum;
            assertEquals(p, probs.get(k).asDouble(), 1e-5, "class " + k);
        }
    }

    @Test
    void classesNameTheOutputsOfAFileWithoutThem() {
        Path json = dir.resolve("digits.json");
        CliRun run = CliRun.of("import", TORCH_LENET.toString(), "--classes", "zero,one,two,three,four,five,six,seven,eight,nine",
                "--out", json.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
                ModelFiles.read(json).classes());
        CliRun plain = CliRun.of("import", TORCH_LENET.toString(), "--out", json.toString());
        assertEquals(0, plain.code(), plain.err());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), ModelFiles.read(json).classes());

        CliRun wrong = CliRun.of("summary", TORCH_LENET.toString(), "--classes", "a,b,c");
        assertEquals(2, wrong.code(), wrong.err());
        assertTrue(wrong.lastErrLine().startsWith("error: " + TORCH_LENET), wrong.err());
    }

    @Test
    void unsupportedOpsAreNamedWithTheirNodes() {
        Path file = Path.of("src/test/resources/onnx/unsupported_ops.onnx");
        CliRun run = CliRun.of("summary", file.toString());
        assertEquals(2, run.code(), run.err());
        assertTrue(run.lastErrLine().startsWith("error: " + file + ": unsupported ONNX ops: "), run.err());
        // the file's upsampling (Resize) imports since issue 16's upsample layer; its GRU does not
        assertTrue(run.lastErrLine().contains("GRU (node \"/rnn/GRU\")") && !run.lastErrLine().contains("Resize"), run.err());
    }

    @Test
    void aPyTorchProjectHoldsTheStateDictAndComesBackByImport() throws Exception {
        Path project = dir.resolve("project");
        CliRun export = CliRun.of("export", "preset:lenet5", "--format", "pytorch", "--out", project.toString());
        assertEquals(0, export.code(), export.err());
        for (String f : List.of("model.py", "weights.safetensors", "train.py", "README.md")) {
            assertTrue(Files.isRegularFile(project.resolve(f)), f);
        }
        assertTrue(Files.readString(project.resolve("README.md")).contains("--model preset:lenet5"));
        Safetensors.Contents weights = Safetensors.read(project.resolve("weights.safetensors"));
        assertTrue(weights.names().containsAll(List.of("conv1.weight", "conv1.bias", "fc2.weight", "fc2.bias")), weights.names().toString());

        Path back = dir.resolve("back.json");
        CliRun imported = CliRun.of("import", project.resolve("weights.safetensors").toString(), "--model", "preset:lenet5",
                "--out", back.toString());
        assertEquals(0, imported.code(), imported.err());
        NetworkSpec expected = ModelFormats.withAllWeights(ModelFormats.load("preset:lenet5"), 1);
        assertEquals(expected.layers(), ModelFiles.read(back).layers());
    }
}
