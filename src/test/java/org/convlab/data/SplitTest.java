package org.convlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.convlab.engine.Shape;
import org.junit.jupiter.api.Test;

/** Seeded stratified train/validation splits. */
class SplitTest {
    /** 100 samples of class 0, 50 of class 1, 10 of class 2, 1 of class 3, interleaved. */
    static ArrayDataset unbalanced() {
        int[] counts = {100, 50, 10, 1};
        int n = IntStream.of(counts).sum();
        int[] labels = new int[n];
        int[] left = counts.clone();
        int k = 0;
        while (k < n) {
            for (int c = 0; c < counts.length; c++) {
                if (left[c]-- > 0) {
                    labels[k++] = c;
                }
            }
        }
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        return new ArrayDataset(Shape.of(1, 1, 1), List.of("a", "b", "c", "d"), values, labels, n);
    }

    @Test
    void eachClassGivesItsShareToValidationAndKeepsAtLeastOneForTraining() {
        ArrayDataset data = unbalanced();
        Splits.Split split = Splits.stratified(data, 0.2, 7);
        int[] validationCounts = new int[4];
        for (int i : split.validation()) {
            validationCounts[data.label(i)]++;
        }
        // round(100 * 0.2) = 20, round(50 * 0.2) = 10, round(10 * 0.2) = 2, the lone sample stays in training
        assertArrayEquals(new int[] {20, 10, 2, 0}, validationCounts);
        assertEquals(data.size() - 32, split.train().length);
    }

    @Test
    void trainAndValidationAreDisjointAndCoverEverySample() {
        ArrayDataset data = unbalanced();
        Splits.Split split = Splits.stratified(data, 0.3, 1);
        int[] all = IntStream.concat(IntStream.of(split.train()), IntStream.of(split.validation())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, data.size()).toArray(), all);
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        ArrayDataset data = unbalanced();
        Splits.Split a = Splits.stratified(data, 0.2, 42);
        Splits.Split b = Splits.stratified(data, 0.2, 42);
        Splits.Split c = Splits.stratified(data, 0.2, 43);
        assertArrayEquals(a.validation(), b.validation());
        assertFalse(Arrays.equals(a.validation(), c.validation()));
    }

    @Test
    void dataSourcesGivesSubsetsWithTheSplitSizes() {
        ArrayDataset data = unbalanced();
        Splits.Split split = Splits.stratified(data, 0.5, 3);
        SubsetDataset validation = new SubsetDataset(data, split.validation());
        float[] x = new float[1];
        validation.copySample(0, x, 0);
        assertEquals(split.validation()[0], (int) x[0]);
        assertEquals(data.label(split.validation()[0]), validation.label(0));
    }
}
