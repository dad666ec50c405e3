package org.convlab.trace;

/**
 * One cell of a convolution window: kernel position (row, col) of input channel {@code channel},
 * the input pixel it lands on ({@code inputRow}, {@code inputCol}, which may lie in the padding),
 * and pixel x weight. A padding cell has pixel 0 and adds nothing (the engine skips it).
 */
public record ConvTerm(int channel, int row, int col, int inputRow, int inputCol, boolean padding,
                       float pixel, float weight, float product) {
}
