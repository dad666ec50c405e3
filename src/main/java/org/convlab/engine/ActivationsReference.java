package org.convlab.engine;

/**
 * Element-wise activations written for reading. Forward writes y; backward ADDS into dX. ReLU and
 * leaky ReLU differentiate through their input x (the gradient at exactly 0 is taken as the left
 * side's, as PyTorch does); sigmoid and tanh through their output y, which is cheaper.
 */
public final class ActivationsReference {
    private ActivationsReference() {}

    // y [n]  x [n]: y = max(0, x)
    public static void relu(float[] y, float[] x, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = x[i] > 0 ? x[i] : 0f;
        }
    }

    // dX [n] (+=)  dY [n]  x [n]
    public static void reluBackward(float[] dX, float[] dY, float[] x, int n) {
        if (dX == null) {
            return;
        }
        for (int i = 0; i < n; i++) {
            dX[i] += reluGradAt(dY[i], x[i]);
        }
    }

    /**
     * The ReLU gate of one value: the upstream gradient passes where the forward input was
     * positive and is 0 elsewhere, also at exactly 0 (the left side's slope, as PyTorch) and for NaN.
     */
    public static float reluGradAt(float upstream, float input) {
        return input > 0 ? upstream : 0f;
    }

    // y [n]  x [n]: y = x for x > 0, slope * x otherwise
    public static void leakyRelu(float[] y, float[] x, int n, float slope) {
        for (int i = 0; i < n; i++) {
            y[i] = x[i] > 0 ? x[i] : slope * x[i];
        }
    }

    // dX [n] (+=)  dY [n]  x [n]
    public static void leakyReluBackward(float[] dX, float[] dY, float[] x, int n, float slope) {
        if (dX == null) {
            return;
        }
        for (int i = 0; i < n; i++) {
            dX[i] += x[i] > 0 ? dY[i] : slope * dY[i];
        }
    }

    // y [n]  x [n]: y = 1 / (1 + e^-x)  (tends to 0 for very negative x, never NaN)
    public static void sigmoid(float[] y, float[] x, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = (float) (1.0 / (1.0 + Math.exp(-x[i])));
        }
    }

    // dX [n] (+=)  dY [n]  y [n]: dy/dx = y (1 - y)
    public static void sigmoidBackward(float[] dX, float[] dY, float[] y, int n) {
        if (dX == null) {
            return;
        }
        for (int i = 0; i < n; i++) {
            dX[i] += dY[i] * y[i] * (1f - y[i]);
        }
    }

    // y [n]  x [n]
    public static void tanh(float[] y, float[] x, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = (float) Math.tanh(x[i]);
        }
    }

    // dX [n] (+=)  dY [n]  y [n]: dy/dx = 1 - y^2
    public static void tanhBackward(float[] dX, float[] dY, float[] y, int n) {
        if (dX == null) {
            return;
        }
        for (int i = 0; i < n; i++) {
            dX[i] += dY[i] * (1f - y[i] * y[i]);
        }
    }
}
