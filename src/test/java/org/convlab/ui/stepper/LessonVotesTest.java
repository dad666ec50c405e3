package org.convlab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convlab.data.xo.XoLesson;
import org.convlab.nn.Network;
import org.convlab.nn.layers.DenseLayer;
import org.convlab.trace.ActivationSnapshot;
import org.junit.jupiter.api.Test;

/**
 * The lesson's template votes against exact arithmetic. The X's template is the golden
 * relu_pooled_sums (numerators n_i over 9), so its vote weights are n_i / sum(n) and an input with
 * pooled numerators m_i gets the X total sum(m_i n_i) / (9 sum(n)). The O's pooled numerators are
 * not in the golden file: they come from a plain integer reference below (match, ReLU, 2x2 ceil
 * max pool), which first has to reproduce the golden X and deformed-X numbers.
 */
class LessonVotesTest {
    private static final XoLesson LESSON = XoLesson.load();

    /** The pooled numerators of an image [3*4*4] (C, H, W order), in whole numbers. */
    private static int[] pooledNumerators(int[][] image) {
        int[] out = new int[3 * 16];
        for (int f = 0; f < 3; f++) {
            int[][] map = matchMap(image, Golden.grid("features", Golden.FEATURES[f]));
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 4; c++) {
                    int best = 0; // ReLU: nothing below 0
                    for (int y = 2 * r; y < Math.min(2 * r + 2, 7); y++) {
                        for (int x = 2 * c; x < Math.min(2 * c + 2, 7); x++) { // ceil mode: partial windows
                            best = Math.max(best, map[y][x]);
                        }
                    }
                    out[f * 16 + r * 4 + c] = best;
                }
            }
        }
        return out;
    }

    /** The 7x7 sums of feature x patch (the numerators over 9). */
    private static int[][] matchMap(int[][] image, int[][] feature) {
        int[][] map = new int[7][7];
        for (int r = 0; r < 7; r++) {
            for (int c = 0; c < 7; c++) {
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        map[r][c] += image[r + i][c + j] * feature[i][j];
                    }
                }
            }
        }
        return map;
    }

    private static int[] goldenPooledX() {
        int[] n = new int[48];
        for (int f = 0; f < 3; f++) {
            int[][] g = Golden.grid("relu_pooled_sums", Golden.FEATURES[f]);
            for (int i = 0; i < 16; i++) {
                n[f * 16 + i] = g[i / 4][i % 4];
            }
        }
        return n;
    }

    /** sum(m n) / (9 sum(n)): the total of an input with numerators m under template n. */
    private static double vote(int[] m, int[] n) {
        long dot = 0;
        long sum = 0;
        for (int i = 0; i < n.length; i++) {
            dot += (long) m[i] * n[i];
            sum += n[i];
        }
        return dot / (9.0 * sum);
    }

    @Test
    void theIntegerReferenceReproducesTheGoldenNumbers() {
        assertArrayEquals(goldenPooledX(), pooledNumerators(Golden.grid("image_x", null)));
        assertArrayEquals(LESSON.x()[4], Golden.grid("image_x", null)[4]); // the lesson's X is the slides'
        for (int f = 0; f < 3; f++) {
            int[][] deformed = matchMap(Golden.grid("image_x_deformed", null), Golden.grid("features", Golden.FEATURES[f]));
            int[][] golden = Golden.grid("deformed_feature_map_sums", Golden.FEATURES[f]);
            for (int r = 0; r < 7; r++) {
                assertArrayEquals(golden[r], deformed[r]);
            }
        }
    }

    @Test
    void voteWeightsAreTheTemplatesScaledToSumOne() {
        Network net = LessonNetwork.build(LESSON);
        DenseLayer dense = (DenseLayer) net.layers().get(4);
        float[] w = dense.weight().value();
        int[] nx = goldenPooledX();
        int[] no = pooledNumerators(LESSON.o());
        int sumX = 0;
        int sumO = 0;
        for (int i = 0; i < 48; i++) {
            sumX += nx[i];
            sumO += no[i];
        }
        assertEquals(220, sumX); // the golden X's pooled numerators add up to 220 (over 9)
        for (int i = 0; i < 48; i++) {
            assertEquals((double) nx[i] / sumX, w[i], 1e-7, "X weight " + i);
            assertEquals((double) no[i] / sumO, w[48 + i], 1e-7, "O weight " + i);
        }
        assertArrayEquals(new float[] {0f, 0f}, dense.bias().value());
    }

    @Test
    void xAndDeformedXVoteXAndOVotesO() {
        Network net = LessonNetwork.build(LESSON);
        int[] nx = goldenPooledX();
        int[] no = pooledNumerators(LESSON.o());
        // the clean X under its own template: sum(n^2) / (9 sum(n)) = 1312 / 1980 = 328/495
        long squares = 0;
        for (int v : nx) {
            squares += (long) v * v;
        }
        assertEquals(1312, squares);
        assertEquals(328 / 495.0, vote(nx, nx), 1e-15);
        int[][][] images = {LESSON.x(), Golden.grid("image_x_deformed", null), LESSON.o()};
        int[] answers = {0, 0, 1};
        for (int k = 0; k < images.length; k++) {
            int[] m = pooledNumerators(images[k]);
            double forX = vote(m, nx);
            double forO = vote(m, no);
            ActivationSnapshot s = ActivationSnapshot.capture(net, LessonNetwork.input(images[k]));
            float[] totals = s.layer(4).data();
            assertEquals(forX, totals[0], 1e-6, "X total of image " + k);
            assertEquals(forO, totals[1], 1e-6, "O total of image " + k);
            assertTrue(forX >= 0 && forX <= 1 && forO >= 0 && forO <= 1, "weighted averages of values in [0, 1]");
            assertEquals(answers[k], forX > forO ? 0 : 1, "exact arithmetic answers image " + k);
            float[] p = s.probabilities();
            assertEquals(answers[k], p[0] > p[1] ? 0 : 1, "the network answers image " + k);
        }
    }
}
