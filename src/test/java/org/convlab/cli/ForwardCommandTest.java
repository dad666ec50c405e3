package org.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForwardCommandTest {
    record Run(int exit, String out, String err) {
        JsonNode lastJson() throws IOException {
            String last = out.strip().lines().reduce((a, b) -> b).orElseThrow();
            return new ObjectMapper().readTree(last);
        }
    }

    static Run run(String... args) {
        CliRun r = CliRun.of(args);
        return new Run(r.code(), r.out(), r.err());
    }

    static JsonNode resource(String path) throws IOException {
        try (InputStream in = ForwardCommandTest.class.getResourceAsStream(path)) {
            return new ObjectMapper().readTree(in);
        }
    }

    static String resourcePath(String path) throws URISyntaxException {
        return Path.of(ForwardCommandTest.class.getResource(path).toURI()).toString();
    }

    /** The golden 9x9 grid as a black (+1) and white (-1) PNG. */
    static Path xoPng(Path dir, String key) throws IOException {
        JsonNode grid = resource("/golden/xo-seed.json").get(key);
        BufferedImage img = new BufferedImage(9, 9, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 9; y++) {
            for (int x = 0; x < 9; x++) {
                img.setRGB(x, y, grid.get(y).get(x).asInt() > 0 ? 0x000000 : 0xffffff);
            }
        }
        Path png = dir.resolve(key + ".png");
        ImageIO.write(img, "png", png.toFile());
        return png;
    }

    /** One sample of a reference values file as a JSON tensor file. */
    static Path sampleJson(Path dir, JsonNode values) throws IOException {
        JsonNode input = values.get("input");
        JsonNode shape = input.get("shape");
        String text = "{\"shape\": [" + shape.get(1) + ", " + shape.get(2) + ", " + shape.get(3) + "], \"data\": "
                + input.get("data") + "}";
        Path file = dir.resolve("sample.json");
        Files.writeString(file, text);
        return file;
    }

    @TempDir
    Path dir;

    @Test
    void xoPresetOnTheCanonicalXPngGivesTheSlidesFeatureMaps() throws Exception {
        Run r = run("forward", "preset:xo", "--input", xoPng(dir, "image_x").toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = r.lastJson();
        JsonNode conv = j.get("layers").get(0);
        assertEquals("conv", conv.get("type").asText());
        assertEquals("[3,7,7]", conv.get("shape").toString());
        JsonNode sums = resource("/golden/xo-seed.json").get("feature_map_sums");
        String[] features = {"diagonal_down", "cross", "diagonal_up"};
        for (int f = 0; f < 3; f++) {
            for (int i = 0; i < 49; i++) {
                float want = sums.get(features[f]).get(i / 7).get(i % 7).asInt() / 9f;
                assertEquals(want, conv.get("data").get(f * 49 + i).floatValue(), 0f, features[f] + " " + i);
            }
        }
        JsonNode p = j.get("probabilities");
        assertEquals(2, p.size());
        assertEquals(1.0, p.get(0).asDouble() + p.get(1).asDouble(), 1e-6);
        // preset:xo carries its vote weights (the lesson's): nothing is drawn from the seed
        assertTrue(!r.err().contains("fc1.weight"), "no weight initialised: " + r.err());
    }

    @Test
    void modelFileWithInlineWeightsMatchesPytorchLayerByLayer() throws Exception {
        JsonNode values = resource("/reference/conv-pool-dense-single.values.json");
        Run r = run("forward", resourcePath("/reference/conv-pool-dense.model.json"), "--input",
                sampleJson(dir, values).toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode layers = r.lastJson().get("layers");
        assertEquals(values.get("layers").size(), layers.size());
        for (int i = 0; i < layers.size(); i++) {
            JsonNode want = values.get("layers").get(i);
            assertEquals(want.get("name").asText(), layers.get(i).get("name").asText());
            // ConvLab always writes [C, H, W] (a flat vector is [n, 1, 1]); PyTorch drops the 1s
            assertEquals(want.get("shape").toString().replace("]", ",1,1]").replaceAll("(\\[\\d+,\\d+,\\d+),1,1]", "$1]"),
                    layers.get(i).get("shape").toString());
            assertClose(want.get("output"), layers.get(i).get("data"), want.get("name").asText());
        }
        assertClose(values.get("probabilities"), r.lastJson().get("probabilities"), "probabilities");
    }

    @Test
    void humanOutputListsLayersAndThePrediction() throws Exception {
        Run r = run("forward", "preset:xo", "--input", xoPng(dir, "image_x").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("conv1") && r.out().contains("7x7x3") && r.out().contains("prediction: "), r.out());
    }

    @Test
    void badInputsExitTwoWithOneLine() throws Exception {
        Path wrong = dir.resolve("wrong.json");
        Files.writeString(wrong, "{\"shape\": [1, 28, 28], \"data\": []}");
        Run r = run("forward", "preset:xo", "--input", wrong.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("wrong.json holds a tensor of shape [1, 28, 28] but the model's input is [1, 9, 9]"), r.err());

        Path f64 = dir.resolve("f64.npy");
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 9, 9), }";
        header = header + " ".repeat(64 - (10 + header.length() + 1) % 64) + "\n";
        ByteArrayOutputStream npy = new ByteArrayOutputStream();
        npy.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0});
        npy.write(header.getBytes(StandardCharsets.ISO_8859_1));
        npy.write(new byte[81 * 8]);
        Files.write(f64, npy.toByteArray());
        r = run("forward", "preset:xo", "--input", f64.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("f64.npy holds float64 values"), r.err());

        r = run("forward", "preset:xo", "--input", dir.resolve("missing.png").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("input file not found"), r.err());
        r.err().lines().filter(l -> l.startsWith("error")).forEach(l -> assertTrue(!l.contains("Exception"), l));
    }

    static void assertClose(JsonNode want, JsonNode got, String what) {
        assertEquals(want.size(), got.size(), what + " size");
        for (int i = 0; i < want.size(); i++) {
            double w = want.get(i).asDouble();
            double g = got.get(i).asDouble();
            assertTrue(Math.abs(w - g) <= 1e-4 * Math.abs(w) + 1e-6, what + "[" + i + "]: PyTorch " + w + ", ConvLab " + g
                    + " " + Arrays.toString(new double[] {w, g}));
        }
    }
}
