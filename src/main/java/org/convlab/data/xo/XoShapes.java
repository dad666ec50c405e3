package org.convlab.data.xo;

/**
 * Draws X's and O's on a 9x9 grid the way a pen would: a pixel is ink (+1) when its centre lies
 * closer than {@code halfWidth} to the stroke. With the lesson's settings (centre 4,4; X arms of
 * half-size 3; O of radius 3; half-width 0.5) this reproduces the lesson's X and O exactly, and
 * changing one number gives the slides' "trickier cases": moved, scaled, rotated, heavier.
 * StrictMath keeps the pictures identical on every JVM.
 */
public final class XoShapes {
    public static final int N = XoLesson.IMAGE_SIZE;

    private XoShapes() {}

    /**
     * An X: two strokes through ({@code row}, {@code col}) at 45 and 135 degrees plus
     * {@code angleDeg} (clockwise on screen), each reaching {@code halfSize} pixels along both
     * axes from the centre before rotation.
     */
    public static int[][] x(double row, double col, double halfSize, double angleDeg, double halfWidth) {
        double a = Math.toRadians(angleDeg);
        double cos = StrictMath.cos(a);
        double sin = StrictMath.sin(a);
        // Arm ends before rotation, as (dRow, dCol): down-right and down-left.
        double[][] ends = {{halfSize, halfSize}, {halfSize, -halfSize}};
        int[][] g = new int[N][N];
        for (int r = 0; r < N; r++) {
            for (int c = 0; c < N; c++) {
                boolean ink = false;
                for (double[] e : ends) {
                    // Rotate clockwise on screen (rows grow downwards).
                    double er = e[0] * cos + e[1] * sin;
                    double ec = -e[0] * sin + e[1] * cos;
                    double d = distanceToSegment(r, c, row - er, col - ec, row + er, col + ec);
                    ink |= d < halfWidth;
                }
                g[r][c] = ink ? 1 : -1;
            }
        }
        return g;
    }

    /**
     * An O: the ring of an ellipse centred at ({@code row}, {@code col}) with radii
     * {@code radiusRows} (vertical) and {@code radiusCols} (horizontal) before it is turned by
     * {@code angleDeg} clockwise. For a circle this is exactly |distance - radius| < halfWidth.
     */
    public static int[][] o(double row, double col, double radiusRows, double radiusCols,
                            double angleDeg, double halfWidth) {
        double a = Math.toRadians(angleDeg);
        double cos = StrictMath.cos(a);
        double sin = StrictMath.sin(a);
        double meanRadius = (radiusRows + radiusCols) / 2;
        int[][] g = new int[N][N];
        for (int r = 0; r < N; r++) {
            for (int c = 0; c < N; c++) {
                double dr = r - row;
                double dc = c - col;
                // Back into the ellipse's own frame (undo the clockwise turn).
                double u = dr * cos - dc * sin;
                double v = dr * sin + dc * cos;
                double rho = StrictMath.sqrt((u / radiusRows) * (u / radiusRows) + (v / radiusCols) * (v / radiusCols));
                g[r][c] = Math.abs(rho - 1) * meanRadius < halfWidth ? 1 : -1;
            }
        }
        return g;
    }

    /** The grid moved by whole pixels; what slides off is lost, what comes in is background. */
    public static int[][] shift(int[][] g, int dRow, int dCol) {
        int[][] out = new int[N][N];
        for (int r = 0; r < N; r++) {
            for (int c = 0; c < N; c++) {
                int sr = r - dRow;
                int sc = c - dCol;
                out[r][c] = sr >= 0 && sr < N && sc >= 0 && sc < N ? g[sr][sc] : -1;
            }
        }
        return out;
    }

    private static double distanceToSegment(double pr, double pc, double ar, double ac, double br, double bc) {
        double vr = br - ar;
        double vc = bc - ac;
        double len2 = vr * vr + vc * vc;
        double t = len2 == 0 ? 0 : ((pr - ar) * vr + (pc - ac) * vc) / len2;
        t = Math.max(0, Math.min(1, t));
        double dr = pr - (ar + t * vr);
        double dc = pc - (ac + t * vc);
        return StrictMath.sqrt(dr * dr + dc * dc);
    }
}
