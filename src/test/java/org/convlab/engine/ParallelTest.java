package org.convlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelTest {
    private final int original = Parallel.shared().threads();

    @AfterEach
    void restore() {
        Parallel.setThreads(original);
    }

    @Test
    void runsEveryTaskExactlyOnce() {
        Parallel.setThreads(2);
        assertEquals(2, Parallel.shared().threads());
        for (int tasks : new int[] {0, 1, 2, 3, 17, 1000}) {
            AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(1, tasks));
            for (int repeat = 0; repeat < 50; repeat++) {
                Parallel.shared().forEach(tasks, runs::incrementAndGet);
            }
            for (int i = 0; i < tasks; i++) {
                assertEquals(50, runs.get(i), "task " + i + " of " + tasks);
            }
        }
    }

    @Test
    void taskExceptionReachesTheCallerAndThePoolStillWorks() {
        Parallel.setThreads(2);
        IllegalStateException thrown = new IllegalStateException("task 7 failed");
        IllegalStateException caught = assertThrows(IllegalStateException.class,
                () -> Parallel.shared().forEach(20, i -> {
                    if (i == 7) {
                        throw thrown;
                    }
                }));
        assertSame(thrown, caught);
        AssertionError error = assertThrows(AssertionError.class,
                () -> Parallel.shared().forEach(4, i -> {
                    throw new AssertionError("boom " + i);
                }));
        assertEquals(true, error.getMessage().startsWith("boom"));
        int[] out = new int[10];
        Parallel.shared().forEach(10, i -> out[i] = i * i);
        assertArrayEquals(new int[] {0, 1, 4, 9, 16, 25, 36, 49, 64, 81}, out);
    }

    @Test
    void nestedCallsRunInlineWithoutDeadlock() {
        Parallel.setThreads(2);
        int[][] out = new int[6][5];
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Parallel.shared().forEach(6, i ->
                Parallel.shared().forEach(5, j -> out[i][j] = i * 10 + j)));
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(i * 10 + j, out[i][j]);
            }
        }
    }

    @Test
    void concurrentCallersFromTwoThreadsBothFinish() throws Exception {
        Parallel.setThreads(2);
        long[] sums = new long[2];
        Thread other = new Thread(() -> sums[1] = sumOfSquares(200));
        other.start();
        sums[0] = sumOfSquares(200);
        other.join(20_000);
        assertEquals(expectedSumOfSquares(200), sums[0]);
        assertEquals(expectedSumOfSquares(200), sums[1]);
    }

    @Test
    void workersSurviveLongIdlePeriods() throws InterruptedException {
        Parallel.setThreads(2);
        int[] out = new int[8];
        Parallel.shared().forEach(8, i -> out[i] = 1);
        Thread.sleep(50); // workers park after spinning
        Parallel.shared().forEach(8, i -> out[i] += 1);
        assertArrayEquals(new int[] {2, 2, 2, 2, 2, 2, 2, 2}, out);
    }

    private static long sumOfSquares(int rounds) {
        long total = 0;
        long[] parts = new long[64];
        for (int r = 0; r < rounds; r++) {
            Parallel.shared().forEach(64, i -> parts[i] = (long) i * i);
            for (long p : parts) {
                total += p;
            }
        }
        return total;
    }

    private static long expectedSumOfSquares(int rounds) {
        long one = 0;
        for (int i = 0; i < 64; i++) {
            one += (long) i * i;
        }
        return one * rounds;
    }
}
