package org.convlab.data.xo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads every PNG in sample-images/xo and compares it with the grid it is meant to hold. The
 * intended grids are worked out here from the slides' golden X, the lesson's O and the
 * transformation the file name states, with plain index arithmetic rather than the generator's
 * drawing code, so a generator bug shows up as a failure.
 */
class XoSampleImagesTest {
    static final int N = 9;
    static final Path ROOT = Path.of(System.getProperty("convlab.repo", ".")).resolve("sample-images/xo");

    interface Rule {
        boolean ink(int r, int c);
    }

    static int[][] draw(Rule rule) {
        int[][] g = new int[N][N];
        for (int r = 0; r < N; r++) {
            for (int c = 0; c < N; c++) {
                g[r][c] = rule.ink(r, c) ? 1 : -1;
            }
        }
        return g;
    }

    static int[][] moved(int[][] g, int down, int right) {
        return draw((r, c) -> {
            int sr = r - down;
            int sc = c - right;
            return sr >= 0 && sr < N && sc >= 0 && sc < N && g[sr][sc] == 1;
        });
    }

    static int[][] mirrored(int[][] g) {
        return draw((r, c) -> g[r][N - 1 - c] == 1);
    }

    static int[][] transposed(int[][] g) {
        return draw((r, c) -> g[c][r] == 1);
    }

    /** Both diagonals through the middle, reaching k pixels out (k = 3 is the slides' X). */
    static int[][] xOfHalfSize(int k) {
        return draw((r, c) -> Math.abs(r - 4) == Math.abs(c - 4) && Math.abs(r - 4) <= k);
    }

    /** The X with its staircases filled: each diagonal step also inks the two pixels it cuts across. */
    static int[][] heavyX(int k) {
        return draw((r, c) -> (Math.abs(r - c) <= 1 || Math.abs(r + c - 8) <= 1)
                && Math.min(r, c) >= 4 - k && Math.max(r, c) <= 4 + k);
    }

    /** A ring: squared distance from (cr, cc) strictly above lo and at most hi (integers). */
    static int[][] ring(int cr, int cc, int lo, int hi) {
        return draw((r, c) -> {
            int d2 = (r - cr) * (r - cr) + (c - cc) * (c - cc);
            return d2 > lo && d2 <= hi;
        });
    }

    static int[][] grid(JsonNode rows) {
        int[][] g = new int[N][N];
        for (int r = 0; r < N; r++) {
            for (int c = 0; c < N; c++) {
                g[r][c] = rows.get(r).get(c).intValue();
            }
        }
        return g;
    }

