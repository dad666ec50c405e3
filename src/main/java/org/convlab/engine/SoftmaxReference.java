package org.convlab.engine;

/**
 * Softmax over the classes of each sample, written for reading. Numerically stable: the row's
 * maximum is subtracted before exponentiating (softmax does not change when every input moves by
 * the same amount), so exp never overflows and the largest term is exactly 1.
 */
public final class SoftmaxReference {
    private SoftmaxReference() {}

    // y [N,K]  x [N,K]
    public static void forward(float[] y, float[] x, int batch, int classes) {
        for (int n = 0; n < batch; n++) {
            int row = n * classes;
            float max = Float.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, x[row + k]);
            }
            float sum = 0;
            for (int k = 0; k < classes; k++) {
                y[row + k] = (float) Math.exp(x[row + k] - max);
                sum += y[row + k];
            }
            for (int k = 0; k < classes; k++) {
                y[row + k] /= sum;
            }
        }
    }

    // dX [N,K] (+=)  dY [N,K]  y [N,K]: dL/dx_k = y_k (dL/dy_k - sum_j dL/dy_j y_j)
    public static void backward(float[] dX, float[] dY, float[] y, int batch, int classes) {
        if (dX == null) {
            return;
        }
        for (int n = 0; n < batch; n++) {
            int row = n * classes;
            float dot = 0;
            for (int k = 0; k < classes; k++) {
                dot += dY[row + k] * y[row + k];
            }
            for (int k = 0; k < classes; k++) {
                dX[row + k] += y[row + k] * (dY[row + k] - dot);
            }
        }
    }
}
