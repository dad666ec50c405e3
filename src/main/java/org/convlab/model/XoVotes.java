package org.convlab.model;

/**
 * The vote weights of {@code preset:xo}, derived from the lesson's X and O (the slides give no
 * numbers, only "every value gets a vote"). Each pooled value votes for X by how much more it
 * lights up on the X than on the O, measured against the average such difference:
 * <pre>
 *   d_i = x_i - o_i                      (pooled numerators over 9 of the X and the O templates)
 *   c_i = 48 d_i - sum_j d_j             (48 x (d_i - mean d): whole numbers that add up to 0)
 *   w_X,i = 9 c_i / sum_j x_j c_j        (so the clean X's X total is exactly 1)
 *   w_O,i = -w_X,i,  bias 0
 * </pre>
 * Why centred: the X lights up more pooled values than the O (numerators add up to 220 against
 * 158), so plain differences x - o would favour any bright image and call the O a tie. Weights
 * that add up to 0 give an image that lights up every value alike no vote either way; then the
 * clean X totals +1 for X and -1 for O, and the O -1.001 and +1.001 (softmax 88% each way).
 * Everything is whole-number arithmetic on the lesson's pixels (match, ReLU, 2x2 max pooling
 * keeping the partial edge windows, as the preset's layers do), so the weights are exact
 * fractions rounded once to float. Pure Java: {@code model} may not import the engine's network.
 */
final class XoVotes {
    static final int SIZE = 9;
    static final int MAP = SIZE - 2;
    static final int POOLED = (MAP + 1) / 2;

    private XoVotes() {}

    /**
     * The dense weight [2, features * 4 * 4] (row 0 votes X, row 1 votes O) for the given X and O
     * images (9x9, +1/-1) and 3x3 features, in C, H, W order as the network flattens.
     */
    static ParamData weights(int[][] x, int[][] o, int[][][] features) {
        long[] c = centredDifference(pooled(x, features), pooled(o, features));
        int[] nx = pooled(x, features);
        long norm = 0;
        for (int i = 0; i < c.length; i++) {
            norm += (long) nx[i] * c[i];
        }
        if (norm <= 0) {
            throw new IllegalStateException("the X and the O templates do not differ: no vote separates them");
        }
        float[] w = new float[2 * c.length];
        for (int i = 0; i < c.length; i++) {
            double weight = 9.0 * c[i] / norm; // one rounding: a double quotient of whole numbers, then float
            w[i] = (float) weight;
            w[c.length + i] = (float) -weight;
        }
        return new ParamData(new int[] {2, c.length}, w);
    }

    /** 48 (d_i - mean d) for d = x - o: whole numbers adding up to 0. */
    static long[] centredDifference(int[] x, int[] o) {
        long total = 0;
        for (int i = 0; i < x.length; i++) {
            total += x[i] - o[i];
        }
        long[] c = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            c[i] = (long) x.length * (x[i] - o[i]) - total;
        }
        return c;
    }

    /** The pooled numerators (over 9) of an image: match every feature, ReLU, 2x2 max pool with ceil. */
    static int[] pooled(int[][] image, int[][][] features) {
        int[] out = new int[features.length * POOLED * POOLED];
        for (int f = 0; f < features.length; f++) {
            int[][] map = match(image, features[f]);
            for (int r = 0; r < POOLED; r++) {
                for (int col = 0; col < POOLED; col++) {
                    int best = 0; // ReLU first: nothing below 0
                    for (int y = 2 * r; y < Math.min(2 * r + 2, MAP); y++) {
                        for (int xx = 2 * col; xx < Math.min(2 * col + 2, MAP); xx++) {
                            best = Math.max(best, map[y][xx]);
                        }
                    }
                    out[(f * POOLED + r) * POOLED + col] = best;
                }
            }
        }
        return out;
    }

    private static int[][] match(int[][] image, int[][] feature) {
        int[][] map = new int[MAP][MAP];
        for (int r = 0; r < MAP; r++) {
            for (int c = 0; c < MAP; c++) {
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        map[r][c] += image[r + i][c + j] * feature[i][j];
                    }
                }
            }
        }
        return map;
    }
}
