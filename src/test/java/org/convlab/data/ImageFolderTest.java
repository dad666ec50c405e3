package org.convlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image folders, including every kind of bad file the issue lists: each skipped with its reason, never a crash. */
class ImageFolderTest {
    private static final Shape GREY4 = Shape.of(1, 4, 4);
    private static final DataOptions NO_SPLIT = DataOptions.defaults().withValidationSplit(0);

    @TempDir
    Path root;

    private Map<String, String> reasons(LoadedData data) {
        return data.skipped().stream().collect(Collectors.toMap(s -> Path.of(s.file()).getFileName().toString(), SkippedFile::reason));
    }

    @Test
    void badFilesAreSkippedWithTheirReasonAndTheRestLoads() throws IOException {
        Path a = root.resolve("apple");
        Path b = root.resolve("banana");
        TestFiles.uniformPng(a.resolve("good1.png"), 4, 255);
        TestFiles.uniformPng(a.resolve("good2.png"), 8, 255);
        TestFiles.uniformPng(b.resolve("good3.png"), 4, 0);
        TestFiles.colourImage(b.resolve("good4.bmp"), 4, 4, 0xff000000);
        // corrupt: a PNG's first 40 bytes followed by garbage
        byte[] png = Files.readAllBytes(TestFiles.uniformPng(root.resolve("tmp/x.png"), 16, 77));
        byte[] corrupt = new byte[png.length];
        System.arraycopy(png, 0, corrupt, 0, 40);
        for (int i = 40; i < corrupt.length; i++) {
            corrupt[i] = (byte) (i * 31);
        }
        Files.write(a.resolve("corrupt.png"), corrupt);
        Files.write(a.resolve("zero.png"), new byte[0]);
        Files.writeString(a.resolve("notes.png"), "this is not an image\n", StandardCharsets.UTF_8);
        Files.writeString(b.resolve("readme.txt"), "hello", StandardCharsets.UTF_8);
        TestFiles.uniformPng(a.resolve("tiny.png"), 1, 255);
        TestFiles.hugeBlackPng(b.resolve("huge.png"), 20_000, 20_000);
        Files.createDirectories(root.resolve("cherry")); // empty class folder
        Files.delete(root.resolve("tmp/x.png"));
        Files.delete(root.resolve("tmp"));

        LoadedData data = DataSources.open(root.toString(), GREY4, NO_SPLIT);

        assertEquals(List.of("apple", "banana"), data.train().classes());
        assertEquals(4, data.train().size());
        assertEquals(List.of(2, 2), List.of(data.train().classCounts()[0], data.train().classCounts()[1]));
        Map<String, String> why = reasons(data);
        assertEquals(7, data.skipped().size(), data.skipped().toString());
        assertTrue(why.get("corrupt.png").contains("corrupt"), why.get("corrupt.png"));
        assertTrue(why.get("zero.png").contains("empty file"), why.get("zero.png"));
        assertTrue(why.get("notes.png").contains("not an image"), why.get("notes.png"));
        assertTrue(why.get("readme.txt").contains("not an image"), why.get("readme.txt"));
        assertTrue(why.get("tiny.png").contains("1x1"), why.get("tiny.png"));
        assertTrue(why.get("huge.png").contains("20000x20000"), why.get("huge.png"));
        assertTrue(why.get("cherry").contains("empty"), why.get("cherry"));
        assertTrue(data.summary().contains("skipped 7 files"), data.summary());
        List<String> report = data.skippedReport(3);
        assertEquals(List.of("skipped 7 files:", "  " + data.skipped().get(0), "  " + data.skipped().get(1),
                "  " + data.skipped().get(2), "  ... and 4 more"), report);
    }

    @Test
    void classesAreTheSortedFolderNamesAndPixelsAreScaledToUnit() throws IOException {
        TestFiles.uniformPng(root.resolve("b/one.png"), 4, 255);
        TestFiles.uniformPng(root.resolve("a/two.png"), 4, 51);
        TestFiles.uniformPng(root.resolve("C/three.png"), 4, 0);
        LoadedData data = DataSources.open(root.toString(), GREY4, NO_SPLIT);
        assertEquals(List.of("C", "a", "b"), data.train().classes()); // String order: upper case first
        float[] x = new float[16];
        for (int i = 0; i < 3; i++) {
            data.train().copySample(i, x, 0);
            float expected = switch (data.train().label(i)) {
                case 0 -> 0f;
                case 1 -> 51 / 255f;
                default -> 1f;
            };
            for (float v : x) {
                assertEquals(expected, v, 0f);
            }
        }
        assertTrue(data.skipped().isEmpty());
    }

