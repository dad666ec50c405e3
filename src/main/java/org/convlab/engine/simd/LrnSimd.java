package org.convlab.engine.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Vector API part of {@code Lrn}, over the positions of one plane; only loaded when {@code Simd.AVAILABLE}. */
public final class LrnSimd {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private LrnSimd() {}

    /**
     * s^beta for s >= k > 0. The vector POW is slow (not an intrinsic on every JDK), so AlexNet's
     * beta 0.75 is s^(1/2) * s^(1/4) from two correctly rounded square roots, and any other beta
     * goes through exp(beta ln s). Within a few ulps of Math.pow either way.
     */
    private static FloatVector power(FloatVector s, float beta) {
        if (beta == 0.75f) {
            FloatVector root = s.sqrt();
            return root.mul(root.sqrt());
        }
        return s.lanewise(VectorOperators.LOG).mul(beta).lanewise(VectorOperators.EXP);
    }

    /**
     * One output plane at {@code out}: its window is {@code count} consecutive channel planes
     * starting at {@code window}; squares are summed channel by channel as in the reference.
     */
    public static void forward(float[] y, float[] scale, float[] x, int out, int window, int count, int plane,
                               int size, float alpha, float beta, float k) {
        float perSize = alpha / size;
        int i = 0;
        for (int end = S.loopBound(plane); i < end; i += S.length()) {
            FloatVector squares = FloatVector.zero(S);
            for (int j = 0; j < count; j++) {
                FloatVector v = FloatVector.fromArray(S, x, window + j * plane + i);
                squares = squares.add(v.mul(v));
            }
            FloatVector s = squares.mul(perSize).add(k);
            s.intoArray(scale, out + i);
            FloatVector.fromArray(S, x, out + i).div(power(s, beta)).intoArray(y, out + i);
        }
        for (; i < plane; i++) {
            float squares = 0;
            for (int j = 0; j < count; j++) {
                float v = x[window + j * plane + i];
                squares += v * v;
            }
            scale[out + i] = k + perSize * squares;
            y[out + i] = x[out + i] / (float) Math.pow(scale[out + i], beta);
        }
    }

    /** dX of one plane at {@code at}, from the {@code count} planes of the windows containing it, starting at {@code window}. */
    public static void backward(float[] dX, float[] dY, float[] x, float[] y, float[] scale, int at, int window,
                                int count, int plane, float beta, float factor) {
        int i = 0;
        for (int end = S.loopBound(plane); i < end; i += S.length()) {
            FloatVector cross = FloatVector.zero(S);
            for (int c = 0; c < count; c++) {
                int w = window + c * plane + i;
                cross = cross.add(FloatVector.fromArray(S, dY, w).mul(FloatVector.fromArray(S, y, w))
                        .div(FloatVector.fromArray(S, scale, w)));
            }
            FloatVector own = FloatVector.fromArray(S, dY, at + i)
                    .div(power(FloatVector.fromArray(S, scale, at + i), beta));
            FloatVector g = own.sub(FloatVector.fromArray(S, x, at + i).mul(factor).mul(cross));
            FloatVector.fromArray(S, dX, at + i).add(g).intoArray(dX, at + i);
        }
        for (; i < plane; i++) {
            float cross = 0;
            for (int c = 0; c < count; c++) {
                int w = window + c * plane + i;
                cross += dY[w] * y[w] / scale[w];
            }
            dX[at + i] += dY[at + i] / (float) Math.pow(scale[at + i], beta) - factor * x[at + i] * cross;
        }
    }
}
