package org.convlab.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.convlab.cli.ConvLabCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code render MODEL --view image-filter}: a good call writes a PNG of the asked width with the
 * hovered window outlined; every bad setting exits 2 with one line naming it, and writes nothing.
 */
class RenderImageFilterTest {
    private static final String CAMERA = "sample-images/photos/camera.png";
    private static final String COFFEE = "sample-images/photos/coffee.png";

    @TempDir
    Path dir;

    private record Run(int code, String err) {}

    private static Run render(String... args) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 1];
            all[0] = "render";
            System.arraycopy(args, 0, all, 1, args.length);
            return new Run(ConvLabCommand.run(all), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
        }
    }

    @Test
    void drawsTheLabWithTheWindowOutlined() throws Exception {
        Path out = dir.resolve("sobel.png");
        Run r = render("preset:xo", "--view", "image-filter", "--input", COFFEE, "--kernel", "Sobel y", "--flip",
                "--padding", "1", "--channels", "summed", "--display", "signed", "--width", "800", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(800, img.getWidth());
        int outline = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                outline += (img.getRGB(x, y) & 0xffffff) == 0xff2d2d ? 1 : 0;
            }
        }
        assertTrue(outline > 4, "the hovered window's outline is drawn: " + outline + " pixels");
    }

    @Test
    void badSettingsExit2WithOneLine() throws Exception {
        Path tiny = dir.resolve("tiny.png");
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY), "png", tiny.toFile());
        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
        Path out = dir.resolve("never.png");
        String[][] cases = {
            {CAMERA, "--kernel", "1 2; 3 4"},                 // even: no centre
            {CAMERA, "--kernel", "blurry"},                   // not a classic
            {CAMERA, "--kernel", "1 x 1; 1 1 1; 1 1 1"},      // not a number
            {CAMERA, "--channels", "both"},
            {CAMERA, "--display", "bright"},
            {CAMERA, "--stride", "0"},
            {CAMERA, "--padding", "-1"},
            {tiny.toString(), "--kernel", "Gaussian blur 5x5"}, // larger than the 4x4 photo
            {text.toString()},
            {dir.resolve("missing.png").toString()},
        };
        String[] expect = {"no centre pixel", "is not one of", "not a number", "--channels", "--display", "--stride",
            "--padding", "larger than", "notes.png", "missing.png"};
        for (int i = 0; i < cases.length; i++) {
            List<String> args = new java.util.ArrayList<>(List.of("preset:xo", "--view", "image-filter", "--input",
                    cases[i][0], "--out", out.toString()));
            args.addAll(List.of(cases[i]).subList(1, cases[i].length));
            Run r = render(args.toArray(String[]::new));
            List<String> lines = r.err().strip().lines().toList();
            assertEquals(2, r.code(), args + "\n" + r.err());
            assertEquals(1, lines.size(), r.err());
            assertTrue(lines.get(0).startsWith("error: ") && lines.get(0).contains(expect[i]), lines.get(0));
        }
        Run other = render("preset:xo", "--view", "conv", "--input", CAMERA, "--kernel", "Sobel x", "--out", out.toString());
        assertEquals(2, other.code(), other.err());
        assertTrue(other.err().contains("image-filter"), other.err());
        assertFalse(Files.exists(out));
    }
}
