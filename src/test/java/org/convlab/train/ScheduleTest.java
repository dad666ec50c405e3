package org.convlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.convlab.UserInputException;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    @Test
    void constantKeepsTheRate() {
        assertEquals(0.05, Schedule.parse("constant").rate(0.05, 7, 10));
    }

    @Test
    void stepDividesByTenEveryNEpochs() {
        Schedule s = Schedule.parse("step:2");
        assertEquals(0.1, s.rate(0.1, 0, 6), 1e-15);
        assertEquals(0.1, s.rate(0.1, 1, 6), 1e-15);
        assertEquals(0.01, s.rate(0.1, 2, 6), 1e-15);
        assertEquals(0.001, s.rate(0.1, 5, 6), 1e-15);
    }

    @Test
    void cosineFallsFromTheBaseRateTowardsZero() {
        Schedule s = Schedule.parse("cosine");
        assertEquals(0.1, s.rate(0.1, 0, 4), 1e-15);
        // (1 + cos(pi * e / 4)) / 2 for e = 1, 2, 3
        assertEquals(0.1 * (1 + Math.sqrt(0.5)) / 2, s.rate(0.1, 1, 4), 1e-15);
        assertEquals(0.05, s.rate(0.1, 2, 4), 1e-15);
        assertEquals(0.1 * (1 - Math.sqrt(0.5)) / 2, s.rate(0.1, 3, 4), 1e-15);
    }

    @Test
    void badSchedulesAreUserErrors() {
        assertThrows(UserInputException.class, () -> Schedule.parse("step:0"));
        assertThrows(UserInputException.class, () -> Schedule.parse("step:x"));
        assertThrows(UserInputException.class, () -> Schedule.parse("linear"));
        assertEquals("step:3", Schedule.parse(" STEP:3 ").toString());
    }
}
