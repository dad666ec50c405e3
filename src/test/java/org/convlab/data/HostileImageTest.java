package org.convlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Images that are not what they claim (issue 13): a JPEG or PNG cut short is skipped with a
 * reason in a training folder and refused as a single input (Java's JPEG reader would paint the
 * missing half grey and carry on); absurd sizes are refused from the header; pipes and empty
 * folders are named.
 */
class HostileImageTest {
    private static final Shape GREY8 = Shape.of(1, 8, 8);
    private static final DataOptions NO_SPLIT = DataOptions.defaults().withValidationSplit(0);

    @TempDir
    Path root;

    private static Map<String, String> reasons(LoadedData data) {
        return data.skipped().stream().collect(Collectors.toMap(s -> Path.of(s.file()).getFileName().toString(),
                SkippedFile::reason));
    }

    /** Two good classes, so a folder loads whatever else is in it. */
    private void twoGoodClasses() throws IOException {
        TestFiles.uniformPng(root.resolve("a/good1.png"), 8, 255);
        TestFiles.uniformPng(root.resolve("b/good2.png"), 8, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpg", "png"})
    void anImageCutInHalfIsSkippedWithAReasonInATrainingFolder(String ext) throws IOException {
        twoGoodClasses();
        Path whole = TestFiles.noisyImage(root.resolve("a/whole." + ext));
        Path half = TestFiles.noisyImage(root.resolve("a/half." + ext));
        TestFiles.cut(half, Files.size(half) / 2);
        LoadedData data = DataSources.open(root.toString(), GREY8, NO_SPLIT);
        assertEquals(3, data.train().size(), data.skipped().toString()); // good1, good2 and the whole one
        assertEquals(List.of(half.toString()), data.skipped().stream().map(SkippedFile::file).toList());
        String why = reasons(data).get("half." + ext);
        assertTrue(why.contains("cut short"), why);
        assertTrue(Files.size(whole) > 2 * Files.size(half) - 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpg", "png"})
    void anImageCutInHalfIsRefusedAsASingleInput(String ext) throws IOException {
        Path half = TestFiles.noisyImage(root.resolve("half." + ext));
        TestFiles.cut(half, Files.size(half) / 2);
        UserInputException e = assertThrows(UserInputException.class, () -> ImageFiles.read(half, GREY8, ResizeMode.FIT_PAD));
        assertTrue(e.getMessage().startsWith("half." + ext + ": ") && e.getMessage().contains("cut short"), e.getMessage());
    }

    @Test
    void aJpegMissingOnlyItsLastBytesIsStillCutShort() throws IOException {
        Path jpg = TestFiles.noisyImage(root.resolve("end.jpg"));
        TestFiles.cut(jpg, Files.size(jpg) - 2); // the EOI marker
        UserInputException e = assertThrows(UserInputException.class, () -> ImageFiles.read(jpg, GREY8, ResizeMode.FIT_PAD));
        assertTrue(e.getMessage().contains("cut short"), e.getMessage());
    }

    @Test
    void aPngWithoutItsEndChunkIsCutShortThoughItsPixelsDecode() throws IOException {
        Path png = TestFiles.noisyImage(root.resolve("end.png"));
        TestFiles.cut(png, Files.size(png) - 12); // the IEND chunk: the image data is all there
        UserInputException e = assertThrows(UserInputException.class, () -> ImageFiles.read(png, GREY8, ResizeMode.FIT_PAD));
        assertEquals("end.png: the PNG is cut short: it has no IEND end chunk, so the file is truncated"
                + " (copy or download it again)", e.getMessage());
    }

    @Test
    void wholeImagesStillRead() throws IOException {
        for (String ext : List.of("jpg", "png", "bmp", "gif")) {
            Path file = TestFiles.noisyImage(root.resolve("whole." + ext));
            ImageFiles.Image image = ImageFiles.read(file, GREY8, ResizeMode.FIT_PAD);
            assertEquals(300, image.width(), ext);
            assertEquals(200, image.height(), ext);
        }
    }

    @Test
    void aHundredThousandSquarePngHeaderInASmallFileIsRefusedBeforeDecoding() throws IOException {
        Path png = TestFiles.pngHeaderOnly(root.resolve("huge.png"), 100_000, 100_000);
        assertTrue(Files.size(png) < 200);
        UserInputException e = assertThrows(UserInputException.class, () -> ImageFiles.read(png, GREY8, ResizeMode.FIT_PAD));
        assertEquals("huge.png: image is 100000x100000 pixels, larger than the 100 megapixels ConvLab accepts", e.getMessage());
    }

    @Test
    void aZeroByZeroPngIsRefused() throws IOException {
        Path png = TestFiles.pngHeaderOnly(root.resolve("empty.png"), 0, 0);
        UserInputException e = assertThrows(UserInputException.class, () -> ImageFiles.read(png, GREY8, ResizeMode.FIT_PAD));
        assertTrue(e.getMessage().startsWith("empty.png: "), e.getMessage());
    }

    @Test
    void aNamedPipeInAClassFolderIsSkippedWithItsReasonNotWaitedOn() throws IOException, InterruptedException {
        twoGoodClasses();
        Path pipe = TestFiles.fifo(root.resolve("a/pipe.png"));
        LoadedData data = DataSources.open(root.toString(), GREY8, NO_SPLIT);
        assertEquals(2, data.train().size());
        assertEquals(pipe + ": is not a regular file (a named pipe, socket or device), expected a PNG, JPEG, BMP or GIF file",
                data.skipped().get(0).toString());
    }

    @Test
    void aLinkToADeviceInAClassFolderIsSkippedWithItsReason() throws IOException {
        twoGoodClasses();
        Path link = root.resolve("b/zero.png");
        try {
            Files.createSymbolicLink(link, Path.of("/dev/zero"));
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links or /dev/zero here");
        }
        LoadedData data = DataSources.open(root.toString(), GREY8, NO_SPLIT);
        assertEquals(2, data.train().size());
        assertTrue(reasons(data).get("zero.png").startsWith("is not a regular file"), data.skipped().toString());
    }

    @Test
    void aLinkThatLeadsBackUpIsNamed() throws IOException {
        twoGoodClasses();
        try {
            Files.createSymbolicLink(root.resolve("a/up"), Path.of(".."));
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here");
        }
        UserInputException e = assertThrows(UserInputException.class, () -> DataSources.open(root.toString(), GREY8, NO_SPLIT));
        assertTrue(e.getMessage().startsWith(root.resolve("a") + ": a loop of symbolic links (" + root.resolve("a/up")),
                e.getMessage());
    }

    @Test
    void aFolderWithoutClassFoldersSaysHowToLayItOut() throws IOException {
        TestFiles.uniformPng(root.resolve("loose.png"), 8, 255);
        UserInputException e = assertThrows(UserInputException.class, () -> DataSources.open(root.toString(), GREY8, NO_SPLIT));
        assertTrue(e.getMessage().startsWith(root + " has no class folders: put the images of each class in a sub-folder"),
                e.getMessage());
    }

    @Test
    void aFolderOfEmptyClassFoldersSaysTheyAreEmpty() throws IOException {
        Files.createDirectories(root.resolve("cat"));
        Files.createDirectories(root.resolve("dog/inner"));
        UserInputException e = assertThrows(UserInputException.class, () -> DataSources.open(root.toString(), GREY8, NO_SPLIT));
        assertEquals(root + " holds no images: its class folders cat, dog are empty (or hold only folders and hidden files)",
                e.getMessage());
    }

    @Test
    void oneClassLeftAfterAnEmptyFolderSaysWhatWasLeftOut() throws IOException {
        TestFiles.uniformPng(root.resolve("cat/1.png"), 8, 255);
        Files.createDirectories(root.resolve("dog"));
        UserInputException e = assertThrows(UserInputException.class, () -> DataSources.open(root.toString(), GREY8, NO_SPLIT));
        assertEquals(root + " has only one class (cat): a classifier needs examples of at least 2 classes (skipped 1 entry, e.g. "
                + root.resolve("dog") + ": class folder is empty: class 'dog' left out)", e.getMessage());
    }
}
