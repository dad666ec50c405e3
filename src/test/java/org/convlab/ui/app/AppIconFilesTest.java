package org.convlab.ui.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The window icon the app loads from the class path is the one in assets/, at its stated size. */
class AppIconFilesTest {
    @Test
    void classPathIconsAreTheAssetsIcons() throws Exception {
        Path assets = Path.of(System.getProperty("convlab.repo", ".")).resolve("assets");
        for (String resource : ConvLabApp.ICONS) {
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            byte[] onClassPath;
            try (InputStream in = ConvLabApp.class.getResourceAsStream(resource)) {
                assertNotNull(in, resource);
                onClassPath = in.readAllBytes();
            }
            assertArrayEquals(Files.readAllBytes(assets.resolve(name)), onClassPath, name + " differs from assets/");
            BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(onClassPath));
            int size = Integer.parseInt(name.replaceAll("\\D", ""));
            assertEquals(size, img.getWidth(), name);
            assertEquals(size, img.getHeight(), name);
        }
    }
}
