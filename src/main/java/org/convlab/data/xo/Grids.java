package org.convlab.data.xo;

/** Small helpers for square +1/-1 pixel grids (int[row][column]). */
public final class Grids {
    private Grids() {}

    public static int[][] copy(int[][] g) {
        int[][] c = new int[g.length][];
        for (int r = 0; r < g.length; r++) {
            c[r] = g[r].clone();
        }
        return c;
    }

    /** Rows joined by newlines, '#' for ink (+1) and '.' for background (-1); for messages and tests. */
    public static String toText(int[][] g) {
        StringBuilder sb = new StringBuilder();
        for (int[] row : g) {
            for (int v : row) {
                sb.append(v > 0 ? '#' : '.');
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
