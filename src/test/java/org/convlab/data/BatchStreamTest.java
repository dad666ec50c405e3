package org.convlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.convlab.engine.Shape;
import org.junit.jupiter.api.Test;

/** Batches: every sample once per epoch, seeded order, seeded augmentation, background failures surface. */
class BatchStreamTest {
    private static final Shape SHAPE = Shape.of(1, 3, 4);

    /** n samples of 3x4; sample i holds i * 100 + pixel, label i % 5. */
    static ArrayDataset numbered(int n) {
        int size = SHAPE.size();
        float[] values = new float[n * size];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < size; p++) {
                values[i * size + p] = i * 100 + p;
            }
            labels[i] = i % 5;
        }
        return new ArrayDataset(SHAPE, List.of("a", "b", "c", "d", "e"), values, labels, n);
    }

    /** The sample indices in delivery order, checking each sample's values and label on the way. */
    private static List<Integer> drain(BatchStream stream, int batchSize, List<Integer> counts) {
        List<Integer> seen = new ArrayList<>();
        int size = SHAPE.size();
        for (Batch b; (b = stream.next()) != null; ) {
            counts.add(b.count());
            assertEquals(batchSize * size, b.x().length);
            for (int k = 0; k < b.count(); k++) {
                int index = Math.round(b.x()[k * size] / 100);
                for (int p = 0; p < size; p++) {
                    assertEquals(index * 100 + p, b.x()[k * size + p], 0f);
                }
                assertEquals(index % 5, b.labels()[k]);
                seen.add(index);
            }
        }
        return seen;
    }

    @Test
    void everySampleComesExactlyOncePerEpochWithAShortLastBatch() {
        ArrayDataset data = numbered(103);
        List<Integer> counts = new ArrayList<>();
        List<Integer> seen;
        try (BatchStream stream = new BatchStream(data, 10, 5, 0, true, Augmentation.NONE)) {
            seen = drain(stream, 10, counts);
            assertNull(stream.next());
        }
        assertEquals(103, seen.size());
        assertEquals(103, seen.stream().distinct().count());
        assertEquals(11, counts.size());
        assertEquals(3, counts.get(10));
        assertEquals(11, BatchStream.batchCount(103, 10));
    }

    @Test
    void theOrderDependsOnlyOnSeedAndEpoch() {
        ArrayDataset data = numbered(50);
        List<Integer> a = drain(new BatchStream(data, 8, 9, 3, true, null), 8, new ArrayList<>());
        List<Integer> b = drain(new BatchStream(data, 8, 9, 3, true, null), 8, new ArrayList<>());
        List<Integer> otherEpoch = drain(new BatchStream(data, 8, 9, 4, true, null), 8, new ArrayList<>());
        List<Integer> otherSeed = drain(new BatchStream(data, 8, 10, 3, true, null), 8, new ArrayList<>());
        List<Integer> otherBatch = drain(new BatchStream(data, 7, 9, 3, true, null), 7, new ArrayList<>());
        assertEquals(a, b);
        assertEquals(a, otherBatch); // the batch size does not change the order
        assertFalse(a.equals(otherEpoch));
        assertFalse(a.equals(otherSeed));
        assertEquals(a, Arrays.stream(BatchStream.order(50, 9, 3, true)).boxed().toList());
    }

    @Test
    void withoutShuffleTheOrderIsTheDatasetOrder() {
        List<Integer> seen = drain(new BatchStream(numbered(20), 6, 1, 2, false, null), 6, new ArrayList<>());
        for (int i = 0; i < 20; i++) {
            assertEquals(i, seen.get(i));
        }
    }

    @Test
    void augmentationIsTheSameForASampleWhateverTheBatchSizeAndChangesWithTheEpoch() {
        ArrayDataset data = numbered(30);
        Augmentation aug = new Augmentation(1, true, 15);
        float[][] bySeven = augmented(data, 7, 2, aug);
        float[][] byEleven = augmented(data, 11, 2, aug);
        float[][] nextEpoch = augmented(data, 7, 3, aug);
        int changed = 0;
        int differs = 0;
        float[] original = new float[SHAPE.size()];
        for (int i = 0; i < 30; i++) {
            assertArrayEquals(bySeven[i], byEleven[i], 0f, "sample " + i);
            data.copySample(i, original, 0);
            changed += Arrays.equals(original, bySeven[i]) ? 0 : 1;
            differs += Arrays.equals(bySeven[i], nextEpoch[i]) ? 0 : 1;
        }
        assertTrue(changed > 20, "augmentation changed only " + changed + " of 30");
        assertTrue(differs > 20, "the next epoch changed only " + differs + " of 30");
    }

    /** Augmented samples by index, and their labels unchanged. */
    private static float[][] augmented(ArrayDataset data, int batchSize, int epoch, Augmentation aug) {
        int size = SHAPE.size();
        float[][] out = new float[data.size()][];
        int[] order = BatchStream.order(data.size(), 4, epoch, true);
        int position = 0;
        try (BatchStream stream = new BatchStream(data, batchSize, 4, epoch, true, aug)) {
            for (Batch b; (b = stream.next()) != null; ) {
                for (int k = 0; k < b.count(); k++) {
                    int index = order[position++];
                    assertEquals(data.label(index), b.labels()[k]);
                    out[index] = Arrays.copyOfRange(b.x(), k * size, (k + 1) * size);
                }
            }
        }
        return out;
    }

    @Test
    void flipOnlyGivesEachSampleAsItIsOrExactlyMirrored() {
        ArrayDataset data = numbered(40);
        float[][] out = augmented(data, 16, 0, new Augmentation(0, true, 0));
        int mirrored = 0;
        float[] x = new float[SHAPE.size()];
        for (int i = 0; i < 40; i++) {
            data.copySample(i, x, 0);
            float[] mirror = new float[x.length];
            for (int y = 0; y < 3; y++) {
                for (int c = 0; c < 4; c++) {
                    mirror[y * 4 + c] = x[y * 4 + (3 - c)];
                }
            }
            boolean same = Arrays.equals(x, out[i]);
            boolean flipped = Arrays.equals(mirror, out[i]);
            assertTrue(same || flipped, "sample " + i + " is neither itself nor its mirror");
            mirrored += flipped ? 1 : 0;
        }
        assertTrue(mirrored > 8 && mirrored < 32, mirrored + " of 40 mirrored (about half expected)");
    }

    @Test
    void shiftsMoveWholePixelsAndFillWithTheBorderMean() {
        // reference: out(y, x) = in(y - dy, x - dx), outside -> mean of the border ring
        Shape s = Shape.of(1, 3, 4);
        Augmenter augmenter = new Augmenter(new Augmentation(1, false, 0), s);
        float[] in = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        float border = (1 + 2 + 3 + 4 + 5 + 8 + 9 + 10 + 11 + 12) / 10f;
        float[] x = in.clone();
        augmenter.apply(x, 0, new Augmenter.Draw(1, -1, false, 0));
        float[] expected = {border, 5, 6, 7, border, 9, 10, 11, border, border, border, border};
        assertArrayEquals(expected, x, 1e-6f);
    }

    @Test
    void aQuarterTurnMovesTheLeftColumnToTheTopExactly() {
        Shape s = Shape.of(1, 3, 3);
        Augmenter augmenter = new Augmenter(new Augmentation(0, false, 90), s);
        float[] x = {1, 2, 3,
                     4, 5, 6,
                     7, 8, 9};
        augmenter.apply(x, 0, new Augmenter.Draw(0, 0, false, 90));
        // output (row, col) reads source (row' = 2 - col, col' = row): a clockwise turn on screen
        assertArrayEquals(new float[] {7, 4, 1, 8, 5, 2, 9, 6, 3}, x, 1e-6f);
    }

    @Test
    void aFailureInTheBackgroundThreadReachesTheCaller() {
        ArrayDataset good = numbered(20);
        Dataset broken = new Dataset() {
            public Shape shape() { return good.shape(); }
            public List<String> classes() { return good.classes(); }
            public int size() { return good.size(); }
            public int label(int index) { return good.label(index); }
            public void copySample(int index, float[] dst, int offset) {
                if (index == 13) {
                    throw new IllegalStateException("sample 13 is broken");
                }
                good.copySample(index, dst, offset);
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            try (BatchStream stream = new BatchStream(broken, 4, 1, 0, false, null)) {
                while (stream.next() != null) {
                    // drain
                }
            }
        });
        assertEquals("sample 13 is broken", e.getMessage());
    }

    @Test
    void closingEarlyStopsTheBackgroundThread() {
        BatchStream stream = new BatchStream(numbered(100), 2, 1, 0, true, null);
        stream.next();
        stream.close();
        assertNull(stream.next());
        stream.close();
    }
}
