package org.convlab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The answer's "X leads by ..." is the difference of the two totals as printed, so a student can redo it. */
class PrintedGapTest {
    @Test
    void theGapIsWorkedOutFromThePrintedTotals() {
        // the deformed X: totals 1537/5036 = 0.3052 and -0.3052 print as 0.31 and -0.31; 0.31 + 0.31 = 0.62
        // (the unrounded gap 0.6104 would print as 0.61 and not add up on the screen)
        assertEquals("0.62", LessonNumbers.printedGap("0.31", "-0.31"));
        assertEquals("2.00", LessonNumbers.printedGap("1.00", "-1.00"));
        assertEquals("0.05", LessonNumbers.printedGap("0.66", "0.61"));
    }
}
