package org.convlab.engine.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API part of {@code Activations}, over [from, to) with a scalar tail; only loaded when
 * {@code Simd.AVAILABLE}. The arithmetic mirrors ActivationsReference operation by operation
 * (no fused multiply-add), so every kernel but the exp/tanh forwards is bit-identical to it.
 */
public final class ActivationsSimd {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private ActivationsSimd() {}

    public static void relu(float[] y, float[] x, int from, int to) {
        FloatVector zero = FloatVector.zero(S);
        int i = from;
        for (int end = from + S.loopBound(to - from); i < end; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            zero.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(y, i);
        }
        for (; i < to; i++) {
            y[i] = x[i] > 0 ? x[i] : 0f;
        }
    }

    public static void reluBackward(float[] dX, float[] dY, float[] x, int from, int to) {
        FloatVector zero = FloatVector.zero(S);
        int i = from;
        for (int end = from + S.loopBound(to - from); i < end; i += S.length()) {
            VectorMask<Float> positive = FloatVector.fromArray(S, x, i).compare(VectorOperators.GT, 0f);
            FloatVector g = zero.blend(FloatVector.fromArray(S, dY, i), positive);
            FloatVector.fromArray(S, dX, i).add(g).intoArray(dX, i);
        }
        for (; i < to; i++) {
            dX[i] += x[i] > 0 ? dY[i] : 0f;
        }
    }

    public static void leakyRelu(float[] y, float[] x, int from, int to, float slope) {
        int i = from;
        for (int end = from + S.loopBound(to - from); i < end; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            v.mul(slope).blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(y, i);
        }
        for (; i < to; i++) {
            y[i] = x[i] > 0 ? x[i] : slope * x[i];
        }
    }

    public static void leakyReluBackward(float[] dX, float[] dY, float[] x, int from, int to, float slope) {
        int i = from;
        for (int end = from + S.loopBound(to - from); i < end; i += S.length()) {
            VectorMask<Float> positive = FloatVector.fromArray(S, x, i).compare(VectorOperators.GT, 0f);
            FloatVector d = FloatVector.fromArray(S, dY, i);
            FloatVector.fromArray(S, dX, i).add(d.mul(slope).blend(d, positive)).intoArray(dX, i);
        }
        for (; i < to; i++) {
            dX[i] += x[i] > 0 ? dY[i] : slope * dY[i];
        }
    }

    public static void sigmoid(float[] y, float[] x, int from, int to) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        int i = from;
        for (int end = from + S.loopBound(to - from); i < end; i += S.length()) {
            FloatVector e = FloatVector.fromArray(S, x, i).neg().lanewise(VectorOperators.EXP);
            one.div(one.add(e)).intoArray(y, i);
        }
        for (; i < to; i++) {
            y[i] = (float) (1.0 / (1.0 + Math.exp(-x[i])));
        }
    }

    public static void sigmoidBackward(float[] dX, float[] dY, float[] y, int from, int to) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        int i = from;
        for (int end = from + S.loopBound(to - from); i < end; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, y, i);
            FloatVector g = FloatVector.fromArray(S, dY, i).mul(v).mul(one.sub(v));
            FloatVector.fromArray(S, dX, i).add(g).intoArray(dX, i);
        }
        for (; i < to; i++) {
            dX[i] += dY[i] * y[i] * (1f - y[i]);
        }
    }

    public static void tanh(float[] y, float[] x, int from, int to) {
        int i = from;
        for (int end = from + S.loopBound(to - from); i < end; i += S.length()) {
            FloatVector.fromArray(S, x, i).lanewise(VectorOperators.TANH).intoArray(y, i);
        }
        for (; i < to; i++) {
            y[i] = (float) Math.tanh(x[i]);
        }
    }

    public static void tanhBackward(float[] dX, float[] dY, float[] y, int from, int to) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        int i = from;
        for (int end = from + S.loopBound(to - from); i < end; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, y, i);
            FloatVector g = FloatVector.fromArray(S, dY, i).mul(one.sub(v.mul(v)));
            FloatVector.fromArray(S, dX, i).add(g).intoArray(dX, i);
        }
        for (; i < to; i++) {
            dX[i] += dY[i] * (1f - y[i] * y[i]);
        }
    }
}
