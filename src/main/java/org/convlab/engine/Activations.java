package org.convlab.engine;

import org.convlab.engine.simd.ActivationsSimd;

/**
 * Element-wise activations, fast path: the array is cut into fixed chunks (chosen from n only,
 * so every element is computed by the same code whatever the thread count), each chunk on the
 * Vector API when available, else the scalar loop of {@link ActivationsReference}. ReLU, leaky
 * ReLU and every backward are bit-identical to the reference; sigmoid and tanh use the vector
 * exp/tanh, within a few ulps of it.
 */
public final class Activations {
    /** Values per task: a multiple of every vector width, big enough to pay for a hand-off. */
    static final int CHUNK = 16_384;

    private Activations() {}

    /** A piece of element-wise work over [from, to). */
    interface Range {
        void run(int from, int to);
    }

    /** Runs {@code range} over [0, n) in chunks of {@link #CHUNK}, in parallel. */
    static void split(int n, Range range) {
        int tasks = (n + CHUNK - 1) / CHUNK;
        if (tasks <= 1) {
            range.run(0, n);
            return;
        }
        Parallel.shared().forEach(tasks, t -> range.run(t * CHUNK, Math.min(n, (t + 1) * CHUNK)));
    }

    // y [n]  x [n]
    public static void relu(float[] y, float[] x, int n) {
        split(n, (from, to) -> {
            if (Simd.AVAILABLE) {
                ActivationsSimd.relu(y, x, from, to);
            } else {
                for (int i = from; i < to; i++) {
                    y[i] = x[i] > 0 ? x[i] : 0f;
                }
            }
        });
    }

    // dX [n] (+=)  dY [n]  x [n]
    public static void reluBackward(float[] dX, float[] dY, float[] x, int n) {
        if (dX == null) {
            return;
        }
        split(n, (from, to) -> {
            if (Simd.AVAILABLE) {
                ActivationsSimd.reluBackward(dX, dY, x, from, to);
            } else {
                for (int i = from; i < to; i++) {
                    dX[i] += x[i] > 0 ? dY[i] : 0f;
                }
            }
        });
    }

    // y [n]  x [n]
    public static void leakyRelu(float[] y, float[] x, int n, float slope) {
        split(n, (from, to) -> {
            if (Simd.AVAILABLE) {
                ActivationsSimd.leakyRelu(y, x, from, to, slope);
            } else {
                for (int i = from; i < to; i++) {
                    y[i] = x[i] > 0 ? x[i] : slope * x[i];
                }
            }
        });
    }

    // dX [n] (+=)  dY [n]  x [n]
    public static void leakyReluBackward(float[] dX, float[] dY, float[] x, int n, float slope) {
        if (dX == null) {
            return;
        }
        split(n, (from, to) -> {
            if (Simd.AVAILABLE) {
                ActivationsSimd.leakyReluBackward(dX, dY, x, from, to, slope);
            } else {
                for (int i = from; i < to; i++) {
                    dX[i] += x[i] > 0 ? dY[i] : slope * dY[i];
                }
            }
        });
    }

    // y [n]  x [n]
    public static void sigmoid(float[] y, float[] x, int n) {
        split(n, (from, to) -> {
            if (Simd.AVAILABLE) {
                ActivationsSimd.sigmoid(y, x, from, to);
            } else {
                for (int i = from; i < to; i++) {
                    y[i] = (float) (1.0 / (1.0 + Math.exp(-x[i])));
                }
            }
        });
    }

    // dX [n] (+=)  dY [n]  y [n]
    public static void sigmoidBackward(float[] dX, float[] dY, float[] y, int n) {
        if (dX == null) {
            return;
        }
        split(n, (from, to) -> {
            if (Simd.AVAILABLE) {
                ActivationsSimd.sigmoidBackward(dX, dY, y, from, to);
            } else {
                for (int i = from; i < to; i++) {
                    dX[i] += dY[i] * y[i] * (1f - y[i]);
                }
            }
        });
    }

    // y [n]  x [n]
    public static void tanh(float[] y, float[] x, int n) {
        split(n, (from, to) -> {
            if (Simd.AVAILABLE) {
                ActivationsSimd.tanh(y, x, from, to);
            } else {
                for (int i = from; i < to; i++) {
                    y[i] = (float) Math.tanh(x[i]);
                }
            }
        });
    }

    // dX [n] (+=)  dY [n]  y [n]
    public static void tanhBackward(float[] dX, float[] dY, float[] y, int n) {
        if (dX == null) {
            return;
        }
        split(n, (from, to) -> {
            if (Simd.AVAILABLE) {
                ActivationsSimd.tanhBackward(dX, dY, y, from, to);
            } else {
                for (int i = from; i < to; i++) {
                    dX[i] += dY[i] * (1f - y[i] * y[i]);
                }
            }
        });
    }
}
