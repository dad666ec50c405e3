package org.convlab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.convlab.engine.AvgPool;
import org.convlab.engine.MaxPool;
import org.convlab.engine.PoolGeometry;
import org.junit.jupiter.api.Test;

/** Pool traces against the engine's fast pooling for random sizes, padding and ceil mode. */
class PoolTraceTest {
    @Test
    void randomPoolsTraceWhatTheEngineComputes() {
        SplittableRandom rng = new SplittableRandom(99);
        for (int trial = 0; trial < 60; trial++) {
            int window = 1 + rng.nextInt(3);
            int stride = 1 + rng.nextInt(3);
            int padding = rng.nextInt(window / 2 + 1);
            boolean ceil = rng.nextBoolean();
            int h = window + rng.nextInt(6);
            int w = window + rng.nextInt(6);
            int channels = 1 + rng.nextInt(3);
            PoolGeometry g = new PoolGeometry(1, channels, h, w, window, stride, padding, ceil);
            float[] x = TraceData.random(g.inSize(), rng);
            float[] maxOut = new float[g.outSize()];
            int[] argmax = new int[g.outSize()];
            float[] avgOut = new float[g.outSize()];
            MaxPool.forward(maxOut, argmax, x, g);
            AvgPool.forward(avgOut, x, g);
            for (int c = 0; c < channels; c++) {
                PoolTrace max = new PoolTrace(g, x, c, true);
                PoolTrace avg = new PoolTrace(g, x, c, false);
                for (int k = 0; k < max.size(); k++) {
                    int o = c * g.outPlane() + k;
                    String where = g + " channel " + c + " step " + k;
                    PoolStep m = max.step(k);
                    assertEquals(maxOut[o], m.value(), 0f, where);
                    assertEquals(argmax[o] - c * g.inPlane(), m.argmaxRow() * w + m.argmaxCol(), where);
                    checkCells(m, g, x, c, where);
                    PoolStep a = avg.step(k);
                    assertEquals(avgOut[o], a.value(), 1e-6f, where);
                    // independent average: real cells summed, divided by the cells inside the padded input
                    double sum = 0;
                    int counted = 0;
                    for (PoolCell cell : a.cells()) {
                        sum += cell.kind() == PoolCell.Kind.REAL ? cell.value() : 0;
                        counted += cell.kind() == PoolCell.Kind.OUTSIDE ? 0 : 1;
                    }
                    assertEquals(counted, a.divisor(), where);
                    assertEquals(sum / counted, a.value(), 1e-6, where);
                }
            }
        }
    }

    private static void checkCells(PoolStep s, PoolGeometry g, float[] x, int c, String where) {
        assertEquals(g.window() * g.window(), s.cells().size(), where);
        for (PoolCell cell : s.cells()) {
            boolean inside = cell.row() >= 0 && cell.row() < g.inHeight() && cell.col() >= 0 && cell.col() < g.inWidth();
            assertEquals(inside, cell.kind() == PoolCell.Kind.REAL, where);
            if (inside) {
                assertEquals(x[(c * g.inHeight() + cell.row()) * g.inWidth() + cell.col()], cell.value(), 0f, where);
                assertEquals(true, cell.value() <= s.value(), where + ": a cell above the max");
            }
        }
        assertEquals(s.outRow() * g.stride() - g.padding(), s.windowTop(), where);
    }
}
