package org.convlab.trace.backward;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.convlab.engine.GradTerms;

/** Collects the terms a reference backward loop reports, turning flat indices into coordinates. */
final class TermRecorder implements GradTerms {
    private final IntFunction<int[]> outputAt;
    private final IntFunction<int[]> factorAt;
    private final List<GradTerm> terms = new ArrayList<>();
    private float sum;

    TermRecorder(IntFunction<int[]> outputAt, IntFunction<int[]> factorAt) {
        this.outputAt = outputAt;
        this.factorAt = factorAt;
    }

    @Override
    public void term(int output, int partner, float forward, float upstream, float product, float sum) {
        int[] at = partner < 0 ? new int[0] : factorAt.apply(partner);
        terms.add(new GradTerm(outputAt.apply(output), at, forward, upstream, product, sum));
        this.sum = sum;
    }

    GradientTrace trace(String target, GradientTrace.Kind kind, int divisor, float value) {
        return new GradientTrace(target, kind, terms, sum, divisor, value);
    }

    /** Coordinates of a flat index in a row-major array of these dimensions. */
    static int[] coordinates(int flat, int... dims) {
        int[] c = new int[dims.length];
        for (int d = dims.length - 1; d >= 0; d--) {
            c[d] = flat % dims[d];
            flat /= dims[d];
        }
        return c;
    }
}
