package org.convlab.engine;

/** Test-scope: time the parts of the fast conv (not a test). */
public final class ConvProfileMain {
    static final java.lang.management.ThreadMXBean MX = java.lang.management.ManagementFactory.getThreadMXBean();

    /** CPU time of this thread: robust to other processes sharing the machine (1 thread only). */
    static long now() {
        return MX.getCurrentThreadCpuTime();
    }

    public static void main(String[] args) {
        Parallel.setThreads(Integer.getInteger("threads", 2));
        ConvGeometry g = ConvGeometry.of(64, 32, 16, 16, 64, 3, 1, 1);
        if (args.length > 0 && args[0].equals("lenet")) g = ConvGeometry.of(64, 1, 28, 28, 6, 5, 1, 2);
        if (args.length > 0 && args[0].contains(",")) {
            int[] v = java.util.Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray();
            g = ConvGeometry.of(v[0], v[1], v[2], v[3], v[4], v[5], 1, v[6]);
        }
        float[] x = ConvTestData.random(g.inputSize(), 1), w = ConvTestData.random(g.weightSize(), 2);
        float[] y = new float[g.outputSize()], dY = ConvTestData.random(g.outputSize(), 3);
        float[] dW = new float[g.weightSize()], dX = new float[g.inputSize()], dB = new float[g.outChannels()];
        int ld = Conv2dEngine.leadingDimension(g.outPlane(), 16);
        float[] col = new float[g.patchSize() * ld];
        for (int rep = 0; rep < 10; rep++) {
            long t0 = now();
            float[] xp = new float[Conv2dIm2col.paddedSize(g)]; for (int i = 0; i < 10; i++) for (int n = 0; n < g.batch(); n++) { Conv2dIm2col.pad(xp, x, n * g.inChannels() * g.inPlane(), g); Conv2dIm2col.im2col(col, ld, xp, 0, g, 0, g.outPlane()); }
            long t1 = now();
            for (int i = 0; i < 10; i++) Conv2d.forward(y, x, w, null, g);
            long t2 = now();
            if (!Boolean.getBoolean("fwdonly")) for (int i = 0; i < 10; i++) Conv2d.backward(null, dW, dB, dY, x, w, g);
            long t3 = now();
            if (!Boolean.getBoolean("fwdonly")) for (int i = 0; i < 10; i++) Conv2d.backward(dX, dW, dB, dY, x, w, g);
            long t4 = now();
            double f = 2.0 * g.macs() / 1e9;
            System.out.printf("im2col %.2f ms, forward %.2f ms (%.1f GF), dW %.2f ms (%.1f GF), dW+dX %.2f ms%n", (t1 - t0) / 1e7,
                    (t2 - t1) / 1e7, f / ((t2 - t1) / 1e10), (t3 - t2) / 1e7, f / ((t3 - t2) / 1e10), (t4 - t3) / 1e7);
        }
    }
}
