package org.convlab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.convlab.cli.ConvLabCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The render command: bad arguments exit 2 with a message naming them, before any drawing; a good
 * one writes a PNG of the asked width that shows the output map's colours.
 */
class RenderCommandTest {
    @TempDir
    Path dir;

    /** The canonical X (the slides' picture) as a JSON tensor. */
    private Path xInput() throws Exception {
        String[] rows = {
            "-1,-1,-1,-1,-1,-1,-1,-1,-1", "-1,1,-1,-1,-1,-1,-1,1,-1", "-1,-1,1,-1,-1,-1,1,-1,-1",
            "-1,-1,-1,1,-1,1,-1,-1,-1", "-1,-1,-1,-1,1,-1,-1,-1,-1", "-1,-1,-1,1,-1,1,-1,-1,-1",
            "-1,-1,1,-1,-1,-1,1,-1,-1", "-1,1,-1,-1,-1,-1,-1,1,-1", "-1,-1,-1,-1,-1,-1,-1,-1,-1"};
        Path p = dir.resolve("x.json");
        Files.writeString(p, "{\"shape\": [1, 9, 9], \"data\": [" + String.join(",", rows) + "]}");
        return p;
    }

    private record Run(int code, String err) {}

    private Run render(String... args) {
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

    /** How many pixels of the image have exactly this colour. */
    private static int pixels(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += (img.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void stepPastTheEndExitsTwo() throws Exception {
        Run r = render("preset:xo", "--input", xInput().toString(), "--view", "conv", "--step", "49",
                "--out", dir.resolve("a.png").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--step 49 is past the end"), r.err());
        assertTrue(r.err().contains("49 steps (0..48)"), r.err());
    }

    @Test
    void layerOfTheWrongTypeExitsTwo() throws Exception {
        Run r = render("preset:xo", "--input", xInput().toString(), "--view", "pool", "--layer", "0",
                "--out", dir.resolve("a.png").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("layer 0 (conv1) is a conv layer, not a pooling layer"), r.err());
        Run view = render("preset:xo", "--input", xInput().toString(), "--view", "softmax",
                "--out", dir.resolve("a.png").toString());
        assertEquals(2, view.code());
        assertTrue(view.err().contains("--view 'softmax' is not a view"), view.err());
        Run filter = render("preset:xo", "--input", xInput().toString(), "--view", "conv", "--channel", "3",
                "--out", dir.resolve("a.png").toString());
        assertEquals(2, filter.code());
        assertTrue(filter.err().contains("has 3 filters (0..2), not 3"), filter.err());
        assertTrue(!Files.exists(dir.resolve("a.png")));
    }

    @Test
    void convViewIsDrawnHeadless() throws Exception {
        Path out = dir.resolve("conv.png");
        Run r = render("preset:xo", "--input", xInput().toString(), "--view", "conv", "--step", "24",
                "--out", out.toString(), "--width", "900");
        assertEquals(0, r.code(), r.err());
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(900, img.getWidth());
        assertTrue(img.getHeight() > 300, "height " + img.getHeight());
        // at step 24 the output cells (1,1) and (2,2) hold 9/9: the colour map's strongest orange must show
        int orange = pixels(img, 0xe66101);
        int ink = pixels(img, 0x1b1b1b);
        assertTrue(orange > 200, "strong orange pixels: " + orange);
        assertTrue(ink > 2000, "ink pixels of the X: " + ink);
    }

    @Test
    void filtersViewIsDrawnHeadlessAndRefusesANonConvLayer() throws Exception {
        Path out = dir.resolve("filters.png");
        Run r = render("preset:xo", "--input", xInput().toString(), "--view", "filters", "--filter", "1",
                "--out", out.toString(), "--width", "800");
        assertEquals(0, r.code(), r.err());
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(800, img.getWidth());
        // the slides' features are +1/-1: their tiles show the colour map's two strongest ends
        int orange = pixels(img, 0xe66101);
        int purple = pixels(img, 0x5e3c99);
        assertTrue(orange > 500 && purple > 500, "orange " + orange + ", purple " + purple);

        Run relu = render("preset:xo", "--input", xInput().toString(), "--view", "filters", "--layer", "1",
                "--out", dir.resolve("b.png").toString());
        assertEquals(2, relu.code());
        assertTrue(relu.err().contains("layer 1 (relu1) is a relu layer, not a conv layer"), relu.err());
        Run channel = render("preset:xo", "--input", xInput().toString(), "--view", "filters", "--channel", "1",
                "--out", dir.resolve("b.png").toString());
        assertEquals(2, channel.code());
        assertTrue(channel.err().contains("--channel 1: layer 0 has 1 channels"), channel.err());
        assertTrue(!Files.exists(dir.resolve("b.png")));
    }

    @Test
    void mapsToCsvNeedNoDrawing() throws Exception {
        Path out = dir.resolve("maps.csv");
        Run r = render("preset:xo", "--input", xInput().toString(), "--view", "maps", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String csv = Files.readString(out);
        // the slides' top-left value of the diagonal map: 7/9
        assertTrue(csv.contains("# layer 0 conv1 (conv), channel 0 of 3, shape 7x7\n" + 7 / 9f + ","), csv);
        Run conv = render("preset:xo", "--input", xInput().toString(), "--view", "conv", "--out",
                dir.resolve("c.csv").toString());
        assertEquals(2, conv.code());
        assertTrue(conv.err().contains("use it with --view maps"), conv.err());
    }
}
