package org.convlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** IDX files: gzipped and plain, header checks naming the file, the t10k test set. */
class IdxTest {
    private static final Shape IN = Shape.of(1, 2, 3);
    private static final DataOptions NO_SPLIT = DataOptions.defaults().withValidationSplit(0);

    @TempDir
    Path dir;

    /** n images of 2x3 whose pixels are (image * 10 + pixel) and labels image % 3. */
    private void write(String prefix, int n, boolean gzip) throws IOException {
        byte[] pixels = new byte[n * 6];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < 6; p++) {
                pixels[i * 6 + p] = (byte) (i * 10 + p);
            }
            labels[i] = i % 3;
        }
        String ext = gzip ? "-ubyte.gz" : "-ubyte";
        TestFiles.idxImages(dir.resolve(prefix + "-images-idx3" + ext), IdxSource.IMAGES_MAGIC, n, 2, 3, pixels, gzip);
        TestFiles.idxLabels(dir.resolve(prefix + "-labels-idx1" + ext), IdxSource.LABELS_MAGIC, labels, gzip);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsPixelsAsBytesOver255AndLabelsInOrder(boolean gzip) throws IOException {
        write("train", 12, gzip);
        write("t10k", 4, gzip);
        LoadedData data = DataSources.open("idx:" + dir, IN, NO_SPLIT);
        assertEquals(12, data.train().size());
        assertEquals(4, data.test().size());
        assertEquals(List.of("0", "1", "2"), data.train().classes());
        float[] x = new float[6];
        for (int i = 0; i < 12; i++) {
            data.train().copySample(i, x, 0);
            for (int p = 0; p < 6; p++) {
                assertEquals((i * 10 + p) / 255f, x[p], 0f);
            }
            assertEquals(i % 3, data.train().label(i));
        }
        data.test().copySample(3, x, 0);
        assertEquals(35 / 255f, x[5], 0f);
        assertTrue(data.skipped().isEmpty());
    }

    @Test
    void aGreyIdxImageFillsEveryChannelOfAnRgbModelAndIsResized() throws IOException {
        write("train", 3, false);
        LoadedData data = DataSources.open("idx:" + dir, Shape.of(3, 4, 6), NO_SPLIT.withResize(ResizeMode.STRETCH));
        float[] x = new float[72];
        data.train().copySample(0, x, 0);
        assertEquals(x[0], x[24], 0f);
        assertEquals(x[23], x[71], 0f);
        assertEquals(0f, x[0], 0f);        // corner pixel 0 stays 0
        assertEquals(5 / 255f, x[23], 1e-7f); // opposite corner keeps pixel 5
    }

    @Test
    void wrongMagicNumberIsRefusedNamingTheFile() throws IOException {
        TestFiles.idxImages(dir.resolve("train-images-idx3-ubyte"), 0x0000_0801, 1, 2, 3, new byte[6], false);
        TestFiles.idxLabels(dir.resolve("train-labels-idx1-ubyte"), IdxSource.LABELS_MAGIC, new int[] {0}, false);
        UserInputException e = assertThrows(UserInputException.class, () -> DataSources.open("idx:" + dir, IN, NO_SPLIT));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte"), e.getMessage());
        assertTrue(e.getMessage().contains("magic number 0x00000801"), e.getMessage());
    }

    @Test
    void wrongLabelMagicIsRefusedNamingTheLabelFile() throws IOException {
        TestFiles.idxImages(dir.resolve("train-images-idx3-ubyte"), IdxSource.IMAGES_MAGIC, 1, 2, 3, new byte[6], false);
        TestFiles.idxLabels(dir.resolve("train-labels-idx1-ubyte"), IdxSource.IMAGES_MAGIC, new int[] {0}, false);
        UserInputException e = assertThrows(UserInputException.class, () -> DataSources.open("idx:" + dir, IN, NO_SPLIT));
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte is not an IDX label file"), e.getMessage());
    }

    @Test
    void imageAndLabelCountsThatDifferAreRefusedNamingBothFiles() throws IOException {
        TestFiles.idxImages(dir.resolve("train-images-idx3-ubyte"), IdxSource.IMAGES_MAGIC, 2, 2, 3, new byte[12], false);
        TestFiles.idxLabels(dir.resolve("train-labels-idx1-ubyte"), IdxSource.LABELS_MAGIC, new int[] {0, 1, 1}, false);
        UserInputException e = assertThrows(UserInputException.class, () -> DataSources.open("idx:" + dir, IN, NO_SPLIT));
        assertTrue(e.getMessage().contains("holds 2 images but"), e.getMessage());
        assertTrue(e.getMessage().contains("holds 3 labels"), e.getMessage());
    }

    @Test
    void aTruncatedImageFileIsRefusedSayingWhereItEnds() throws IOException {
        TestFiles.idxImages(dir.resolve("train-images-idx3-ubyte.gz"), IdxSource.IMAGES_MAGIC, 3, 2, 3, new byte[14], true);
        TestFiles.idxLabels(dir.resolve("train-labels-idx1-ubyte.gz"), IdxSource.LABELS_MAGIC, new int[] {0, 1, 1}, true);
        UserInputException e = assertThrows(UserInputException.class, () -> DataSources.open("idx:" + dir, IN, NO_SPLIT));
        assertTrue(e.getMessage().contains("ends after 2 of its 3 images"), e.getMessage());
    }

    @Test
    void aFileTooShortForItsHeaderIsRefused() throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte"), new byte[] {0, 0, 8, 3, 0});
        TestFiles.idxLabels(dir.resolve("train-labels-idx1-ubyte"), IdxSource.LABELS_MAGIC, new int[] {0}, false);
        UserInputException e = assertThrows(UserInputException.class, () -> DataSources.open("idx:" + dir, IN, NO_SPLIT));
        assertTrue(e.getMessage().contains("too short to hold an IDX header"), e.getMessage());
    }

    @Test
    void aBrokenTestPairIsSkippedWithItsReasonAndTrainingStillLoads() throws IOException {
        write("train", 6, true);
        TestFiles.idxImages(dir.resolve("t10k-images-idx3-ubyte"), IdxSource.IMAGES_MAGIC, 2, 2, 3, new byte[12], false);
        TestFiles.idxLabels(dir.resolve("t10k-labels-idx1-ubyte"), IdxSource.LABELS_MAGIC, new int[] {0}, false);
        LoadedData data = DataSources.open("idx:" + dir, IN, NO_SPLIT);
        assertEquals(6, data.train().size());
        assertNull(data.test());
        assertEquals(1, data.skipped().size());
        assertTrue(data.skipped().get(0).reason().contains("test set left out"), data.skipped().get(0).reason());
    }

    @Test
    void aFolderWithoutTrainFilesIsRefused() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "x");
        UserInputException e = assertThrows(UserInputException.class, () -> DataSources.open("idx:" + dir, IN, NO_SPLIT));
        assertTrue(e.getMessage().contains("no train-images"), e.getMessage());
    }

    @Test
    void imagesWithoutTheirLabelFileAreRefused() throws IOException {
        TestFiles.idxImages(dir.resolve("train-images-idx3-ubyte"), IdxSource.IMAGES_MAGIC, 1, 2, 3, new byte[6], false);
        UserInputException e = assertThrows(UserInputException.class, () -> DataSources.open("idx:" + dir, IN, NO_SPLIT));
        assertTrue(e.getMessage().contains("no matching train-labels"), e.getMessage());
    }

    @Test
    void allLabelsTheSameIsOneClassAndRefused() throws IOException {
        TestFiles.idxImages(dir.resolve("train-images-idx3-ubyte"), IdxSource.IMAGES_MAGIC, 2, 2, 3, new byte[12], false);
        TestFiles.idxLabels(dir.resolve("train-labels-idx1-ubyte"), IdxSource.LABELS_MAGIC, new int[] {0, 0}, false);
        UserInputException e = assertThrows(UserInputException.class, () -> DataSources.open("idx:" + dir, IN, NO_SPLIT));
        assertTrue(e.getMessage().contains("only one class"), e.getMessage());
    }
}
