package org.convlab.engine;

/** Global average pooling written for reading: each (sample, channel) plane becomes its mean. */
public final class GlobalAvgPoolReference {
    private GlobalAvgPoolReference() {}

    // y [N,C]  x [N,C,plane]
    public static void forward(float[] y, float[] x, int batch, int channels, int plane) {
        for (int p = 0; p < batch * channels; p++) {
            float sum = 0;
            for (int i = 0; i < plane; i++) {
                sum += x[p * plane + i];
            }
            y[p] = sum / plane;
        }
    }

    // dX [N,C,plane] (+=)  dY [N,C]: every cell of a plane gets an equal share of its mean's gradient
    public static void backward(float[] dX, float[] dY, int batch, int channels, int plane) {
        if (dX == null) {
            return;
        }
        for (int p = 0; p < batch * channels; p++) {
            float share = dY[p] / plane;
            for (int i = 0; i < plane; i++) {
                dX[p * plane + i] += share;
            }
        }
    }
}
