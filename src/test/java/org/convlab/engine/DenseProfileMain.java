package org.convlab.engine;

/** Test-scope: Dense GFLOP/s in thread CPU time, 1 thread (not a test). */
public final class DenseProfileMain {
    public static void main(String[] args) {
        Parallel.setThreads(1);
        int[][] sizes = {{64, 400, 120}, {64, 120, 84}, {64, 84, 10}, {256, 400, 120}};
        for (int[] s : sizes) {
            int n = s[0], in = s[1], out = s[2];
            float[] x = ConvTestData.random(n * in, 1), w = ConvTestData.random(out * in, 2), b = new float[out];
            float[] y = new float[n * out], dY = ConvTestData.random(n * out, 3), dX = new float[n * in], dW = new float[out * in];
            double f = 2.0 * n * in * out;
            for (int rep = 0; rep < 5; rep++) {
                long t0 = ConvProfileMain.now();
                for (int i = 0; i < 200; i++) Dense.forward(y, x, w, b, n, in, out);
                long t1 = ConvProfileMain.now();
                for (int i = 0; i < 200; i++) Dense.backward(dX, dW, b, dY, x, w, n, in, out);
                long t2 = ConvProfileMain.now();
                if (rep == 4) System.out.printf("%d x %d -> %d: forward %.1f us (%.1f GF), backward %.1f us (%.1f GF)%n", n, in, out,
                        (t1 - t0) / 200e3, f * 200 / (t1 - t0), (t2 - t1) / 200e3, 2 * f * 200 / (t2 - t1));
            }
        }
    }
}