    @Test
    void greyPngValuesAreReadAsStoredWithoutAGammaCurve() throws IOException {
        // getRGB on a grey image converts linear grey to sRGB (128 reads as 188): the loader must not
        TestFiles.uniformPng(root.resolve("a/g.png"), 4, 128);
        TestFiles.uniformPng(root.resolve("b/g.png"), 4, 64);
        LoadedData data = DataSources.open(root.toString(), GREY4, NO_SPLIT);
        float[] x = new float[16];
        data.train().copySample(0, x, 0);
        assertEquals(128 / 255f, x[5], 1e-7f);
    }

    @Test
    void colourBecomesGreyByLuminanceAndGreyBecomesRgbByCopying() throws IOException {
        TestFiles.colourImage(root.resolve("a/red.png"), 4, 4, 0xffff0000);
        TestFiles.uniformPng(root.resolve("b/grey.png"), 4, 102);
        LoadedData grey = DataSources.open(root.toString(), GREY4, NO_SPLIT);
        float[] x = new float[16];
        grey.train().copySample(0, x, 0);
        assertEquals(0.299 * 255 / 255, x[0], 1e-6); // pure red: 0.299 of full scale
        LoadedData rgb = DataSources.open(root.toString(), Shape.of(3, 4, 4), NO_SPLIT);
        float[] y = new float[48];
        rgb.train().copySample(0, y, 0);
        assertEquals(1f, y[0]);
        assertEquals(0f, y[16]);
        assertEquals(0f, y[32]);
        rgb.train().copySample(1, y, 0);
        for (float v : y) {
            assertEquals(102 / 255f, v, 1e-7f);
        }
    }

    @Test
    void transparentPixelsAreComposedOverWhite() throws IOException {
        TestFiles.colourImage(root.resolve("a/clear.png"), 4, 4, 0x00000000);
        TestFiles.uniformPng(root.resolve("b/g.png"), 4, 0);
        LoadedData data = DataSources.open(root.toString(), GREY4, NO_SPLIT);
        float[] x = new float[16];
        data.train().copySample(0, x, 0);
        assertEquals(1f, x[0], 1e-6f);
    }

    @Test
    void jpegAndGifAndLargeImagesAreReadAndResized() throws IOException {
        TestFiles.colourImage(root.resolve("a/photo.jpg"), 600, 400, 0xffffffff);
        TestFiles.colourImage(root.resolve("b/anim.gif"), 30, 30, 0xff000000);
        LoadedData data = DataSources.open(root.toString(), Shape.of(1, 28, 28), NO_SPLIT.withResize(ResizeMode.STRETCH));
        assertEquals(2, data.train().size());
        float[] x = new float[784];
        data.train().copySample(0, x, 0);
        for (float v : x) {
            assertEquals(1f, v, 0.02f); // JPEG may be off by a level or two
        }
        data.train().copySample(1, x, 0);
        for (float v : x) {
            assertEquals(0f, v, 0f);
        }
    }

    @Test
    void fitAndPadFillsWithTheImagesBorderColour() throws IOException {
        // a white 2x4 image (wide) into 4x4: rows 0 and 3 are padding in the border colour (white), not black
        TestFiles.greyPng(root.resolve("a/wide.png"), new int[][] {{255, 255, 255, 255}, {255, 0, 0, 255}});
        TestFiles.uniformPng(root.resolve("b/g.png"), 4, 0);
        LoadedData data = DataSources.open(root.toString(), GREY4, NO_SPLIT);
        float[] x = new float[16];
        data.train().copySample(0, x, 0);
        float border = 6 / 8f; // 6 of the 8 pixels on the image's edge are white (all are on the edge)
        float[] expected = {border, border, border, border, 1, 1, 1, 1, 1, 0, 0, 1, border, border, border, border};
        for (int i = 0; i < 16; i++) {
            assertEquals(expected[i], x[i], 1e-6f, "pixel " + i);
        }
    }

    @Test
    void aFolderWithOneClassIsRefused() throws IOException {
        TestFiles.uniformPng(root.resolve("only/a.png"), 4, 255);
        TestFiles.uniformPng(root.resolve("only/b.png"), 4, 0);
        UserInputException e = assertThrows(UserInputException.class, () -> DataSources.open(root.toString(), GREY4, NO_SPLIT));
        assertTrue(e.getMessage().contains("only one class (only)"), e.getMessage());
    }

