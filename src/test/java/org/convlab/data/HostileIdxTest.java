package org.convlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * IDX files that lie (issue 13): headers promising more than the file holds are refused as
 * truncated before anything is allocated, so a 20-byte file that claims 2^31-1 labels costs
 * nothing (it used to end in an OutOfMemoryError); damaged gzip and pipes are named.
 */
class HostileIdxTest {
    private static final Shape IN = Shape.of(1, 2, 3);
    private static final DataOptions NO_SPLIT = DataOptions.defaults().withValidationSplit(0);

    @TempDir
    Path dir;

    private UserInputException refusal() {
        return assertThrows(UserInputException.class, () -> DataSources.open("idx:" + dir, IN, NO_SPLIT));
    }

    /** Header bytes (big-endian ints) followed by {@code data}, gzipped or not. */
    private Path raw(String name, int[] header, byte[] data, boolean gzip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bytes);
        for (int h : header) {
            d.writeInt(h);
        }
        d.write(data);
        Path file = dir.resolve(name);
        if (gzip) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(bytes.toByteArray());
            }
        } else {
            Files.write(file, bytes.toByteArray());
        }
        return file;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aLabelFileClaiming2To31Minus1LabelsInAFewBytesIsRefusedAsTruncated(boolean gzip) throws IOException {
        TestFiles.idxImages(dir.resolve("train-images-idx3-ubyte"), IdxSource.IMAGES_MAGIC, 2, 2, 3, new byte[12], false);
        Path labels = raw("train-labels-idx1-ubyte", new int[] {IdxSource.LABELS_MAGIC, Integer.MAX_VALUE}, new byte[] {0, 1}, gzip);
        UserInputException e = refusal();
        assertEquals(labels + " ends after 2 of its 2,147,483,647 labels (its header promises 2.0 GB, the data is 10 bytes):"
                + " the file is truncated or its header is wrong (download it again)", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anImageFileClaimingMoreImagesThanItHoldsIsRefusedBeforeAllocating(boolean gzip) throws IOException {
        int count = Integer.MAX_VALUE;
        Path images = raw("train-images-idx3-ubyte", new int[] {IdxSource.IMAGES_MAGIC, count, 28, 28}, new byte[784 * 3], gzip);
        // a label file that agrees with the lie, so the image count is what is checked
        raw("train-labels-idx1-ubyte", new int[] {IdxSource.LABELS_MAGIC, 3}, new byte[] {0, 1, 0}, gzip);
        UserInputException e = refusal();
        // the counts differ: the lie is caught as a mismatch of the two files, before any pixel is read
        assertTrue(e.getMessage().startsWith(images + " holds 2,147,483,647 images but"), e.getMessage());

        raw("train-labels-idx1-ubyte", new int[] {IdxSource.LABELS_MAGIC, count}, new byte[3], gzip);
        e = refusal();
        assertTrue(e.getMessage().startsWith(dir.resolve("train-labels-idx1-ubyte") + " ends after 3 of its 2,147,483,647 labels"),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void imagesCutShortAreRefusedSayingHowManyWholeImagesThereAre(boolean gzip) throws IOException {
        Path images = raw("train-images-idx3-ubyte", new int[] {IdxSource.IMAGES_MAGIC, 3, 2, 3}, new byte[14], gzip);
        TestFiles.idxLabels(dir.resolve("train-labels-idx1-ubyte"), IdxSource.LABELS_MAGIC, new int[] {0, 1, 1}, gzip);
        UserInputException e = refusal();
        // 16 header bytes + 14 pixel bytes: two whole images of 2 x 3 pixels, of the three promised
        assertTrue(e.getMessage().startsWith(images + " ends after 2 of its 3 images"), e.getMessage());
    }

    @Test
    void aGzipFileWithFlippedBitsIsNamedAsDamaged() throws IOException {
        Path images = TestFiles.idxImages(dir.resolve("train-images-idx3-ubyte.gz"), IdxSource.IMAGES_MAGIC, 40, 2, 3,
                new byte[240], true);
        TestFiles.idxLabels(dir.resolve("train-labels-idx1-ubyte.gz"), IdxSource.LABELS_MAGIC, new int[40], true);
        byte[] bytes = Files.readAllBytes(images);
        for (int i = 12; i < bytes.length - 8; i++) {
            bytes[i] ^= (byte) 0x5a; // the deflate data, not the gzip header
        }
        Files.write(images, bytes);
        UserInputException e = refusal();
        assertTrue(e.getMessage().startsWith(images.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("damaged gzip file") || e.getMessage().contains("not an IDX image file")
                || e.getMessage().contains("ends"), e.getMessage());
    }

    @Test
    void aGzipFileCutShortIsNamedAsTruncated() throws IOException {
        Path labels = TestFiles.idxLabels(dir.resolve("train-labels-idx1-ubyte.gz"), IdxSource.LABELS_MAGIC, new int[5000], true);
        TestFiles.idxImages(dir.resolve("train-images-idx3-ubyte.gz"), IdxSource.IMAGES_MAGIC, 5000, 2, 3, new byte[30000], true);
        TestFiles.cut(labels, Files.size(labels) / 2);
        UserInputException e = refusal();
        assertTrue(e.getMessage().startsWith(labels.toString()) && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void impossibleImageSizesAreRefusedNamingTheFile() throws IOException {
        Path images = raw("train-images-idx3-ubyte", new int[] {IdxSource.IMAGES_MAGIC, 1, 0, 3}, new byte[0], false);
        TestFiles.idxLabels(dir.resolve("train-labels-idx1-ubyte"), IdxSource.LABELS_MAGIC, new int[] {0}, false);
        assertEquals(images + " has an impossible header: 1 images of 0x3 pixels (at most 100,000,000 pixels an image)",
                refusal().getMessage());
        raw("train-images-idx3-ubyte", new int[] {IdxSource.IMAGES_MAGIC, 1, 65536, 65536}, new byte[0], false);
        assertTrue(refusal().getMessage().contains("1 images of 65536x65536 pixels"));
    }

    @Test
    void aNamedPipeCalledTrainImagesIsRefusedNotWaitedOn() throws IOException, InterruptedException {
        Path pipe = TestFiles.fifo(dir.resolve("train-images-idx3-ubyte"));
        TestFiles.idxLabels(dir.resolve("train-labels-idx1-ubyte"), IdxSource.LABELS_MAGIC, new int[] {0}, false);
        assertEquals(pipe + ": is not a regular file (a named pipe, socket or device), expected a file of IDX images",
                refusal().getMessage());
    }
}
