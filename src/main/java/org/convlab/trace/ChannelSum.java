package org.convlab.trace;

import java.util.List;

/**
 * One input channel's share of a convolution window: its terms in kernel row-major order (padding
 * cells included) and their sum. The slides: "convolve each input channel with its own kernel, sum".
 */
public record ChannelSum(int channel, List<ConvTerm> terms, float partialSum) {
    public ChannelSum {
        terms = List.copyOf(terms);
    }
}
