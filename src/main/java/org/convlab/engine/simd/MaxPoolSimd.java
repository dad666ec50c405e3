package org.convlab.engine.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API part of {@code MaxPool} for the common 2x2 window with stride 2 and no padding
 * (LeNet, VGG, the X/O slides); only loaded when {@code Simd.AVAILABLE}. One vector of outputs
 * reads two vectors of each of its two input rows, splits them into even and odd columns, and
 * keeps the winner and its index with the reference's rule (strictly greater, or NaN; first
 * cell in row-major order on ties), so results are bit-identical to MaxPoolReference.
 */
public final class MaxPoolSimd {
    /** At most 8 lanes: LeNet's rows are 14 outputs wide, so 16 lanes would never fill. */
    private static final VectorSpecies<Float> S =
            FloatVector.SPECIES_PREFERRED.length() > 8 ? FloatVector.SPECIES_256 : FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = S.withLanes(int.class);
    private static final int L = S.length();
    private static final VectorShuffle<Float> EVEN = shuffle(0);
    private static final VectorShuffle<Float> ODD = shuffle(1);
    /** 2 * lane: the offset of each output's first input column. */
    private static final IntVector TWICE_LANE = IntVector.fromArray(I, twiceLane(), 0);

    private MaxPoolSimd() {}

    private static VectorShuffle<Float> shuffle(int parity) {
        int[] index = new int[L];
        for (int i = 0; i < L; i++) {
            index[i] = 2 * i + parity; // indexes from L on select from the second vector
        }
        return VectorShuffle.fromArray(S, index, 0);
    }

    private static int[] twiceLane() {
        int[] a = new int[L];
        for (int i = 0; i < L; i++) {
            a[i] = 2 * i;
        }
        return a;
    }

    /**
     * One output row starting at {@code outRow}, from the input rows starting at {@code top} and
     * {@code top + inWidth}: does whole vectors of the {@code full} outputs whose 2x2 windows are
     * whole (full * 2 <= inWidth) and returns how many it did; the caller finishes the row.
     * (Masked loads for the last partial vector measured slower than finishing it in scalar.)
     */
    public static int row(float[] y, int[] argmax, float[] x, int top, int inWidth, int outRow, int full) {
        int ow = 0;
        for (; ow + L <= full; ow += L) {
            int at = top + 2 * ow;
            FloatVector a0 = FloatVector.fromArray(S, x, at);
            FloatVector b0 = FloatVector.fromArray(S, x, at + L);
            FloatVector a1 = FloatVector.fromArray(S, x, at + inWidth);
            FloatVector b1 = FloatVector.fromArray(S, x, at + inWidth + L);
            FloatVector best = a0.rearrange(EVEN, b0);
            IntVector offset = IntVector.zero(I);
            FloatVector c = a0.rearrange(ODD, b0);
            VectorMask<Float> wins = c.compare(VectorOperators.GT, best).or(c.compare(VectorOperators.NE, c));
            best = best.blend(c, wins);
            offset = offset.blend(1, wins.cast(I));
            c = a1.rearrange(EVEN, b1);
            wins = c.compare(VectorOperators.GT, best).or(c.compare(VectorOperators.NE, c));
            best = best.blend(c, wins);
            offset = offset.blend(inWidth, wins.cast(I));
            c = a1.rearrange(ODD, b1);
            wins = c.compare(VectorOperators.GT, best).or(c.compare(VectorOperators.NE, c));
            best = best.blend(c, wins);
            offset = offset.blend(inWidth + 1, wins.cast(I));
            best.intoArray(y, outRow + ow);
            offset.add(TWICE_LANE).add(at).intoArray(argmax, outRow + ow);
        }
        return ow;
    }
}
