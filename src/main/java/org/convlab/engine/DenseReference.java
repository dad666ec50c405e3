package org.convlab.engine;

/**
 * Fully connected layer written for reading: every output is a weighted vote of every input
 * (the slides' "fully connected votes"). Weights in PyTorch's layout {@code [out, in]}. The fast
 * {@link Dense} is tested against these loops.
 */
public final class DenseReference {
    private DenseReference() {}

    // y [N,out]  x [N,in]  w [out,in]  b [out] (nullable)
    public static void forward(float[] y, float[] x, float[] w, float[] b, int batch, int in, int out) {
        for (int n = 0; n < batch; n++) {
            for (int o = 0; o < out; o++) {
                y[n * out + o] = unitAt(x, w, b, in, n, o);
            }
        }
    }

    // y[n, o]  of  x [N,in]  w [out,in]  b [out] (nullable): the sum of every input's vote, plus the bias
    public static float unitAt(float[] x, float[] w, float[] b, int in, int n, int o) {
        float sum = 0f;
        for (int i = 0; i < in; i++) {
            sum += x[n * in + i] * w[o * in + i];
        }
        return b == null ? sum : sum + b[o];
    }

    // dX [N,in] (nullable, +=)  dW [out,in] (+=)  dB [out] (nullable, +=)  dY [N,out]  x [N,in]  w [out,in]
    // Written per gradient value (the backward step-through's ledgers call the same methods).
    public static void backward(float[] dX, float[] dW, float[] dB, float[] dY, float[] x, float[] w,
                                int batch, int in, int out) {
        for (int o = 0; o < out; o++) {
            if (dB != null) {
                dB[o] += biasGradAt(dY, batch, out, o, null);
            }
            for (int i = 0; i < in; i++) {
                dW[o * in + i] += weightGradAt(dY, x, batch, in, out, o, i, null);
            }
        }
        if (dX == null) {
            return;
        }
        for (int n = 0; n < batch; n++) {
            for (int i = 0; i < in; i++) {
                dX[n * in + i] += inputGradAt(dY, w, in, out, n, i, null);
            }
        }
    }

    /**
     * dL/dw[o][i] = sum over the batch of x[n][i] * dL/dy[n][o]: the input's value times how much
     * the output should move. {@code terms} (nullable): output = index into dY, partner = index into x.
     */
    public static float weightGradAt(float[] dY, float[] x, int batch, int in, int out, int o, int i,
                                     GradTerms terms) {
        float sum = 0f;
        for (int n = 0; n < batch; n++) {
            int yi = n * out + o;
            int xi = n * in + i;
            float product = dY[yi] * x[xi];
            sum += product;
            if (terms != null) {
                terms.term(yi, xi, x[xi], dY[yi], product, sum);
            }
        }
        return sum;
    }

    /**
     * dL/dx[n][i] = sum over outputs o of w[o][i] * dL/dy[n][o]: every output this input voted for
     * sends back its gradient times the vote's weight. {@code terms}: partner = index into w.
     */
    public static float inputGradAt(float[] dY, float[] w, int in, int out, int n, int i, GradTerms terms) {
        float sum = 0f;
        for (int o = 0; o < out; o++) {
            int yi = n * out + o;
            int wi = o * in + i;
            float product = dY[yi] * w[wi];
            sum += product;
            if (terms != null) {
                terms.term(yi, wi, w[wi], dY[yi], product, sum);
            }
        }
        return sum;
    }

    /** dL/db[o] = sum over the batch of dL/dy[n][o]. {@code terms}: partner -1, forward 1. */
    public static float biasGradAt(float[] dY, int batch, int out, int o, GradTerms terms) {
        float sum = 0f;
        for (int n = 0; n < batch; n++) {
            int yi = n * out + o;
            sum += dY[yi];
            if (terms != null) {
                terms.term(yi, -1, 1f, dY[yi], dY[yi], sum);
            }
        }
        return sum;
    }
}
