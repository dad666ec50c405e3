package org.convlab.trace;

import java.util.List;

/**
 * One output of a pooling layer: the {@code windowHeight x windowWidth} window (every cell, row by
 * row, including partial edge cells), the value picked (the max, or the average = sum / divisor)
 * and for max pooling the winning cell.
 *
 * @param argmaxRow input row of the max (-1 for average pooling)
 * @param argmaxCol input column of the max (-1 for average pooling)
 * @param sum       sum of the real cells (average pooling; 0 for max)
 * @param divisor   cells counted by the average (PyTorch's count_include_pad); 1 for max
 */
public record PoolStep(int channel, int outRow, int outCol, int windowTop, int windowLeft, int windowHeight,
                       int windowWidth, boolean max, List<PoolCell> cells, float value, int argmaxRow, int argmaxCol,
                       float sum, int divisor) {
    public PoolStep {
        cells = List.copyOf(cells);
    }

    /** Whether part of the window lies outside the input (in the padding or past it). */
    public boolean partial() {
        return cells.stream().anyMatch(c -> c.kind() != PoolCell.Kind.REAL);
    }
}
