package org.convlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.convlab.engine.Shape;
import org.junit.jupiter.api.Test;

/** The committed sample-images/shapes set is what its generator draws, and loads cleanly. */
class ShapesSampleTest {
    private static final Path SHAPES = Path.of("sample-images/shapes");

    @Test
    void everyCommittedImageHasTheGeneratorsPixels() throws IOException {
        for (int c = 0; c < ShapesGenerator.CLASSES.size(); c++) {
            String name = ShapesGenerator.CLASSES.get(c);
            try (Stream<Path> files = Files.list(SHAPES.resolve(name))) {
                assertEquals(ShapesGenerator.PER_CLASS, files.count(), name);
            }
            for (int i = 0; i < ShapesGenerator.PER_CLASS; i++) {
                Path file = SHAPES.resolve(name).resolve(String.format("%s_%03d.png", name, i));
                BufferedImage image = ImageIO.read(file.toFile());
                assertEquals(28, image.getWidth());
                assertEquals(28, image.getHeight());
                int[] expected = ShapesGenerator.draw(c, i);
                int[] actual = image.getRaster().getPixels(0, 0, 28, 28, (int[]) null);
                for (int p = 0; p < expected.length; p++) {
                    assertEquals(expected[p], actual[p], file + " pixel " + p);
                }
            }
        }
    }

    @Test
    void theSetLoadsWithFiveClassesAndNothingSkipped() {
        LoadedData data = DataSources.open(SHAPES.toString(), Shape.of(1, 28, 28), DataOptions.defaults());
        assertEquals(ShapesGenerator.CLASSES, data.train().classes());
        assertTrue(data.skipped().isEmpty(), data.skipped().toString());
        assertEquals(900, data.train().size());
        assertEquals(100, data.validation().size());
    }
}
