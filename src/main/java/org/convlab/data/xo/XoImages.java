package org.convlab.data.xo;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.convlab.UserFiles;
import org.convlab.UserInputException;

/**
 * Reads and writes the X/O lesson images: 9x9 PNGs, pure black and white.
 * The convention is the slides': black ink is +1, white background is -1. Anything else (another
 * size, a grey or coloured pixel, transparency) is refused, so a file always reads back exactly.
 */
public final class XoImages {
    public static final int SIZE = XoLesson.IMAGE_SIZE;
    private static final int BLACK = 0x000000;
    private static final int WHITE = 0xFFFFFF;

    private XoImages() {}

    /** The image at {@code file} as int[row][column] of +1 (black) and -1 (white). */
    public static int[][] readGrid(Path file) {
        BufferedImage img = read(file);
        if (img.getWidth() != SIZE || img.getHeight() != SIZE) {
            throw new UserInputException(file + ": is " + img.getWidth() + "x" + img.getHeight()
                    + " pixels; an X/O image must be " + SIZE + "x" + SIZE);
        }
        int[][] g = new int[SIZE][SIZE];
        for (int r = 0; r < SIZE; r++) {
            for (int c = 0; c < SIZE; c++) {
                int argb = img.getRGB(c, r);
                int rgb = argb & 0xFFFFFF;
                if ((argb >>> 24) != 0xFF) {
                    throw new UserInputException(file + ": pixel at row " + r + ", column " + c
                            + " is transparent; X/O images must be opaque black or white");
                }
                if (rgb == BLACK) {
                    g[r][c] = 1;
                } else if (rgb == WHITE) {
                    g[r][c] = -1;
                } else {
                    throw new UserInputException(String.format(
                            "%s: pixel at row %d, column %d is #%06X; X/O images must be pure black (+1) or white (-1)",
                            file, r, c, rgb));
                }
            }
        }
        return g;
    }

    /**
     * Decodes a regular file whose header says 9x9; any other size is refused from the header,
     * before a pixel is decoded (a PNG header may claim 100000x100000 in a few bytes).
     */
    private static BufferedImage read(Path file) {
        UserFiles.requireReadableFile(file, "PNG file");
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new UserInputException(file + ": not an image ConvLab can read (use PNG)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w != SIZE || h != SIZE) {
                    throw new UserInputException(file + ": is " + w + "x" + h + " pixels; an X/O image must be " + SIZE + "x" + SIZE);
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot be read as an image (" + UserFiles.reason(e) + ")", e);
        }
    }

    /** Writes a 9x9 grid of +1/-1 as a 1-bit black/white PNG (black = +1). */
    public static void writeGrid(Path file, int[][] grid) throws IOException {
        if (grid.length != SIZE) {
            throw new IllegalArgumentException("grid must be " + SIZE + "x" + SIZE);
        }
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_BINARY);
        for (int r = 0; r < SIZE; r++) {
            if (grid[r].length != SIZE) {
                throw new IllegalArgumentException("grid must be " + SIZE + "x" + SIZE);
            }
            for (int c = 0; c < SIZE; c++) {
                if (grid[r][c] != 1 && grid[r][c] != -1) {
                    throw new IllegalArgumentException("pixel values must be +1 or -1");
                }
                img.setRGB(c, r, grid[r][c] > 0 ? BLACK : WHITE);
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}
