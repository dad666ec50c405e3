package org.convlab.model;

import java.util.Arrays;
import java.util.List;
import org.convlab.UserInputException;

/**
 * Shape inference of the layers that make maps larger: transposed convolution and upsampling
 * (see {@link ShapeInference} for what a {@link LayerInfo} holds).
 *
 * <p>Receptive field and jump: after such a layer neighbouring outputs are {@code jump / s} input
 * pixels apart, which need not be a whole number; the jump is rounded up there, so receptive
 * fields after an upsampling layer are upper bounds. A transposed-convolution output reads the
 * input values whose stamps reach it: at most {@code floor(d(k - 1)/s) + 1} per axis, so the field
 * grows by {@code floor(d(k - 1)/s) * jump}. Nearest upsampling reads one input value (the field
 * is unchanged); bilinear reads two per axis.
 */
final class TransposedInference {
    private TransposedInference() {}

    static LayerInfo convTranspose(ConvTransposeSpec t, Dims in, ShapeInference.Field f) {
        long[] pad = ShapeInference.padding(t.padding(), t.kernelHeight(), t.kernelWidth(), t.dilation());
        String input = "the " + in.height() + "x" + in.width() + " input";
        SizeFormula.Axis h = SizeFormula.convTranspose(t.label(), input, in.height(), t.kernelHeight(), pad[0],
                t.stride(), t.outputPadRows(), t.dilation());
        SizeFormula.Axis w = SizeFormula.convTranspose(t.label(), input, in.width(), t.kernelWidth(), pad[1],
                t.stride(), t.outputPadCols(), t.dilation());
        boolean oneD = in.height() == 1 && t.kernelHeight() == 1 && pad[0] == 0 && t.outputPadRows() == 0;
        Dims out = ShapeInference.counted(t, new Dims(t.filters(), h.size(), w.size()), SizeFormula.join(h, w, false));
        long[] wShape = {in.channels(), t.filters(), t.kernelHeight(), t.kernelWidth()};
        if (t.weight() != null && !ShapeInference.hasShape(t.weight(), wShape)) {
            throw new UserInputException(t.label() + ".weight: shape must be " + Arrays.toString(wShape)
                    + " ([C_in, filters, KH, KW]) for a " + in.channels() + "-channel input, got "
                    + Arrays.toString(t.weight().shape()));
        }
        long weights = Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(in.channels(), (long) t.filters()),
                t.kernelHeight()), t.kernelWidth());
        // only the stamps' products that land inside the output (not on the cut padding) are counted
        long pairs = Math.multiplyExact(
                landing(in.height(), t.kernelHeight(), t.stride(), pad[0], t.dilation(), h.size()),
                landing(in.width(), t.kernelWidth(), t.stride(), pad[1], t.dilation(), w.size()));
        long macs = Math.multiplyExact(Math.multiplyExact(pairs, in.channels()), t.filters());
        ShapeInference.Field g = new ShapeInference.Field(
                Math.addExact(f.height(), Math.multiplyExact(reachIn(t.kernelHeight(), t.dilation(), t.stride()), f.jump())),
                Math.addExact(f.width(), Math.multiplyExact(reachIn(t.kernelWidth(), t.dilation(), t.stride()), f.jump())),
                ceilDiv(f.jump(), t.stride()));
        return new LayerInfo(t, in, out, pad, SizeFormula.join(h, w, oneD), g.height(), g.width(), g.jump(), weights,
                t.bias() ? t.filters() : 0, out.count(), macs, false, wShape, List.of());
    }

    static LayerInfo upsample(UpsampleSpec u, Dims in, ShapeInference.Field f) {
        SizeFormula.Axis h = SizeFormula.upsample(in.height(), u.scale());
        SizeFormula.Axis w = SizeFormula.upsample(in.width(), u.scale());
        Dims out = ShapeInference.counted(u, new Dims(in.channels(), h.size(), w.size()), SizeFormula.join(h, w, false));
        long grow = u.mode() == UpsampleSpec.Mode.BILINEAR && u.scale() > 1 ? f.jump() : 0;
        return new LayerInfo(u, in, out, null, SizeFormula.join(h, w, false), Math.addExact(f.height(), grow),
                Math.addExact(f.width(), grow), ceilDiv(f.jump(), u.scale()), 0, 0, out.count(), 0, false, null, List.of());
    }

    /** Input positions, minus one, that one output reads at most: floor(d(k - 1)/s). */
    private static long reachIn(long k, long d, long s) {
        return Math.multiplyExact(d, k - 1) / s;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /**
     * Pairs (input index ih in [0, i), kernel tap j in [0, k)) whose product lands inside the
     * output on one axis: 0 <= ih*s - p + j*d < o. The sum runs over the shorter of the two
     * ranges (a kernel or an input of millions is counted in a short loop).
     */
    static long landing(long i, long k, long s, long p, long d, long o) {
        return i < k ? landingOver(i, s, k, d, p, o) : landingOver(k, d, i, s, p, o);
    }

    /** Sum over a in [0, count) of the b in [0, other) with 0 <= a*step - p + b*otherStep < o. */
    private static long landingOver(long count, long step, long other, long otherStep, long p, long o) {
        long pairs = 0;
        for (long a = 0; a < count; a++) {
            long offset = Math.subtractExact(Math.multiplyExact(a, step), p); // where b = 0 lands
            long first = offset >= 0 ? 0 : ceilDiv(-offset, otherStep);
            long last = offset >= o ? -1 : Math.min(other - 1, Math.floorDiv(o - 1 - offset, otherStep));
            if (last >= first) {
                pairs = Math.addExact(pairs, last - first + 1);
            }
        }
        return pairs;
    }
}
