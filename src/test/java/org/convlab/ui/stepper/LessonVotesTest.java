package org.convlab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;

import org.convlab.data.xo.XoLesson;
import org.convlab.nn.Network;
import org.convlab.nn.layers.DenseLayer;
import org.convlab.trace.ActivationSnapshot;
import org.junit.jupiter.api.Test;

/**
 * preset:xo's vote weights (the lesson's) against exact arithmetic. The X's pooled numerators x_i
 * (over 9) are the golden relu_pooled_sums; the O's are not in the golden file, so a plain
 * integer reference below (match, ReLU, 2x2 ceil max pool) gives them, after reproducing the
 * golden X and deformed-X numbers. With d = x - o and c_i = 48 d_i - sum(d) (the centred
 * difference, times 48 to stay whole), w_X = 9 c / sum(x c), w_O = -w_X, and an input with pooled
 * numerators m gets the X total sum(m c) / sum(x c): exactly 1 for the clean X.
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

    /** The centred differences c_i = 48 (x_i - o_i) - sum(x - o), whole numbers. */
    private static long[] centred(int[] x, int[] o) {
        long sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] - o[i];
        }
        long[] c = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            c[i] = 48L * (x[i] - o[i]) - sum;
        }
        return c;
    }

    private static long dot(int[] m, long[] c) {
        long s = 0;
        for (int i = 0; i < m.length; i++) {
            s += m[i] * c[i];
        }
        return s;
    }

    /** The X total of an input with pooled numerators m, as the fraction {numerator, denominator}. */
    private static long[] xTotal(int[] m) {
        long[] c = centred(goldenPooledX(), pooledNumerators(LESSON.o()));
        long num = dot(m, c);
        long den = dot(goldenPooledX(), c);
        long g = BigInteger.valueOf(num).gcd(BigInteger.valueOf(den)).longValue();
        return new long[] {num / g, den / g};
    }

    @Test
    void voteWeightsAreTheCentredDifferenceOfTheTemplates() {
        Network net = LessonNetwork.build(LESSON);
        DenseLayer dense = (DenseLayer) net.layers().get(4);
        float[] w = dense.weight().value();
        int[] nx = goldenPooledX();
        long[] c = centred(nx, pooledNumerators(LESSON.o()));
        assertEquals(220, java.util.Arrays.stream(nx).sum()); // the golden X's pooled numerators add up to 220
        assertEquals(158, java.util.Arrays.stream(pooledNumerators(LESSON.o())).sum());
        assertEquals(0, java.util.Arrays.stream(c).sum(), "centred: the weights add up to 0");
        long norm = dot(nx, c);
        assertEquals(10072, norm);
        for (int i = 0; i < 48; i++) {
            assertEquals(9.0 * c[i] / norm, w[i], 1e-7, "X weight " + i);
            assertEquals(-9.0 * c[i] / norm, w[48 + i], 1e-7, "O weight " + i);
        }
        assertArrayEquals(new float[] {0f, 0f}, dense.bias().value());
    }

    @Test
    void theLessonsNetworkIsPresetXoAsEveryoneBuildsIt() {
        Network lesson = LessonNetwork.build(LESSON);
        Network preset = Network.build(org.convlab.model.Presets.get("xo").network(), 42); // any seed
        assertEquals(java.util.List.of(), preset.initialisedWeights(), "preset:xo carries every weight");
        for (int i = 0; i < lesson.parameters().size(); i++) {
            assertArrayEquals(preset.parameters().get(i).value(), lesson.parameters().get(i).value());
        }
    }

    @Test
    void xAndDeformedXVoteXAndOVotesOByAClearMargin() {
        Network net = LessonNetwork.build(LESSON);
        int[][][] images = {LESSON.x(), Golden.grid("image_x_deformed", null), LESSON.o()};
        // exact totals for X (the O's is the opposite): 1, 1537/5036 and -2521/2518
        long[][] want = {{1, 1}, {1537, 5036}, {-2521, 2518}};
        int[] answers = {0, 0, 1};
        for (int k = 0; k < images.length; k++) {
            long[] t = xTotal(pooledNumerators(images[k]));
            assertArrayEquals(want[k], t, "exact X total of image " + k);
            double forX = (double) t[0] / t[1];
            ActivationSnapshot s = ActivationSnapshot.capture(net, LessonNetwork.input(images[k]));
            float[] totals = s.layer(4).data();
            assertEquals(forX, totals[0], 1e-6, "X total of image " + k);
            assertEquals(-forX, totals[1], 1e-6, "O total of image " + k);
            float[] p = s.probabilities();
            double pX = 1 / (1 + Math.exp(-2 * forX)); // softmax of (t, -t)
            assertEquals(pX, p[0], 1e-6, "softmax of image " + k);
            assertEquals(answers[k], p[0] > p[1] ? 0 : 1, "the network answers image " + k);
        }
    }
}
