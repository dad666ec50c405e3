package org.convlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.convlab.engine.Shape;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The real Fashion-MNIST (Debian's dataset-fashion-mnist) loads whole, with the published
 * counts (60,000 + 10,000, 6,000 and 1,000 per class), in little more memory than its decoded
 * float tensors.
 */
class FashionMnistMemoryTest {
    private static final Path DIR = Path.of("/usr/share/datasets/fashion-mnist");

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void loadsInItsTensorSizePlusASmallMargin() {
        Assumptions.assumeTrue(Files.isDirectory(DIR), "dataset-fashion-mnist is not installed");
        long before = usedAfterGc();
        LoadedData data = DataSources.open("idx:" + DIR, Shape.of(1, 28, 28), DataOptions.defaults().withValidationSplit(0));
        long used = usedAfterGc() - before;
        long tensors = (60_000L + 10_000L) * 784 * Float.BYTES;
        System.out.printf("Fashion-MNIST loaded: heap %.1f MB for %.1f MB of float tensors (60,000 + 10,000 x 784 x 4 bytes)%n",
                used / 1e6, tensors / 1e6);
        assertEquals(60_000, data.train().size());
        assertEquals(10_000, data.test().size());
        assertArrayEquals(new int[] {6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000}, data.train().classCounts());
        assertArrayEquals(new int[] {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000}, data.test().classCounts());
        // labels (4 bytes each) and object headers are the margin: 16 MB is generous
        assertTrue(used < tensors + 16_000_000L, "heap grew by " + used + " bytes for " + tensors + " bytes of tensors");
        float[] x = new float[784];
        data.train().copySample(0, x, 0);
        for (float v : x) {
            assertTrue(v >= 0 && v <= 1);
        }
    }
}
