package org.convlab.engine.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** Vector API part of {@code Losses}; only loaded when {@code Simd.AVAILABLE}. */
public final class LossesSimd {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private LossesSimd() {}

    /** dPred[from, to) = scale (pred - target); returns sum (pred - target)^2 of the range. */
    public static double squaredError(float[] dPred, float[] pred, float[] target, int from, int to, float scale) {
        int bound = from + S.loopBound(to - from);
        FloatVector sums = FloatVector.zero(S);
        int i = from;
        for (; i < bound; i += S.length()) {
            FloatVector d = FloatVector.fromArray(S, pred, i).sub(FloatVector.fromArray(S, target, i));
            d.mul(scale).intoArray(dPred, i);
            sums = sums.add(d.mul(d));
        }
        double sum = Lanes.sum(sums);
        for (; i < to; i++) {
            float d = pred[i] - target[i];
            dPred[i] = scale * d;
            sum += d * d;
        }
        return sum;
    }
}
