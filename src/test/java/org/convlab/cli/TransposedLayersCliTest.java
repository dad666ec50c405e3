package org.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** summary, forward, grad and the ONNX and PyTorch exports on a model with convtranspose and upsample layers. */
class TransposedLayersCliTest {
    private static final String MODEL = "{\"input\": {\"channels\": 1, \"height\": 4, \"width\": 4}, \"layers\": ["
            + "{\"type\": \"convtranspose\", \"name\": \"dec\", \"filters\": 2, \"kernel\": 3, \"stride\": 2, \"padding\": 1},"
            + "{\"type\": \"upsample\", \"name\": \"up\", \"scale\": 2, \"mode\": \"bilinear\"},"
            + "{\"type\": \"flatten\"}, {\"type\": \"dense\", \"units\": 2}]}";

    private static Path files(Path dir) throws Exception {
        Files.writeString(dir.resolve("in.json"), "{\"shape\": [1, 4, 4], \"data\": [" + "0.5, -1, ".repeat(7) + "0.5, 1]}");
        return Files.writeString(dir.resolve("m.json"), MODEL);
    }

    @Test
    void summaryPrintsTheTransposedFormula(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("summary", files(dir).toString());
        assertEquals(0, r.code(), r.err());
        String dec = r.out().lines().filter(l -> l.startsWith("dec ")).findFirst().orElseThrow();
        assertTrue(dec.contains("convtranspose") && dec.contains("7x7x2") && dec.contains("2*(4 - 1) + 0 + 3 - 2*1 = 7")
                && dec.contains(" 20 "), dec); // 1*2*3*3 weights + 2 biases
        String up = r.out().lines().filter(l -> l.startsWith("up ")).findFirst().orElseThrow();
        assertTrue(up.contains("14x14x2") && up.contains("7*2 = 14"), up);
    }

    @Test
    void forwardAndGradRun(@TempDir Path dir) throws Exception {
        Path m = files(dir);
        String in = dir.resolve("in.json").toString();
        CliRun f = CliRun.of("forward", m.toString(), "--input", in, "--json");
        assertEquals(0, f.code(), f.err());
        JsonNode j = new ObjectMapper().readTree(f.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertEquals("convtranspose", j.get("layers").get(0).get("type").asText());
        assertEquals(2 * 7 * 7, j.get("layers").get(0).get("data").size());
        assertEquals(2 * 14 * 14, j.get("layers").get(1).get("data").size());
        CliRun g = CliRun.of("grad", m.toString(), "--input", in, "--label", "1", "--json");
        assertEquals(0, g.code(), g.err());
        JsonNode gj = new ObjectMapper().readTree(g.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertEquals(18, gj.get("layers").get(0).get("weight_grad").size());
        assertEquals(16, gj.get("input_grad").size());
    }

    @Test
    void exportsToOnnxAndPytorchAndTheOnnxFileReadsBack(@TempDir Path dir) throws Exception {
        Path m = files(dir);
        Path file = dir.resolve("m.onnx");
        CliRun onnx = CliRun.of("export", m.toString(), "--format", "onnx", "--out", file.toString());
        assertEquals(0, onnx.code(), onnx.err());
        CliRun back = CliRun.of("summary", file.toString());
        assertEquals(0, back.code(), back.err());
        assertTrue(back.out().lines().anyMatch(l -> l.startsWith("dec ") && l.contains("2*(4 - 1) + 0 + 3 - 2*1 = 7")), back.out());
        assertTrue(back.out().lines().anyMatch(l -> l.startsWith("up ") && l.contains("7*2 = 14")), back.out());
        CliRun torch = CliRun.of("export", m.toString(), "--format", "pytorch", "--out", dir.resolve("pt").toString());
        assertEquals(0, torch.code(), torch.err());
        String py = Files.readString(dir.resolve("pt").resolve("model.py"));
        assertTrue(py.contains("nn.ConvTranspose2d(1, 2, kernel_size=3, stride=2, padding=1)")
                && py.contains("nn.Upsample(scale_factor=2, mode=\"bilinear\", align_corners=False)"), py);
    }
}
