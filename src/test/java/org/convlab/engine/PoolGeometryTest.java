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
}
