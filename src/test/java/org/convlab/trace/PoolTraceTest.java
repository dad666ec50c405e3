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
            // even trials square, odd ones rectangular with padding per axis
            boolean square = trial % 2 == 0;
            int windowH = 1 + rng.nextInt(3);
            int windowW = square ? windowH : 1 + rng.nextInt(3);
            int stride = 1 + rng.nextInt(3);
            int padH = rng.nextInt(windowH / 2 + 1);
            int padW = square ? padH : rng.nextInt(windowW / 2 + 1);
            boolean ceil = rng.nextBoolean();
            int h = windowH + rng.nextInt(6);
            int w = windowW + rng.nextInt(6);
            int channels = 1 + rng.nextInt(3);
            PoolGeometry g = new PoolGeometry(1, channels, h, w, windowH, windowW, stride, padH, padW, ceil);
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
        assertEquals(g.windowHeight() * g.windowWidth(), s.cells().size(), where);
        assertEquals(g.windowHeight(), s.windowHeight(), where);
        assertEquals(g.windowWidth(), s.windowWidth(), where);
        for (int i = 0; i < s.cells().size(); i++) {
            PoolCell cell = s.cells().get(i);
            // row by row over the window
            assertEquals(s.windowTop() + i / g.windowWidth(), cell.row(), where);
            assertEquals(s.windowLeft() + i % g.windowWidth(), cell.col(), where);
            boolean padded = cell.row() >= -g.padHeight() && cell.row() < g.inHeight() + g.padHeight()
                    && cell.col() >= -g.padWidth() && cell.col() < g.inWidth() + g.padWidth();
            assertEquals(!padded, cell.kind() == PoolCell.Kind.OUTSIDE, where + " cell " + i);
        }
        for (PoolCell cell : s.cells()) {
            boolean inside = cell.row() >= 0 && cell.row() < g.inHeight() && cell.col() >= 0 && cell.col() < g.inWidth();
            assertEquals(inside, cell.kind() == PoolCell.Kind.REAL, where);
            if (inside) {
                assertEquals(x[(c * g.inHeight() + cell.row()) * g.inWidth() + cell.col()], cell.value(), 0f, where);
                assertEquals(true, cell.value() <= s.value(), where + ": a cell above the max");
            }
        }
        assertEquals(s.outRow() * g.stride() - g.padHeight(), s.windowTop(), where);
        assertEquals(s.outCol() * g.stride() - g.padWidth(), s.windowLeft(), where);
    }

    @Test
    void maxPool1dWindowIsOneRowOfTwoCells() {
        // MaxPool1d(2) on a 1x6 map: window (0, 4)-(0, 5) at step 2, no padding above or below
        float[] x = {3, -1, 4, 1, -5, 9};
        PoolGeometry g = new PoolGeometry(1, 1, 1, 6, 1, 2, 2, 0, 0, false);
        PoolTrace t = new PoolTrace(g, x, 0, true);
        assertEquals(3, t.size());
        PoolStep s = t.step(2);
        assertEquals(java.util.List.of(new PoolCell(0, 4, PoolCell.Kind.REAL, -5), new PoolCell(0, 5, PoolCell.Kind.REAL, 9)),
                s.cells());
        assertEquals(9f, s.value());
        assertEquals(0, s.argmaxRow());
        assertEquals(5, s.argmaxCol());
        // AvgPool1d(3, 2, padding=1, ceil_mode=True) on 1x4: the last window is col 3, the pad col 4, col 5 past it
        PoolGeometry c = new PoolGeometry(1, 1, 1, 4, 1, 3, 2, 0, 1, true);
        PoolStep last = new PoolTrace(c, new float[] {1, 2, 3, 4}, 0, false).step(2);
        assertEquals(java.util.List.of(PoolCell.Kind.REAL, PoolCell.Kind.PADDING, PoolCell.Kind.OUTSIDE),
                last.cells().stream().map(PoolCell::kind).toList());
        assertEquals(2, last.divisor());
        assertEquals(2f, last.value());
    }
}