    static JsonNode json(String resource) throws Exception {
        try (InputStream in = XoSampleImagesTest.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** File (class/name.png) -> the grid it must hold. */
    static Map<String, int[][]> intended() throws Exception {
        JsonNode golden = json("/golden/xo-seed.json");
        int[][] x = grid(golden.get("image_x"));
        int[][] xd = grid(golden.get("image_x_deformed"));
        int[][] o = grid(json("/org/convlab/xo/lesson.json").get("images").get("o"));
        Map<String, int[][]> m = new TreeMap<>();
        m.put("x/x-01-canonical.png", x);
        m.put("x/x-02-deformed.png", xd);
        m.put("x/x-03-shifted-left.png", moved(x, 0, -1));
        m.put("x/x-04-shifted-right.png", moved(x, 0, 1));
        m.put("x/x-05-shifted-up.png", moved(x, -1, 0));
        m.put("x/x-06-shifted-down-right.png", moved(x, 1, 1));
        m.put("x/x-07-small.png", xOfHalfSize(2));
        m.put("x/x-08-large.png", xOfHalfSize(4));
        m.put("x/x-11-heavy.png", heavyX(3));
        m.put("x/x-12-heavy-large.png", heavyX(4));
        m.put("x/x-13-deformed-shifted-up-left.png", moved(xd, -1, -1));
        m.put("x/x-14-deformed-shifted-right.png", moved(xd, 0, 1));
        m.put("o/o-01-canonical.png", o);
        m.put("o/o-02-shifted-left.png", moved(o, 0, -1));
        m.put("o/o-03-shifted-right.png", moved(o, 0, 1));
        m.put("o/o-04-shifted-up.png", moved(o, -1, 0));
        m.put("o/o-05-shifted-down-right.png", moved(o, 1, 1));
        // |d - R| < 0.5  <=>  R^2 - R < d^2 <= R^2 + R for integer d^2.
        m.put("o/o-06-small.png", ring(4, 4, 2, 6));
        m.put("o/o-07-large.png", ring(4, 4, 12, 20));
        // Heavy pen, half-width 0.9 around radius 3: 2.1 < d < 3.9, i.e. 4 < d^2 <= 15.
        m.put("o/o-12-heavy.png", ring(4, 4, 4, 15));
        m.put("o/o-13-small-shifted.png", ring(2, 2, 2, 6));
        return m;
    }

    static List<Path> pngs(String label) throws Exception {
        try (Stream<Path> s = Files.list(ROOT.resolve(label))) {
            return s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
    }

    @Test
    void eachClassFolderHoldsAtLeastTwelveImages() throws Exception {
        assertTrue(pngs("x").size() >= 12, "x/ has " + pngs("x").size());
        assertTrue(pngs("o").size() >= 12, "o/ has " + pngs("o").size());
        try (Stream<Path> s = Files.list(ROOT)) {
            assertEquals(List.of("README.md", "o", "x"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void everyImageReadsBackAsItsIntendedGrid() throws Exception {
        Map<String, int[][]> intended = intended();
        List<String> checked = new ArrayList<>();
        for (String label : List.of("x", "o")) {
            for (Path p : pngs(label)) {
                // readGrid refuses anything not 9x9 and pure black/white.
                int[][] g = XoImages.readGrid(p);
                String key = label + "/" + p.getFileName();
                if (intended.containsKey(key)) {
                    assertArrayEquals(intended.get(key), g, key + " holds\n" + Grids.toText(g));
                    checked.add(key);
                }
            }
        }
        assertEquals(intended.keySet(), new java.util.TreeSet<>(checked), "files worked out here but missing");
    }

    @Test
    void rotatedAndStretchedImagesAreMirrorImagesOfTheirTwins() throws Exception {
        int[][] xPlus = XoImages.readGrid(ROOT.resolve("x/x-09-rotated-15.png"));
        int[][] xMinus = XoImages.readGrid(ROOT.resolve("x/x-10-rotated-minus-15.png"));
        assertArrayEquals(mirrored(xPlus), xMinus);
        assertTrue(!java.util.Arrays.deepEquals(xPlus, XoImages.readGrid(ROOT.resolve("x/x-01-canonical.png"))));
        int[][] oPlus = XoImages.readGrid(ROOT.resolve("o/o-10-tall-rotated-30.png"));
        int[][] oMinus = XoImages.readGrid(ROOT.resolve("o/o-11-tall-rotated-minus-30.png"));
        assertArrayEquals(mirrored(oPlus), oMinus);
        assertArrayEquals(transposed(XoImages.readGrid(ROOT.resolve("o/o-08-wide.png"))),
                XoImages.readGrid(ROOT.resolve("o/o-09-tall.png")));
    }

    @Test
    void everyFileIsWhatTheGeneratorMakesToday() throws Exception {
        List<XoSampleSet.Sample> samples = XoSampleSet.all(XoLesson.load());
        assertEquals(pngs("x").size() + pngs("o").size(), samples.size(), "stale or missing files: rerun the generator");
        for (XoSampleSet.Sample s : samples) {
            Path p = ROOT.resolve(s.label()).resolve(s.fileName());
            assertArrayEquals(s.grid(), XoImages.readGrid(p), p + ": rerun XoSampleGenerator");
        }
    }
}
