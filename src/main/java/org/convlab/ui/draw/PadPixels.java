package org.convlab.ui.draw;

/**
 * The draw pad's picture: ink fractions in [0, 1], row major, at the model's input resolution.
 * Plain data with the pad's edits (paint, toggle, clear, invert, shift), kept apart from the view
 * so it can be tested without a screen.
 */
public final class PadPixels {
    private final int height;
    private final int width;
    private final float[] ink;

    public PadPixels(int height, int width) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("pad size " + height + "x" + width);
        }
        this.height = height;
        this.width = width;
        this.ink = new float[height * width];
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public float get(int row, int col) {
        return ink[row * width + col];
    }

    public void set(int row, int col, float value) {
        if (row >= 0 && row < height && col >= 0 && col < width) {
            ink[row * width + col] = Math.max(0f, Math.min(1f, value));
        }
    }

    /** A copy of the ink fractions, row major. */
    public float[] values() {
        return ink.clone();
    }

    /**
     * A round pen stroke at one pixel: full ink in the centre, and for pens wider than a pixel
     * half ink on the four neighbours (never lightening a darker pixel), as a pen on paper does.
     */
    public void paint(int row, int col, boolean soft) {
        raise(row, col, 1f);
        if (soft) {
            raise(row - 1, col, 0.5f);
            raise(row + 1, col, 0.5f);
            raise(row, col - 1, 0.5f);
            raise(row, col + 1, 0.5f);
        }
    }

    private void raise(int row, int col, float value) {
        if (row >= 0 && row < height && col >= 0 && col < width) {
            int i = row * width + col;
            ink[i] = Math.max(ink[i], value);
        }
    }

    public void clear() {
        java.util.Arrays.fill(ink, 0f);
    }

    /** Ink becomes paper and paper ink: p -> 1 - p. */
    public void invert() {
        for (int i = 0; i < ink.length; i++) {
            ink[i] = 1f - ink[i];
        }
    }

    /**
     * Moves the picture by (dRow, dCol) pixels; what moves out is lost, what comes in is blank,
     * to show that a convolution's features follow a shifted shape.
     */
    public void shift(int dRow, int dCol) {
        float[] old = ink.clone();
        java.util.Arrays.fill(ink, 0f);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int sr = r - dRow;
                int sc = c - dCol;
                if (sr >= 0 && sr < height && sc >= 0 && sc < width) {
                    ink[r * width + c] = old[sr * width + sc];
                }
            }
        }
    }
}
