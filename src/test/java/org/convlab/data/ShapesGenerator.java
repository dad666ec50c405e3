package org.convlab.data;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Draws the classroom shapes set of {@code sample-images/shapes}: 28x28 grey PNGs, bright
 * strokes on black like MNIST, in five classes (circle, cross, square, star, triangle), each
 * with a random size, position, rotation, stroke width, brightness and, one time in three,
 * filled. Pixels are computed by plain arithmetic (4x4 supersampled coverage of the shape's
 * outline or area, StrictMath for the angles), not Java2D, so every JDK draws the same pixels. Run:
 * {@code ./mvnw -q test-compile && java -cp target/test-classes org.convlab.data.ShapesGenerator sample-images/shapes}
 */
public final class ShapesGenerator {
    public static final List<String> CLASSES = List.of("circle", "cross", "square", "star", "triangle");
    public static final int PER_CLASS = 200;
    public static final int SIZE = 28;
    public static final long SEED = 2026;
    private static final int SUPERSAMPLE = 4;

    private ShapesGenerator() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "sample-images/shapes");
        write(out);
        System.out.println("wrote " + CLASSES.size() * PER_CLASS + " images to " + out);
    }

    /** Writes every image to {@code out/CLASS/CLASS_NNN.png}. */
    public static void write(Path out) throws IOException {
        for (int c = 0; c < CLASSES.size(); c++) {
            String name = CLASSES.get(c);
            Path dir = Files.createDirectories(out.resolve(name));
            for (int i = 0; i < PER_CLASS; i++) {
                int[] pixels = draw(c, i);
                BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
                WritableRaster raster = image.getRaster();
                raster.setPixels(0, 0, SIZE, SIZE, pixels);
                ImageIO.write(image, "png", dir.resolve(String.format("%s_%03d.png", name, i)).toFile());
            }
        }
    }

    /** The 28x28 grey values (0..255, row major) of image {@code index} of class {@code cls}. */
    public static int[] draw(int cls, int index) {
        SplittableRandom random = new SplittableRandom(SEED * 1_000_003L + cls * 10_007L + index);
        double radius = 7 + random.nextDouble() * 5.5;            // 7 .. 12.5 pixels
        double margin = radius + 1;
        double cx = margin + random.nextDouble() * (SIZE - 2 * margin);
        double cy = margin + random.nextDouble() * (SIZE - 2 * margin);
        double angle = random.nextDouble() * 2 * Math.PI;
        double stroke = 1.2 + random.nextDouble() * 1.8;           // 1.2 .. 3 pixels
        boolean filled = random.nextInt(3) == 0;
        double ink = 0.65 + random.nextDouble() * 0.35;
        double[][] polygon = polygon(CLASSES.get(cls), cx, cy, radius, angle, random);
        int[] pixels = new int[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int hits = 0;
                for (int sy = 0; sy < SUPERSAMPLE; sy++) {
                    for (int sx = 0; sx < SUPERSAMPLE; sx++) {
                        double px = x + (sx + 0.5) / SUPERSAMPLE;
                        double py = y + (sy + 0.5) / SUPERSAMPLE;
                        if (covers(polygon, cx, cy, radius, px, py, stroke, filled)) {
                            hits++;
                        }
                    }
                }
                pixels[y * SIZE + x] = (int) Math.round(255 * ink * hits / (SUPERSAMPLE * SUPERSAMPLE));
            }
        }
        return pixels;
    }

    /** Whether point (px, py) is ink: within stroke/2 of the outline, or inside when filled. */
    private static boolean covers(double[][] polygon, double cx, double cy, double r, double px, double py,
                                  double stroke, boolean filled) {
        double half = stroke / 2;
        if (polygon == null) {
            double d = Math.sqrt((px - cx) * (px - cx) + (py - cy) * (py - cy));
            return Math.abs(d - r) <= half || (filled && d <= r);
        }
        double best = Double.MAX_VALUE;
        boolean inside = false;
        int n = polygon.length;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double[] a = polygon[j];
            double[] b = polygon[i];
            best = Math.min(best, segmentDistanceSquared(px, py, a[0], a[1], b[0], b[1]));
            if ((b[1] > py) != (a[1] > py) && px < (a[0] - b[0]) * (py - b[1]) / (a[1] - b[1]) + b[0]) {
                inside = !inside;
            }
        }
        return best <= half * half || (filled && inside);
    }

    private static double segmentDistanceSquared(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy);
        t = Math.max(0, Math.min(1, t));
        double ex = px - (ax + t * dx);
        double ey = py - (ay + t * dy);
        return ex * ex + ey * ey;
    }

    /** The outline's corners (null for the circle), rotated by {@code angle} about the centre. */
    private static double[][] polygon(String shape, double cx, double cy, double r, double angle, SplittableRandom random) {
        double[][] unit;
        switch (shape) {
            case "circle":
                return null;
            case "square":
                unit = regular(4, 1);
                break;
            case "triangle":
                unit = regular(3, 1);
                break;
            case "star": {
                double inner = 0.38 + random.nextDouble() * 0.12;
                unit = new double[10][];
                for (int k = 0; k < 10; k++) {
                    double a = Math.PI * k / 5;
                    double rr = k % 2 == 0 ? 1 : inner;
                    unit[k] = new double[] {rr * StrictMath.cos(a), rr * StrictMath.sin(a)};
                }
                break;
            }
            case "cross": {
                double t = 0.22 + random.nextDouble() * 0.12;   // half the arm width
                double[][] q = {{t, t}, {1, t}, {1, -t}, {t, -t}, {t, -1}, {-t, -1}, {-t, -t}, {-1, -t}, {-1, t}, {-t, t}, {-t, 1}, {t, 1}};
                unit = q;
                break;
            }
            default:
                throw new IllegalArgumentException(shape);
        }
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        double[][] out = new double[unit.length][];
        for (int k = 0; k < unit.length; k++) {
            double x = unit[k][0] * r;
            double y = unit[k][1] * r;
            out[k] = new double[] {cx + cos * x - sin * y, cy + sin * x + cos * y};
        }
        return out;
    }

    private static double[][] regular(int sides, double r) {
        double[][] p = new double[sides][];
        for (int k = 0; k < sides; k++) {
            double a = 2 * Math.PI * k / sides;
            p[k] = new double[] {r * StrictMath.cos(a), r * StrictMath.sin(a)};
        }
        return p;
    }
}
