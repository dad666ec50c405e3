package org.convlab.trace;

/**
 * One cell of a pooling window in input coordinates. {@code REAL} cells hold an input value;
 * {@code PADDING} cells lie in the zero padding (never win a max, count in an average's divisor);
 * {@code OUTSIDE} cells hang past the padded input in ceil mode: the partial edge window the slides
 * keep (7x7 pooled 2x2 stride 2 gives 4x4), which neither wins nor counts.
 */
public record PoolCell(int row, int col, Kind kind, float value) {
    public enum Kind { REAL, PADDING, OUTSIDE }
}
