package org.convlab.cli.bench;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** The Vector API half of {@link PeakFlops}; loaded only when {@code Simd.AVAILABLE}. */
final class VectorFmaLoop {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private VectorFmaLoop() {}

    /** 12 independent FMA chains (2 FMA units x latency 4-6 need at least 8-12 in flight); returns the flops done. */
    static double run(long iterations) {
        FloatVector m = FloatVector.broadcast(S, 0.9999999f), c = FloatVector.broadcast(S, 1e-7f);
        FloatVector a0 = FloatVector.broadcast(S, 1f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0;
        FloatVector a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        long blocks = Math.max(1, iterations / 1024);
        for (long block = 0; block < blocks; block++) {
            for (int i = 0; i < 1024; i++) { // an int loop: the JIT optimises int-counted loops best
                a0 = a0.fma(m, c); a1 = a1.fma(m, c); a2 = a2.fma(m, c); a3 = a3.fma(m, c);
                a4 = a4.fma(m, c); a5 = a5.fma(m, c); a6 = a6.fma(m, c); a7 = a7.fma(m, c);
                a8 = a8.fma(m, c); a9 = a9.fma(m, c); a10 = a10.fma(m, c); a11 = a11.fma(m, c);
            }
        }
        FloatVector sum = a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11);
        if (sum.reduceLanes(VectorOperators.ADD) == 42f) {
            System.out.print(""); // keeps the loop alive
        }
        return 2.0 * 12 * S.length() * blocks * 1024;
    }
}
