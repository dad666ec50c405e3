package org.convlab.data.xo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The pen rule reproduces the lesson's shapes exactly, so the drawn variants share their style. */
class XoShapesTest {
    @Test
    void theLessonsXIsTwoThinStrokesOfHalfSizeThree() throws Exception {
        int[][] golden = XoLessonTest.grid(XoLessonTest.golden().get("image_x"));
        assertArrayEquals(golden, XoShapes.x(4, 4, 3, 0, XoSampleSet.THIN));
    }

    @Test
    void theLessonsOIsAThinRingOfRadiusThree() {
        assertArrayEquals(XoLesson.load().o(), XoShapes.o(4, 4, 3, 3, 0, XoSampleSet.THIN));
    }

    @Test
    void turningACircleChangesNothingAndTurningAnXByNinetyDegreesNeither() {
        assertArrayEquals(XoShapes.o(4, 4, 3, 3, 0, 0.5), XoShapes.o(4, 4, 3, 3, 37, 0.5));
        assertArrayEquals(XoShapes.x(4, 4, 3, 0, 0.5), XoShapes.x(4, 4, 3, 90, 0.5));
    }

    @Test
    void shiftMovesInkAndLetsItFallOffTheEdge() {
        int[][] g = new int[9][9];
        for (int[] row : g) {
            java.util.Arrays.fill(row, -1);
        }
        g[0][8] = 1;
        g[4][4] = 1;
        int[][] s = XoShapes.shift(g, 1, 1);
        int[][] expected = new int[9][9];
        for (int[] row : expected) {
            java.util.Arrays.fill(row, -1);
        }
        expected[5][5] = 1;
        assertArrayEquals(expected, s);
    }
}
