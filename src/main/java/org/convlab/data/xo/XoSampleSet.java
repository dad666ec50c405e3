package org.convlab.data.xo;

import java.util.ArrayList;
import java.util.List;

/**
 * The images of {@code sample-images/xo}: the lesson's X, deformed X and O, and the slides'
 * "trickier cases" for both classes (moved, scaled, rotated, heavier stroke). Each sample says
 * in words how it was made, so the folder README and the tests can name it.
 */
public final class XoSampleSet {
    /** One image: its class folder ({@code x} or {@code o}), file stem, recipe and pixels. */
    public record Sample(String label, String name, String recipe, int[][] grid) {
        public String fileName() {
            return name + ".png";
        }
    }

    /** The lesson's stroke: half a pixel either side of the line. */
    public static final double THIN = 0.5;
    /** A heavier pen: just under a pixel either side, so the strokes become two pixels wide. */
    public static final double HEAVY = 0.9;

    private XoSampleSet() {}

    public static List<Sample> all(XoLesson lesson) {
        List<Sample> s = new ArrayList<>();
        int[][] x = lesson.x();
        int[][] xd = lesson.xDeformed();
        int[][] o = lesson.o();
        s.add(new Sample("x", "x-01-canonical", "the lesson's 9x9 X", x));
        s.add(new Sample("x", "x-02-deformed", "the lesson's deformed X", xd));
        s.add(new Sample("x", "x-03-shifted-left", "X moved 1 pixel left", XoShapes.shift(x, 0, -1)));
        s.add(new Sample("x", "x-04-shifted-right", "X moved 1 pixel right", XoShapes.shift(x, 0, 1)));
        s.add(new Sample("x", "x-05-shifted-up", "X moved 1 pixel up", XoShapes.shift(x, -1, 0)));
        s.add(new Sample("x", "x-06-shifted-down-right", "X moved 1 pixel down and 1 right", XoShapes.shift(x, 1, 1)));
        s.add(new Sample("x", "x-07-small", "X with arms of half-size 2 (5x5)", XoShapes.x(4, 4, 2, 0, THIN)));
        s.add(new Sample("x", "x-08-large", "X with arms of half-size 4 (9x9, corner to corner)", XoShapes.x(4, 4, 4, 0, THIN)));
        s.add(new Sample("x", "x-09-rotated-15", "X turned 15 degrees clockwise", XoShapes.x(4, 4, 3, 15, THIN)));
        s.add(new Sample("x", "x-10-rotated-minus-15", "X turned 15 degrees anticlockwise", XoShapes.x(4, 4, 3, -15, THIN)));
        s.add(new Sample("x", "x-11-heavy", "X drawn with a heavier pen (half-width 0.9)", XoShapes.x(4, 4, 3, 0, HEAVY)));
        s.add(new Sample("x", "x-12-heavy-large", "large X with a heavier pen", XoShapes.x(4, 4, 4, 0, HEAVY)));
        s.add(new Sample("x", "x-13-deformed-shifted-up-left", "the deformed X moved 1 pixel up and 1 left", XoShapes.shift(xd, -1, -1)));
        s.add(new Sample("x", "x-14-deformed-shifted-right", "the deformed X moved 1 pixel right", XoShapes.shift(xd, 0, 1)));

        s.add(new Sample("o", "o-01-canonical", "the lesson's 9x9 O", o));
        s.add(new Sample("o", "o-02-shifted-left", "O moved 1 pixel left", XoShapes.shift(o, 0, -1)));
        s.add(new Sample("o", "o-03-shifted-right", "O moved 1 pixel right", XoShapes.shift(o, 0, 1)));
        s.add(new Sample("o", "o-04-shifted-up", "O moved 1 pixel up", XoShapes.shift(o, -1, 0)));
        s.add(new Sample("o", "o-05-shifted-down-right", "O moved 1 pixel down and 1 right", XoShapes.shift(o, 1, 1)));
        s.add(new Sample("o", "o-06-small", "O of radius 2", XoShapes.o(4, 4, 2, 2, 0, THIN)));
        s.add(new Sample("o", "o-07-large", "O of radius 4", XoShapes.o(4, 4, 4, 4, 0, THIN)));
        s.add(new Sample("o", "o-08-wide", "O stretched sideways (radii 3 down, 4 across)", XoShapes.o(4, 4, 3, 4, 0, THIN)));
        s.add(new Sample("o", "o-09-tall", "O stretched upwards (radii 4 down, 3 across)", XoShapes.o(4, 4, 4, 3, 0, THIN)));
        s.add(new Sample("o", "o-10-tall-rotated-30", "the tall O turned 30 degrees clockwise", XoShapes.o(4, 4, 4, 3, 30, THIN)));
        s.add(new Sample("o", "o-11-tall-rotated-minus-30", "the tall O turned 30 degrees anticlockwise", XoShapes.o(4, 4, 4, 3, -30, THIN)));
        s.add(new Sample("o", "o-12-heavy", "O drawn with a heavier pen (half-width 0.9)", XoShapes.o(4, 4, 3, 3, 0, HEAVY)));
        s.add(new Sample("o", "o-13-small-shifted", "O of radius 2 moved 2 up and 2 left", XoShapes.o(2, 2, 2, 2, 0, THIN)));
        return List.copyOf(s);
    }
}
