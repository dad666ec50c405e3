package org.convlab.data;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.convlab.UserInputException;
import org.convlab.data.input.InputFile;
import org.convlab.data.input.PixelScale;
import org.convlab.engine.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Valid files with bytes flipped and tails cut off, seeded: every reader either reads them or
 * refuses them with a {@link UserInputException} naming the file; never another exception.
 */
class MutatedFilesTest {
    private static final int ROUNDS = 150;
    private static final DataOptions NO_SPLIT = DataOptions.defaults().withValidationSplit(0);

    @TempDir
    Path dir;

    /** A copy of {@code valid} with a few bytes changed or the end cut off, chosen by {@code random}. */
    private static byte[] mutate(byte[] valid, Random random) {
        byte[] b = valid.clone();
        switch (random.nextInt(3)) {
            case 0 -> {
                return Arrays.copyOf(b, random.nextInt(b.length));
            }
            case 1 -> {
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            default -> {
                int at = random.nextInt(Math.max(1, Math.min(b.length, 24)));
                b[at] = (byte) (random.nextBoolean() ? 0x7f : 0xff); // headers: extreme sizes
            }
        }
        return b;
    }

    private static void readsOrRefusesNaming(String name, Runnable read) {
        try {
            read.run();
        } catch (UserInputException e) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            fail(name + ": " + e, e);
        }
    }

    @Test
    void mutatedIdxFilesReadOrAreRefused() throws IOException {
        Random random = new Random(13);
        for (boolean gzip : new boolean[] {false, true}) {
            byte[] pixels = new byte[20 * 6];
            random.nextBytes(pixels);
            int[] labels = new int[20];
            Arrays.setAll(labels, i -> i % 3);
            byte[] images = Files.readAllBytes(TestFiles.idxImages(dir.resolve("src-i"), IdxSource.IMAGES_MAGIC, 20, 2, 3, pixels, gzip));
            byte[] labelBytes = Files.readAllBytes(TestFiles.idxLabels(dir.resolve("src-l"), IdxSource.LABELS_MAGIC, labels, gzip));
            for (int round = 0; round < ROUNDS; round++) {
                Path d = Files.createDirectories(dir.resolve("idx" + gzip + round));
                boolean mutateImages = random.nextBoolean();
                Files.write(d.resolve("train-images-idx3-ubyte"), mutateImages ? mutate(images, random) : images);
                Files.write(d.resolve("train-labels-idx1-ubyte"), mutateImages ? labelBytes : mutate(labelBytes, random));
                readsOrRefusesNaming(d.toString(), () -> DataSources.open("idx:" + d, Shape.of(1, 2, 3), NO_SPLIT));
            }
        }
    }

    @Test
    void mutatedCsvFilesReadOrAreRefused() throws IOException {
        Random random = new Random(17);
        StringBuilder text = new StringBuilder("label,a,b,c\n");
        for (int i = 0; i < 20; i++) {
            text.append(i % 2).append(',').append(random.nextFloat()).append(",-").append(i).append(",1e-3\n");
        }
        byte[] valid = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int round = 0; round < ROUNDS; round++) {
            Path file = Files.write(dir.resolve("s" + round + ".csv"), mutate(valid, random));
            readsOrRefusesNaming(file.toString(), () -> DataSources.open("csv:" + file, Shape.of(1, 1, 3), NO_SPLIT));
        }
    }

    @Test
    void mutatedImagesAndTensorsReadOrAreRefused() throws IOException {
        Random random = new Random(19);
        Shape shape = Shape.of(1, 2, 3);
        byte[] png = Files.readAllBytes(TestFiles.noisyImage(dir.resolve("src.png")));
        byte[] jpg = Files.readAllBytes(TestFiles.noisyImage(dir.resolve("src.jpg")));
        byte[] json = "{\"shape\": [1, 2, 3], \"data\": [1, 2.5, -3, 4e-2, 5, 6]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2, 3), }\n";
        ByteArrayOutputStream npy = new ByteArrayOutputStream();
        npy.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0});
        npy.write(header.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        npy.write(new byte[24]);
        byte[][] valid = {png, jpg, json, npy.toByteArray()};
        String[] ext = {"png", "jpg", "json", "npy"};
        for (int round = 0; round < ROUNDS; round++) {
            int k = round % valid.length;
            String name = "m" + round + "." + ext[k];
            Path file = Files.write(dir.resolve(name), mutate(valid[k], random));
            readsOrRefusesNaming(name, () -> InputFile.read(file, shape, PixelScale.UNIT, n -> { }));
        }
    }
}
