package org.convlab.engine.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Vector API part of {@code Softmax} (and the fused cross-entropy); only loaded when {@code Simd.AVAILABLE}. */
public final class SoftmaxSimd {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    /** Rows shorter than this gain nothing from vectors (all of a 10-class row would be tail). */
    public static final int LANES = S.length();

    private SoftmaxSimd() {}

    /**
     * y[from, to) = softmax of x[from, to), shifted by the row maximum; returns the row's
     * log-sum-exp, max + ln(sum of exp(x - max)), which the cross-entropy needs.
     */
    public static double row(float[] y, float[] x, int from, int to) {
        int bound = from + S.loopBound(to - from);
        FloatVector maxes = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        int i = from;
        for (; i < bound; i += S.length()) {
            maxes = maxes.max(FloatVector.fromArray(S, x, i));
        }
        float max = maxes.reduceLanes(VectorOperators.MAX);
        for (; i < to; i++) {
            max = Math.max(max, x[i]);
        }
        FloatVector sums = FloatVector.zero(S);
        for (i = from; i < bound; i += S.length()) {
            FloatVector e = FloatVector.fromArray(S, x, i).sub(max).lanewise(VectorOperators.EXP);
            e.intoArray(y, i);
            sums = sums.add(e);
        }
        float sum = Lanes.sum(sums);
        for (; i < to; i++) {
            y[i] = (float) Math.exp(x[i] - max);
            sum += y[i];
        }
        for (i = from; i < bound; i += S.length()) {
            FloatVector.fromArray(S, y, i).div(sum).intoArray(y, i);
        }
        for (; i < to; i++) {
            y[i] /= sum;
        }
        return max + Math.log(sum);
    }

    /** dX[from, to) += y (dY - dot(dY, y)) over one row. */
    public static void backwardRow(float[] dX, float[] dY, float[] y, int from, int to) {
        int bound = from + S.loopBound(to - from);
        FloatVector dots = FloatVector.zero(S);
        int i = from;
        for (; i < bound; i += S.length()) {
            dots = dots.add(FloatVector.fromArray(S, dY, i).mul(FloatVector.fromArray(S, y, i)));
        }
        float dot = Lanes.sum(dots);
        for (; i < to; i++) {
            dot += dY[i] * y[i];
        }
        for (i = from; i < bound; i += S.length()) {
            FloatVector g = FloatVector.fromArray(S, y, i).mul(FloatVector.fromArray(S, dY, i).sub(dot));
            FloatVector.fromArray(S, dX, i).add(g).intoArray(dX, i);
        }
        for (; i < to; i++) {
            dX[i] += y[i] * (dY[i] - dot);
        }
    }
}
