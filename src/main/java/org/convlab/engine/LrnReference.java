package org.convlab.engine;

/**
 * Local response normalisation across channels (AlexNet), written for reading, with PyTorch's
 * LocalResponseNorm semantics: at every position, channel c is divided by
 * scale_c^beta where scale_c = k + alpha/size * (sum of x^2 over the channels
 * c - size/2 .. c + (size-1)/2 that exist). Missing channels at the edges count as zeros but the
 * divisor stays {@code size}, as in PyTorch (an average pool with zero padding).
 */
public final class LrnReference {
    private LrnReference() {}

    // y [N,C,plane]  scale [N,C,plane] (written, kept for backward)  x [N,C,plane]
    public static void forward(float[] y, float[] scale, float[] x, int batch, int channels, int plane, int size,
                               float alpha, float beta, float k) {
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                int first = Math.max(0, c - size / 2);
                int last = Math.min(channels - 1, c + (size - 1) / 2);
                for (int i = 0; i < plane; i++) {
                    float squares = 0;
                    for (int j = first; j <= last; j++) {
                        float v = x[(n * channels + j) * plane + i];
                        squares += v * v;
                    }
                    int at = (n * channels + c) * plane + i;
                    scale[at] = k + alpha / size * squares;
                    y[at] = x[at] / (float) Math.pow(scale[at], beta);
                }
            }
        }
    }

    // dX [N,C,plane] (+=, nullable)  dY, x, y, scale [N,C,plane]
    // y_c = x_c scale_c^-beta, and x_j enters scale_c for every c whose window holds j, so
    //   dX_j = dY_j scale_j^-beta - 2 alpha beta / size * x_j * sum_c dY_c y_c / scale_c,
    // over c = j - (size-1)/2 .. j + size/2 (the windows that contain j).
    public static void backward(float[] dX, float[] dY, float[] x, float[] y, float[] scale, int batch, int channels,
                                int plane, int size, float alpha, float beta, float k) {
        if (dX == null) {
            return;
        }
        float factor = 2f * alpha * beta / size;
        for (int n = 0; n < batch; n++) {
            for (int j = 0; j < channels; j++) {
                int first = Math.max(0, j - (size - 1) / 2);
                int last = Math.min(channels - 1, j + size / 2);
                for (int i = 0; i < plane; i++) {
                    float cross = 0;
                    for (int c = first; c <= last; c++) {
                        int at = (n * channels + c) * plane + i;
                        cross += dY[at] * y[at] / scale[at];
                    }
                    int at = (n * channels + j) * plane + i;
                    dX[at] += dY[at] / (float) Math.pow(scale[at], beta) - factor * x[at] * cross;
                }
            }
        }
    }
}
