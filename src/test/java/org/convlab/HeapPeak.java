package org.convlab;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The heap's peak over a stretch of work, for the large-model yardsticks (VGG-16 written and read
 * in a JVM with twice its weights): {@link #reset()} before, {@link #bytes()} after.
 */
public final class HeapPeak {
    private HeapPeak() {}

    /** Forgets earlier peaks (after a GC, so the stretch starts from what is really live). */
    public static void reset() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    /** The sum of every heap pool's peak since the reset: an upper bound of the heap's peak. */
    public static long bytes() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
