package org.convlab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convlab.MemoryGuard;

/**
 * Why convolution, in numbers (the slides' "8x8 image, 3x3 filter, stride 1: total connections?
 * 6x6x1 x 3x3x1. What would it have been fully connected? Total unique parameters? 3x3x1 + bias").
 * For one conv layer:
 * <ul>
 *   <li>its <b>connections</b>: every output value is joined to one window of the input, so
 *       outputs x window size ({@code 6x6x1 x 3x3x1 = 324}); one multiply-add each;</li>
 *   <li>its <b>parameters</b>: the filters' weights and biases ({@code 3x3x1 + 1 = 10}), shared by
 *       all those connections;</li>
 *   <li>the weights a <b>dense layer</b> joining the same input to the same output would need:
 *       every input value to every output value ({@code 64 x 36 = 2,304});</li>
 *   <li>the <b>ratio</b> of the two, how many times fewer numbers the conv has to learn.</li>
 * </ul>
 * Counts saturate at 2^63 - 1 ({@link MemoryGuard#times}) rather than wrap: a dense layer from
 * one huge volume to another can pass what a long holds, and is then printed as "more than".
 */
public record WhyConvolution(String layer, long outputs, long window, long inputs, long params, long connections,
                             long denseWeights) {

    /** One conv layer: {@code outputs} values, each from a window of {@code window} input values. */
    public static WhyConvolution layer(String name, long outputs, long window, long inputs, long params) {
        return new WhyConvolution(name, outputs, window, inputs, params, MemoryGuard.times(outputs, window),
                MemoryGuard.times(inputs, outputs));
    }

    /** How many times more numbers the dense layer would learn than the conv (its params, biases too). */
    public double ratio() {
        return params == 0 ? Double.POSITIVE_INFINITY : (double) denseWeights / params;
    }

    /** Every conv layer of {@code s} in order, those inside blocks (inception, residual) too. */
    public static List<WhyConvolution> of(ModelSummary s) {
        List<WhyConvolution> out = new ArrayList<>();
        collect(s.layers(), out);
        return out;
    }

    /** One conv layer's figures (its window is its multiply-adds per output value). */
    public static WhyConvolution of(LayerInfo conv) {
        long outputs = conv.outputDims().count();
        long window = outputs == 0 ? 0 : conv.multiplyAdds() / outputs;
        return layer(conv.name(), outputs, window, conv.inputDims().count(), conv.params());
    }

    private static void collect(List<LayerInfo> layers, List<WhyConvolution> out) {
        for (LayerInfo l : layers) {
            if (l.spec() instanceof ConvSpec) {
                out.add(of(l));
            }
            for (List<LayerInfo> branch : l.branches()) {
                collect(branch, out);
            }
        }
    }

    /**
     * The totals over {@code layers}: connections, params and dense weights each summed
     * (saturating); outputs, window and inputs are 0, as they do not add up.
     */
    public static WhyConvolution total(List<WhyConvolution> layers) {
        long connections = 0;
        long params = 0;
        long dense = 0;
        for (WhyConvolution w : layers) {
            connections = MemoryGuard.plus(connections, w.connections());
            params = MemoryGuard.plus(params, w.params());
            dense = MemoryGuard.plus(dense, w.denseWeights());
        }
        return new WhyConvolution("total", 0, 0, 0, params, connections, dense);
    }

    /** {@code 230x}, {@code 1,024x}, {@code 2.5x}, or {@code no params} for a conv without any. */
    public static String ratioText(double r) {
        if (Double.isInfinite(r)) {
            return "no params to compare";
        }
        return r >= 10 ? String.format(Locale.ROOT, "%,.0fx", r) : String.format(Locale.ROOT, "%.1fx", r);
    }

    /** A count, or "more than 9,223,372,036,854,775,806" where it saturated. */
    public static String count(long n) {
        return n == Long.MAX_VALUE ? "more than " + SummaryReport.thousands(Long.MAX_VALUE - 1) : SummaryReport.thousands(n);
    }
}
