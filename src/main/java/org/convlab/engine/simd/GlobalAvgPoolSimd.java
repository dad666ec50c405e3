package org.convlab.engine.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** Vector API part of GlobalAvgPool; only loaded when {@code Simd.AVAILABLE}. */
public final class GlobalAvgPoolSimd {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private GlobalAvgPoolSimd() {}

    /** Sum of x[from, to): lane-wise partial sums, then the lanes, then the scalar tail. */
    public static float sum(float[] x, int from, int to) {
        FloatVector acc = FloatVector.zero(S);
        int i = from;
        for (int end = from + S.loopBound(to - from); i < end; i += S.length()) {
            acc = acc.add(FloatVector.fromArray(S, x, i));
        }
        float sum = Lanes.sum(acc);
        for (; i < to; i++) {
            sum += x[i];
        }
        return sum;
    }
}
