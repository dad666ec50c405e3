package org.convlab.trace;

/**
 * One input's vote for one class in a fully connected layer: the input value times its weight.
 * {@code channel}, {@code row}, {@code col} locate the input in the C x H x W map before flattening
 * (C, H, W order, as PyTorch flattens). {@code runningTotal} is the sum of this vote and every
 * vote listed before it in the ledger's order.
 */
public record Vote(int input, int channel, int row, int col, float value, float weight, float product,
                   float runningTotal) {
}
