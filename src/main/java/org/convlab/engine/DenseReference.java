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

    // dX [N,in] (nullable)  dW [out,in]  dB [out] (nullable)  dY [N,out]  x [N,in]  w [out,in]
    public static void backward(float[] dX, float[] dW, float[] dB, float[] dY, float[] x, float[] w,
                                int batch, int in, int out) {
        for (int n = 0; n < batch; n++) {
            for (int o = 0; o < out; o++) {
                float grad = dY[n * out + o];
                if (dB != null) {
                    dB[o] += grad;
                }
                for (int i = 0; i < in; i++) {
                    dW[o * in + i] += grad * x[n * in + i];
                    if (dX != null) {
                        dX[n * in + i] += grad * w[o * in + i];
                    }
                }
            }
        }
    }
}
