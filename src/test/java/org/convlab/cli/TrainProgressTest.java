package org.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.convlab.train.EpochStats;
import org.junit.jupiter.api.Test;

/** A progress line never shows NaN or Infinity: an epoch too quick to time, no validation set, no ETA yet. */
class TrainProgressTest {
    private static String line(EpochStats e) {
        StringWriter s = new StringWriter();
        new TrainProgress(new PrintWriter(s)).epochEnd(e);
        return s.toString().strip();
    }

    @Test
    void noNaNOrInfinityInAProgressLine() {
        String quick = line(new EpochStats(1, 3, 0.5, 0.75, Double.NaN, Double.NaN, Double.POSITIVE_INFINITY, 0.01,
                0, Double.NaN));
        assertFalse(quick.contains("NaN") || quick.contains("Infinity"), quick);
        assertFalse(quick.contains("val"), "no validation set, no validation figures: " + quick);
        assertTrue(quick.startsWith("epoch 1/3  loss 0.5000  acc  75.00%"), quick);

        String withVal = line(new EpochStats(2, 3, 0.25, 1, 0.5, 0.5, 100, 0.01, 61, 30.4));
        assertTrue(withVal.contains("val loss 0.5000  val acc  50.00%"), withVal);
        assertTrue(withVal.contains("elapsed 1:01  ETA 0:30"), withVal);
    }

    @Test
    void clockOfNoTimeIsADash() {
        assertEquals("-", TrainProgress.clock(Double.NaN));
        assertEquals("-", TrainProgress.clock(Double.POSITIVE_INFINITY));
        assertEquals("-", TrainProgress.clock(-1));
        assertEquals("0:00", TrainProgress.clock(0));
        assertEquals("1:00:01", TrainProgress.clock(3601));
    }

    @Test
    void jsonNumbersAreFiniteOrNull() {
        assertEquals(null, TrainProgress.finite(Double.NaN));
        assertEquals(null, TrainProgress.finite(Double.NEGATIVE_INFINITY));
        assertEquals(0.5, TrainProgress.finite(0.5));
    }
}
