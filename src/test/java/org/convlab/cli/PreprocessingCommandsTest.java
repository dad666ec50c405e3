package org.convlab.cli;

import static org.convlab.cli.TrainCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.convlab.cli.TrainCommandTest.Run;
import org.convlab.model.ModelFiles;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Preprocessing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trained model keeps how its images were prepared ({@code "preprocessing"} in the model file),
 * and {@code eval} and {@code forward} use it without being told again. Expected values are
 * worked out here from the pixels, by hand.
 */
class PreprocessingCommandsTest {
    /** A 2x2 grey image in, logits (-z, z) out, z the mean prepared pixel: class "dark" wins when z < 0. */
    static final String SIGN_MODEL = """
            {"format": "convlab-model", "version": 1, "input": {"channels": 1, "height": 2, "width": 2},
             "classes": ["dark", "light"],
             "preprocessing": {"normalize": "standardize", "resize": "fit", "mean": [0.5], "std": [0.25]},
             "layers": [{"type": "dense", "name": "fc", "units": 2,
                         "weight": {"shape": [2, 4], "data": [-0.25, -0.25, -0.25, -0.25, 0.25, 0.25, 0.25, 0.25]}, "bias": {"shape": [2], "data": [0, 0]}}]}
            """;

    /** A 2x2 image of one grey value (the smallest size ConvLab reads as an image). */
    static void grey(Path file, int value) throws IOException {
        // RGB, not TYPE_BYTE_GRAY: Java's grey images are linear, so 64 there reads back as sRGB 137
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 4; i++) {
            img.setRGB(i % 2, i / 2, value << 16 | value << 8 | value);
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    @Test
    void trainingWithStandardizeStoresTheTrainingImagesMeanAndStd(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("xo.json");
        Run r = run("train", "preset:xo", "--data", TrainCommandTest.XO, "--normalize", "standardize", "--epochs", "1",
                "--batch", "4", "--val-split", "0", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        // mean and population std of every pixel of every sample image, in [0,1], computed here
        double sum = 0;
        double sumSq = 0;
        long n = 0;
        try (Stream<Path> files = Files.walk(Path.of(TrainCommandTest.XO))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".png")).toList()) {
                BufferedImage img = ImageIO.read(f.toFile());
                for (int y = 0; y < img.getHeight(); y++) {
                    for (int x = 0; x < img.getWidth(); x++) {
                        double v = (img.getRGB(x, y) & 0xff) / 255.0;
                        sum += v;
                        sumSq += v * v;
                        n++;
                    }
                }
            }
        }
        double mean = sum / n;
        double std = Math.sqrt(sumSq / n - mean * mean);
        Preprocessing p = ModelFiles.read(out).preprocessing();
        assertEquals("standardize", p.normalize());
        assertEquals("fit", p.resize());
        assertEquals(mean, p.mean()[0], 1e-6);
        assertEquals(std, p.std()[0], 1e-6);
    }

    @Test
    void trainingStoresTheFixedRulesToo(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("xo.json");
        assertEquals(0, run("train", "preset:xo", "--data", TrainCommandTest.XO, "--epochs", "1", "--batch", "4",
                "--val-split", "0", "--resize", "stretch", "--out", out.toString()).exit());
        NetworkSpec saved = ModelFiles.read(out);
        assertEquals(Preprocessing.of("ink", "stretch"), saved.preprocessing()); // auto on a 9x9 grey model is ink
    }

    @Test
    void evalUsesTheStoredStatisticsUnlessToldOtherwise(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("sign.json");
        Files.writeString(model, SIGN_MODEL);
        // grey 100 -> 0.392 -> (0.392 - 0.5)/0.25 = -0.43: dark; grey 160 -> 0.627 -> +0.51: light
        grey(dir.resolve("data/dark/a.png"), 100);
        grey(dir.resolve("data/dark/b.png"), 110);
        grey(dir.resolve("data/light/a.png"), 160);
        grey(dir.resolve("data/light/b.png"), 170);
        String data = dir.resolve("data").toString();
        Run stored = run("eval", model.toString(), "--data", data, "--json");
        assertEquals(0, stored.exit(), stored.err());
        assertEquals(1.0, stored.lastJson().get("accuracy").asDouble(), stored.out());
        // [0,1] without standardisation: every z is positive, so everything is "light"
        Run unit = run("eval", model.toString(), "--data", data, "--normalize", "unit", "--json");
        assertEquals(0.5, unit.lastJson().get("accuracy").asDouble(), unit.out());
        assertTrue(unit.err().contains("trained with --normalize standardize"), unit.err());
    }

    @Test
    void forwardPreparesAnImageAsTheModelSays(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("sign.json");
        Files.writeString(model, SIGN_MODEL);
        Path image = dir.resolve("g.png");
        grey(image, 64);
        Run r = run("forward", model.toString(), "--input", image.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        float z = (64 / 255f - 0.5f) / 0.25f;
        float[] logits = new float[2];
        var data = r.lastJson().get("layers").get(0).get("data");
        for (int i = 0; i < 2; i++) {
            logits[i] = data.get(i).floatValue();
        }
        assertArrayEquals(new float[] {-z, z}, logits, 1e-6f);
    }

    @Test
    void aBadPreprocessingBlockNamesTheField(@TempDir Path dir) throws IOException {
        List<String[]> cases = List.of(
                new String[] {"\"normalize\": \"standardize\"", "\"normalize\": \"zscore\"", "preprocessing.normalize"},
                new String[] {"\"std\": [0.25]", "\"std\": [0]", "std must be a positive number"},
                new String[] {"\"mean\": [0.5]", "\"mean\": [0.5, 0.5]", "one value per channel"},
                new String[] {"\"resize\": \"fit\"", "\"resize\": \"squash\"", "preprocessing.resize"});
        for (String[] c : cases) {
            Path model = dir.resolve("bad.json");
            Files.writeString(model, SIGN_MODEL.replace(c[0], c[1]));
            Run r = run("summary", model.toString());
            assertEquals(2, r.exit(), c[1]);
            assertTrue(r.err().contains(c[2]) && r.err().contains("bad.json"), r.err());
        }
    }
}
