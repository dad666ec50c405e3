package org.convlab.ui.app;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the app icon (a 5x5 pixel X with a 3x3 filter window over it) with Java2D and writes it
 * to {@code assets/} and to the class path next to the stylesheet. Run from the repository root:
 * {@code java -cp target/classes org.convlab.ui.app.IconGenerator}. No JavaFX needed.
 */
public final class IconGenerator {
    private static final int[] SIZES = {32, 64, 256};
    private static final Color BACKGROUND = new Color(0x1F3A5F);
    private static final Color PAPER = new Color(0xF4F1E8);
    private static final Color INK = new Color(0x1B1B1B);
    private static final Color FILTER = new Color(0xF2A541);

    private IconGenerator() {}

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        Path assets = root.resolve("assets");
        Path resources = root.resolve("src/main/resources/org/convlab/ui");
        Files.createDirectories(assets);
        Files.createDirectories(resources);
        for (int size : SIZES) {
            BufferedImage icon = draw(size);
            for (Path dir : new Path[] {assets, resources}) {
                ImageIO.write(icon, "png", dir.resolve("icon-" + size + ".png").toFile());
            }
        }
        System.out.println("wrote icon-{32,64,256}.png to " + assets + " and " + resources);
    }

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        double s = size / 256.0;
        g.setColor(BACKGROUND);
        g.fill(new RoundRectangle2D.Double(0, 0, size, size, 56 * s, 56 * s));

        // A 5x5 grid of pixels with an X in ink, like the lesson's images.
        double cell = 36 * s;
        double gap = 4 * s;
        double origin = (size - (5 * cell + 4 * gap)) / 2;
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 5; c++) {
                boolean ink = r == c || r + c == 4;
                g.setColor(ink ? INK : PAPER);
                double x = origin + c * (cell + gap);
                double y = origin + r * (cell + gap);
                g.fill(new RoundRectangle2D.Double(x, y, cell, cell, 6 * s, 6 * s));
            }
        }
        // The filter window over the top-left 3x3 patch: what a convolution looks at.
        float stroke = (float) Math.max(2, 9 * s);
        g.setColor(FILTER);
        g.setStroke(new BasicStroke(stroke));
        double w = 3 * cell + 2 * gap + 2 * gap;
        g.draw(new RoundRectangle2D.Double(origin - gap, origin - gap, w, w, 10 * s, 10 * s));
        g.dispose();
        return img;
    }
}
