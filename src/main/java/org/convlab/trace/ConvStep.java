package org.convlab.trace;

import java.util.List;

/**
 * One output value of a convolution, number by number, as {@code Conv2dReference.outputAt}
 * computes it: the window's origin on the (padded) input, every channel's terms and partial sum,
 * the total, then {@code / divisor} (the X/O "normalize") or {@code + bias}, and the value.
 *
 * @param filter     output channel
 * @param outRow     output row
 * @param outCol     output column
 * @param windowTop  input row of the window's top-left cell (negative inside the padding)
 * @param windowLeft input column of the window's top-left cell
 * @param stride     step between neighbouring windows
 * @param dilation   step between neighbouring cells of one window
 * @param channels   per input channel: terms and partial sum
 * @param sum        the engine's running sum after the last term (what it divides)
 * @param divisor    1 for an ordinary conv, C*KH*KW for a normalized one
 * @param hasBias    whether a bias is added
 * @param bias       the bias (0 without one)
 * @param value      the output value, bit for bit the engine's
 * @param whole      every pixel and weight of the window is a whole number (so {@code sum} is exact and
 *                   the value can be written as the fraction sum/divisor)
 */
public record ConvStep(int filter, int outRow, int outCol, int windowTop, int windowLeft, int stride, int dilation,
                       List<ChannelSum> channels, float sum, int divisor, boolean hasBias, float bias, float value,
                       boolean whole) {
    public ConvStep {
        channels = List.copyOf(channels);
    }

    /** Every term of every channel, channel by channel, each in kernel row-major order. */
    public List<ConvTerm> terms() {
        return channels.stream().flatMap(c -> c.terms().stream()).toList();
    }

    /** The value as the slides write it: {@code 5/9} or {@code 0.55} (with fractions only when exact). */
    public String valueText(ValueFormat format) {
        if (whole && !hasBias) {
            return format.ratio(sum, divisor, value);
        }
        return format.decimal(value);
    }
}
