package org.convlab.engine.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** Vector API part of {@code BatchNorm}, over one contiguous plane [from, to); only loaded when {@code Simd.AVAILABLE}. */
public final class BatchNormSimd {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private BatchNormSimd() {}

    public static double sum(float[] a, int from, int to) {
        FloatVector acc = FloatVector.zero(S);
        int i = from;
        for (int end = from + S.loopBound(to - from); i < end; i += S.length()) {
            acc = acc.add(FloatVector.fromArray(S, a, i));
        }
        double s = Lanes.sum(acc);
        for (; i < to; i++) {
            s += a[i];
        }
        return s;
    }

    /** sum (a - mu)^2 */
    public static double squaredDeviations(float[] a, int from, int to, float mu) {
        FloatVector acc = FloatVector.zero(S);
        int i = from;
        for (int end = from + S.loopBound(to - from); i < end; i += S.length()) {
            FloatVector d = FloatVector.fromArray(S, a, i).sub(mu);
            acc = acc.add(d.mul(d));
        }
        double s = Lanes.sum(acc);
        for (; i < to; i++) {
            double d = a[i] - mu;
            s += d * d;
        }
        return s;
    }

    public static double dot(float[] a, float[] b, int from, int to) {
        FloatVector acc = FloatVector.zero(S);
        int i = from;
        for (int end = from + S.loopBound(to - from); i < end; i += S.length()) {
            acc = acc.add(FloatVector.fromArray(S, a, i).mul(FloatVector.fromArray(S, b, i)));
        }
        double s = Lanes.sum(acc);
        for (; i < to; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    /** xHat = (x - mean) * invStd; y = gamma * xHat + beta */
    public static void normalize(float[] y, float[] xHat, float[] x, int from, int to, float mean, float invStd,
                                 float gamma, float beta) {
        int i = from;
        for (int end = from + S.loopBound(to - from); i < end; i += S.length()) {
            FloatVector h = FloatVector.fromArray(S, x, i).sub(mean).mul(invStd);
            h.intoArray(xHat, i);
            h.mul(gamma).add(beta).intoArray(y, i);
        }
        for (; i < to; i++) {
            xHat[i] = (x[i] - mean) * invStd;
            y[i] = gamma * xHat[i] + beta;
        }
    }

    /** y = x * scale + shift */
    public static void affine(float[] y, float[] x, int from, int to, float scale, float shift) {
        int i = from;
        for (int end = from + S.loopBound(to - from); i < end; i += S.length()) {
            FloatVector.fromArray(S, x, i).mul(scale).add(shift).intoArray(y, i);
        }
        for (; i < to; i++) {
            y[i] = x[i] * scale + shift;
        }
    }

    /** dX += k * (dY - meanDy - xHat * meanDyXHat) */
    public static void inputGradient(float[] dX, float[] dY, float[] xHat, int from, int to, float k, float meanDy,
                                     float meanDyXHat) {
        int i = from;
        for (int end = from + S.loopBound(to - from); i < end; i += S.length()) {
            FloatVector g = FloatVector.fromArray(S, dY, i).sub(meanDy)
                    .sub(FloatVector.fromArray(S, xHat, i).mul(meanDyXHat)).mul(k);
            FloatVector.fromArray(S, dX, i).add(g).intoArray(dX, i);
        }
        for (; i < to; i++) {
            dX[i] += k * (dY[i] - meanDy - xHat[i] * meanDyXHat);
        }
    }
}
