package org.convlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PoolGeometryTest {
    @Test
    void xoSlidesCeilModeGivesFourByFour() {
        PoolGeometry g = new PoolGeometry(1, 3, 7, 7, 2, 2, 0, true);
        assertEquals(4, g.outHeight());
        assertEquals(4, g.outWidth());
    }

    @Test
    void floorModeDropsThePartialWindow() {
        PoolGeometry g = new PoolGeometry(1, 3, 7, 7, 2, 2, 0, false);
        assertEquals(3, g.outHeight());
        assertEquals(3, g.outWidth());
    }

    @Test
    void alexNetOverlappingPool() {
        // (55 - 3)/2 + 1 = 27, the same in both modes
        assertEquals(27, PoolGeometry.outSize(55, 3, 2, 0, false));
        assertEquals(27, PoolGeometry.outSize(55, 3, 2, 0, true));
        // ZFNet/GoogLeNet style: 112 w3 s2 ceil -> ceil(109/2) + 1 = 56, floor -> 55
        assertEquals(56, PoolGeometry.outSize(112, 3, 2, 0, true));
        assertEquals(55, PoolGeometry.outSize(112, 3, 2, 0, false));
    }

    @Test
    void ceilModeWindowMayNotStartInTheRightPadding() {
        // 5 + 2 - 2 = 5, ceil(5/2) + 1 = 4, but the 4th window would start at 3*2 - 1 = 5: right padding
        assertEquals(3, PoolGeometry.outSize(5, 2, 2, 1, true));
        // torch: MaxPool2d(3, 2, padding=1, ceil_mode=True) on 6 -> ceil(5/2) + 1 = 4, start 5 < 6 + 1
        assertEquals(4, PoolGeometry.outSize(6, 3, 2, 1, true));
        assertEquals(3, PoolGeometry.outSize(6, 3, 2, 1, false));
    }

    @Test
    void sizesAreCounted() {
        PoolGeometry g = new PoolGeometry(3, 5, 7, 9, 3, 2, 1, true);
        assertEquals(4, g.outHeight());
        assertEquals(5, g.outWidth());
        assertEquals(3 * 5 * 4 * 5, g.outSize());
        assertEquals(3 * 5 * 7 * 9, g.inSize());
    }

    @Test
    void rejectsImpossibleGeometry() {
        assertThrows(IllegalArgumentException.class, () -> new PoolGeometry(1, 1, 2, 2, 3, 1, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new PoolGeometry(1, 1, 8, 8, 2, 2, 2, false));
        assertThrows(IllegalArgumentException.class, () -> new PoolGeometry(1, 1, 8, 8, 2, 0, 0, false));
    }

    @Test
    void maxPool1dIsAOneRowWindowOnAOneRowMap() {
        // PyTorch MaxPool1d(2) on length 9: floor((9 - 2)/2) + 1 = 4; the single row stays one row
        PoolGeometry g = new PoolGeometry(2, 3, 1, 9, 1, 2, 2, 0, 0, false);
        assertEquals(1, g.outHeight());
        assertEquals(4, g.outWidth());
        assertEquals(2, g.windowArea());
        assertEquals(2 * 3 * 4, g.outSize());
    }

    @Test
    void eachAxisHasItsOwnWindowPaddingAndCeilRule() {
        // window 2x3, stride 2, padding [1, 1], ceil, on 5x6:
        // rows: ceil((5 - 2 + 2)/2) + 1 = 4, but window 4 would start at 3*2 - 1 = 5, the right padding -> 3
        // cols: ceil((6 - 3 + 2)/2) + 1 = 4, window 4 starts at 3*2 - 1 = 5 < 6 + 1: kept
        PoolGeometry g = new PoolGeometry(1, 1, 5, 6, 2, 3, 2, 1, 1, true);
        assertEquals(3, g.outHeight());
        assertEquals(4, g.outWidth());
        // window 2x3, stride 2, padding [0, 1], floor, on 7x6: (7 - 2)/2 + 1 = 3 rows, (6 - 3 + 2)/2 + 1 = 3 cols
        PoolGeometry f = new PoolGeometry(1, 1, 7, 6, 2, 3, 2, 0, 1, false);
        assertEquals(3, f.outHeight());
        assertEquals(3, f.outWidth());
        assertEquals(-1, f.windowLeft(0));
        assertEquals(0, f.windowTop(0));
        assertEquals(4, f.windowTop(2));
        assertEquals(3, f.windowLeft(2));
    }

    @Test
    void paddingMayBeAtMostHalfTheWindowOnEachAxis() {
        // a 1x3 window may pad its columns by 1 but not its rows
        new PoolGeometry(1, 1, 1, 10, 1, 3, 2, 0, 1, true);
        assertThrows(IllegalArgumentException.class, () -> new PoolGeometry(1, 1, 1, 10, 1, 3, 2, 1, 1, true));
        assertThrows(IllegalArgumentException.class, () -> new PoolGeometry(1, 1, 4, 10, 3, 2, 2, 1, 2, true));
        // a 1x2 window does not fit a 1-row map in height when it is 2x1
        assertThrows(IllegalArgumentException.class, () -> new PoolGeometry(1, 1, 1, 10, 2, 1, 2, 0, 0, false));
    }
}
