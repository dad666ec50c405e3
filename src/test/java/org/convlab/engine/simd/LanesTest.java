package org.convlab.engine.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.convlab.engine.Simd;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The lane sum follows its documented tree, cold and after the JIT has compiled it. */
class LanesTest {
    @Test
    void sumFollowsTheFixedTreeBeforeAndAfterWarmUp() {
        Assumptions.assumeTrue(Simd.AVAILABLE, "Vector API not enabled");
        VectorSpecies<Float> s = FloatVector.SPECIES_PREFERRED;
        SplittableRandom rng = new SplittableRandom(7);
        float[] values = new float[s.length() * 512];
        for (int i = 0; i < values.length; i++) {
            // magnitudes spread over many orders, so the order of additions shows in the last bits
            values[i] = (float) (rng.nextGaussian() * Math.exp(rng.nextGaussian() * 3));
        }
        for (int round = 0; round < 40; round++) { // later rounds run JIT-compiled
            for (int at = 0; at < values.length; at += s.length()) {
                float expected = tree(values, at, s.length());
                assertEquals(expected, Lanes.sum(FloatVector.fromArray(s, values, at)),
                        "lanes at " + at + ", round " + round);
            }
        }
    }

    /** The same tree written out on a plain array: pairs at distance n/2, then n/4, ... */
    private static float tree(float[] a, int at, int n) {
        float[] lanes = java.util.Arrays.copyOfRange(a, at, at + n);
        for (int half = n >> 1; half > 0; half >>= 1) {
            for (int i = 0; i < half; i++) {
                lanes[i] = lanes[i] + lanes[i + half];
            }
        }
        return lanes[0];
    }
}