    @Test
    void oneGoodClassAndOneClassOfOnlyBadFilesIsRefusedAsOneClass() throws IOException {
        TestFiles.uniformPng(root.resolve("good/a.png"), 4, 255);
        Files.createDirectories(root.resolve("bad"));
        Files.write(root.resolve("bad/x.png"), new byte[0]);
        UserInputException e = assertThrows(UserInputException.class, () -> DataSources.open(root.toString(), GREY4, NO_SPLIT));
        assertTrue(e.getMessage().contains("only one class"), e.getMessage());
    }

    @Test
    void aFolderWithNothingUsableIsRefusedNamingTheFolder() throws IOException {
        Files.write(Files.createDirectories(root.resolve("a")).resolve("x.png"), new byte[0]);
        Files.writeString(Files.createDirectories(root.resolve("b")).resolve("y.jpg"), "text");
        UserInputException e = assertThrows(UserInputException.class, () -> DataSources.open(root.toString(), GREY4, NO_SPLIT));
        assertTrue(e.getMessage().contains("no usable images in " + root), e.getMessage());
    }

    @Test
    void aMissingFolderIsRefusedNamingIt() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> DataSources.open(root.resolve("nope").toString(), GREY4, NO_SPLIT));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    @Test
    void aModelWithTwoInputChannelsCannotTakeImages() throws IOException {
        TestFiles.uniformPng(root.resolve("a/a.png"), 4, 255);
        TestFiles.uniformPng(root.resolve("b/b.png"), 4, 0);
        UserInputException e = assertThrows(UserInputException.class,
                () -> DataSources.open(root.toString(), Shape.of(2, 4, 4), NO_SPLIT));
        assertTrue(e.getMessage().contains("2 channels"), e.getMessage());
    }

    @Test
    void imagesOutsideClassFoldersAreSkippedAndHiddenFilesIgnored() throws IOException {
        TestFiles.uniformPng(root.resolve("a/a.png"), 4, 255);
        TestFiles.uniformPng(root.resolve("b/nested/b.png"), 4, 0);
        TestFiles.uniformPng(root.resolve("stray.png"), 4, 0);
        Files.writeString(root.resolve("README.md"), "about");
        Files.writeString(root.resolve("a/.DS_Store"), "junk");
        LoadedData data = DataSources.open(root.toString(), GREY4, NO_SPLIT);
        assertEquals(2, data.train().size());
        assertEquals(1, data.skipped().size(), data.skipped().toString());
        assertTrue(data.skipped().get(0).file().endsWith("stray.png"));
    }

    @Test
    void aTestFolderIsMatchedToTheTrainingClassesByName() throws IOException {
        TestFiles.uniformPng(root.resolve("train/cat/a.png"), 4, 255);
        TestFiles.uniformPng(root.resolve("train/dog/b.png"), 4, 0);
        TestFiles.uniformPng(root.resolve("test/dog/c.png"), 4, 0);
        TestFiles.uniformPng(root.resolve("test/emu/d.png"), 4, 0);
        LoadedData data = DataSources.open(root.resolve("train").toString(), GREY4,
                NO_SPLIT.withTestSource(root.resolve("test").toString()));
        assertEquals(1, data.test().size());
        assertEquals(1, data.test().label(0));
        assertEquals(List.of("cat", "dog"), data.test().classes());
        assertTrue(reasons(data).get("emu").contains("not one of the training classes"));
        assertNull(data.validation());
    }

    @Test
    void aClassFolderThatIsALinkIsFollowed() throws IOException {
        TestFiles.uniformPng(root.resolve("elsewhere/pics/a.png"), 4, 255);
        TestFiles.uniformPng(root.resolve("data/b/b.png"), 4, 0);
        Files.createSymbolicLink(root.resolve("data/a"), root.resolve("elsewhere/pics"));
        LoadedData data = DataSources.open(root.resolve("data").toString(), GREY4, NO_SPLIT);
        assertEquals(List.of("a", "b"), data.train().classes());
        assertEquals(2, data.train().size());
    }

    @Test
    void sixteenBitGreyIsScaledByItsOwnRange() throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                image.getRaster().setSample(x, y, 0, 40_000);
            }
        }
        Files.createDirectories(root.resolve("a"));
        javax.imageio.ImageIO.write(image, "png", root.resolve("a/deep.png").toFile());
        TestFiles.uniformPng(root.resolve("b/g.png"), 4, 0);
        LoadedData data = DataSources.open(root.toString(), GREY4, NO_SPLIT);
        float[] x = new float[16];
        data.train().copySample(0, x, 0);
        assertEquals(40_000 / 65_535f, x[7], 1e-6f);
    }
}
