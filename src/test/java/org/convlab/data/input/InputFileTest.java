package org.convlab.data.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFileTest {
    @TempDir
    Path dir;

    private final List<String> notes = new ArrayList<>();

    @Test
    void blackAndWhitePngReadsBackAsInkPlusMinusOne() throws IOException {
        // a 3x2 image: black at (0,0) and (2,1), white elsewhere
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                img.setRGB(x, y, 0xffffff);
            }
        }
        img.setRGB(0, 0, 0);
        img.setRGB(2, 1, 0);
        Path png = dir.resolve("x.png");
        ImageIO.write(img, "png", png.toFile());

        float[] ink = InputFile.read(png, Shape.of(1, 2, 3), PixelScale.INK, notes::add);
        assertArrayEquals(new float[] {1, -1, -1, -1, -1, 1}, ink);
        float[] unit = InputFile.read(png, Shape.of(1, 2, 3), PixelScale.UNIT, notes::add);
        assertArrayEquals(new float[] {0, 1, 1, 1, 1, 0}, unit);
        float[] rgb = InputFile.read(png, Shape.of(3, 2, 3), PixelScale.SIGNED, notes::add);
        assertArrayEquals(new float[] {-1, 1, 1, 1, 1, -1, -1, 1, 1, 1, 1, -1, -1, 1, 1, 1, 1, -1}, rgb);
        assertTrue(notes.isEmpty(), "no resize note when sizes match");
    }

    @Test
    void colourImageToGreyUsesLuminanceAndResizesWithANote() throws IOException {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                img.setRGB(x, y, 0xff0000); // pure red: luminance 0.299
            }
        }
        Path png = dir.resolve("red.png");
        ImageIO.write(img, "png", png.toFile());
        float[] v = InputFile.read(png, Shape.of(1, 2, 2), PixelScale.UNIT, notes::add);
        for (float f : v) {
            assertEquals(0.299f, f, 1e-7);
        }
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).contains("red.png is 4x4 pixels; resized to 2x2"), notes.get(0));
    }

    @Test
    void greyPngSamplesAreReadAsStoredAsInTraining() throws IOException {
        // a grey PNG of 64: Java's getRGB would hand back 137 (it treats grey as linear light)
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 4; i++) {
            img.getRaster().setSample(i % 2, i / 2, 0, 64);
        }
        Path png = dir.resolve("grey.png");
        ImageIO.write(img, "png", png.toFile());
        for (float f : InputFile.read(png, Shape.of(1, 2, 2), PixelScale.UNIT, notes::add)) {
            assertEquals(64f / 255f, f, 1e-7);
        }
    }

    @Test
    void aWideImageIsFittedAndPaddedLikeTrainingImagesUnlessStretched() throws IOException {
        // 4x2: left half black, right half white
        BufferedImage img = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2; y++) {
            img.setRGB(2, y, 0xffffff);
            img.setRGB(3, y, 0xffffff);
        }
        Path png = dir.resolve("wide.png");
        ImageIO.write(img, "png", png.toFile());
        // stretched to 2x2: each output column averages two source columns
        float[] stretched = InputFile.read(png, Shape.of(1, 2, 2), PixelScale.UNIT,
                org.convlab.data.ResizeMode.STRETCH, notes::add);
        assertArrayEquals(new float[] {0, 1, 0, 1}, stretched);
        // fitted: scale 1/2 keeps the aspect, a 2x1 band on the top row (offset (2 - 1)/2 = 0), the
        // other row padded with the mean of the border pixels (all eight here: 0.5)
        float[] fitted = InputFile.read(png, Shape.of(1, 2, 2), PixelScale.UNIT, notes::add);
        assertArrayEquals(new float[] {0, 1, 0.5f, 0.5f}, fitted);
        assertTrue(notes.get(0).contains("stretched"), notes.get(0));
    }

    @Test
    void jsonTensorWithOrWithoutUnitSizes() throws IOException {
        Path json = dir.resolve("t.json");
        Files.writeString(json, "{\"shape\": [1, 2, 2], \"data\": [1, -2.5, 3e-1, 4]}");
        assertArrayEquals(new float[] {1, -2.5f, 0.3f, 4}, InputFile.read(json, Shape.of(1, 2, 2), PixelScale.UNIT, notes::add));
        Files.writeString(json, "{\"shape\": [2, 2], \"data\": [1, 2, 3, 4]}");
        assertArrayEquals(new float[] {1, 2, 3, 4}, InputFile.read(json, Shape.of(1, 2, 2), PixelScale.UNIT, notes::add));
    }

    @Test
    void jsonShapeMismatchNamesFileAndBothShapes() throws IOException {
        Path json = dir.resolve("wrong.json");
        Files.writeString(json, "{\"shape\": [1, 28, 28], \"data\": []}");
        UserInputException e = assertThrows(UserInputException.class,
                () -> InputFile.read(json, Shape.of(1, 9, 9), PixelScale.UNIT, notes::add));
        assertEquals("wrong.json holds a tensor of shape [1, 28, 28] but the model's input is [1, 9, 9] (channels, height, width)",
                e.getMessage());
    }

    @Test
    void jsonWithTooFewValuesOrNotJson() throws IOException {
        Path json = dir.resolve("short.json");
        Files.writeString(json, "{\"shape\": [1, 2, 2], \"data\": [1, 2, 3]}");
        UserInputException e = assertThrows(UserInputException.class,
                () -> InputFile.read(json, Shape.of(1, 2, 2), PixelScale.UNIT, notes::add));
        assertTrue(e.getMessage().contains("needs 4 values but 'data' has 3"), e.getMessage());
        Files.writeString(json, "not json");
        e = assertThrows(UserInputException.class, () -> InputFile.read(json, Shape.of(1, 2, 2), PixelScale.UNIT, notes::add));
        assertTrue(e.getMessage().startsWith("short.json is not valid JSON"), e.getMessage());
    }

    @Test
    void npyFloat32ReadsAndOtherDtypesAreRefused() throws IOException {
        Path npy = dir.resolve("a.npy");
        Files.write(npy, npy("<f4", "(1, 2, 3)", floats(0.5f, -1f, 2f, 3f, 4f, 5.25f)));
        assertArrayEquals(new float[] {0.5f, -1f, 2f, 3f, 4f, 5.25f},
                InputFile.read(npy, Shape.of(1, 2, 3), PixelScale.UNIT, notes::add));

        Path f64 = dir.resolve("b.npy");
        Files.write(f64, npy("<f8", "(6,)", new byte[48]));
        UserInputException e = assertThrows(UserInputException.class,
                () -> InputFile.read(f64, Shape.of(1, 2, 3), PixelScale.UNIT, notes::add));
        assertEquals("b.npy holds float64 values ('<f8'); ConvLab reads float32 .npy arrays ('<f4'): save it with arr.astype(np.float32)",
                e.getMessage());

        Path mismatch = dir.resolve("c.npy");
        Files.write(mismatch, npy("<f4", "(2, 3)", floats(1, 2, 3, 4, 5, 6)));
        e = assertThrows(UserInputException.class, () -> InputFile.read(mismatch, Shape.of(3, 2, 1), PixelScale.UNIT, notes::add));
        assertTrue(e.getMessage().startsWith("c.npy holds a tensor of shape [2, 3] but the model's input is [3, 2, 1]"), e.getMessage());
    }

    @Test
    void missingFileAndNonImage() throws IOException {
        UserInputException e = assertThrows(UserInputException.class,
                () -> InputFile.read(dir.resolve("nope.png"), Shape.of(1, 2, 2), PixelScale.UNIT, notes::add));
        assertTrue(e.getMessage().startsWith("input file not found"), e.getMessage());
        Path txt = dir.resolve("notes.txt");
        Files.writeString(txt, "hello");
        e = assertThrows(UserInputException.class, () -> InputFile.read(txt, Shape.of(1, 2, 2), PixelScale.UNIT, notes::add));
        assertTrue(e.getMessage().startsWith("notes.txt is not an image"), e.getMessage());
    }

    private static byte[] floats(float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    /** A version 1.0 .npy file as numpy.save writes it (header padded to a multiple of 64). */
    private static byte[] npy(String descr, String shape, byte[] data) throws IOException {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8);
        out.write(header.getBytes(StandardCharsets.ISO_8859_1));
        out.write(data);
        return out.toByteArray();
    }
}
