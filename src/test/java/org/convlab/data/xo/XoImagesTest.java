package org.convlab.data.xo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.convlab.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XoImagesTest {
    @TempDir
    Path dir;

    /** A 9x9 RGB image built pixel by pixel here, independent of XoImages.writeGrid. */
    private Path rgbImage(String name, int width, int height, int[][] rgb) throws Exception {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                img.setRGB(c, r, rgb == null ? 0xFFFFFF : rgb[r][c]);
            }
        }
        Path p = dir.resolve(name);
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    @Test
    void blackIsPlusOneAndWhiteIsMinusOne() throws Exception {
        int[][] rgb = new int[9][9];
        for (int[] row : rgb) {
            java.util.Arrays.fill(row, 0xFFFFFF);
        }
        rgb[0][0] = 0x000000;
        rgb[2][7] = 0x000000;
        int[][] g = XoImages.readGrid(rgbImage("a.png", 9, 9, rgb));
        assertEquals(1, g[0][0]);
        assertEquals(1, g[2][7]);
        assertEquals(-1, g[7][2]);
        assertEquals(-1, g[8][8]);
    }

    @Test
    void writeThenReadGivesTheSameGrid() throws Exception {
        int[][] x = XoLesson.load().xDeformed();
        Path p = dir.resolve("sub/x.png");
        XoImages.writeGrid(p, x);
        assertArrayEquals(x, XoImages.readGrid(p));
    }

    @Test
    void greyPixelIsRefusedNamingFileAndPixel() throws Exception {
        int[][] rgb = new int[9][9];
        for (int[] row : rgb) {
            java.util.Arrays.fill(row, 0xFFFFFF);
        }
        rgb[3][4] = 0x808080;
        Path p = rgbImage("grey.png", 9, 9, rgb);
        UserInputException e = assertThrows(UserInputException.class, () -> XoImages.readGrid(p));
        assertEquals(p + ": pixel at row 3, column 4 is #808080; X/O images must be pure black (+1) or white (-1)",
                e.getMessage());
    }

    @Test
    void wrongSizeIsRefused() throws Exception {
        Path p = rgbImage("big.png", 10, 9, null);
        UserInputException e = assertThrows(UserInputException.class, () -> XoImages.readGrid(p));
        assertEquals(p + ": is 10x9 pixels; an X/O image must be 9x9", e.getMessage());
    }

    @Test
    void notAnImageIsRefused() throws Exception {
        Path p = dir.resolve("notes.png");
        Files.writeString(p, "hello");
        UserInputException e = assertThrows(UserInputException.class, () -> XoImages.readGrid(p));
        assertEquals(p + ": not an image ConvLab can read (use PNG)", e.getMessage());
    }
}
