package org.convlab.engine;

/** Test-scope: single-image forward latency in thread CPU time (not a test). */
public final class ConvLatencyMain {
    public static void main(String[] args) {
        Parallel.setThreads(Integer.getInteger("threads", 1));
        ConvGeometry[] gs = {new ConvGeometry(1, 1, 9, 9, 3, 3, 3, 1, 0, 0, 1, 9),
            ConvGeometry.of(1, 1, 28, 28, 6, 5, 1, 2), ConvGeometry.of(1, 6, 14, 14, 16, 5, 1, 0)};
        for (ConvGeometry g : gs) {
            float[] x = ConvTestData.random(g.inputSize(), 1), w = ConvTestData.random(g.weightSize(), 2);
            float[] y = new float[g.outputSize()];
            double best = Double.MAX_VALUE;
            for (int rep = 0; rep < 20; rep++) {
                long t0 = ConvProfileMain.now();
                for (int i = 0; i < 2000; i++) {
                    Conv2d.forward(y, x, w, null, g);
                }
                best = Math.min(best, (ConvProfileMain.now() - t0) / 2000e3);
            }
            System.out.printf("%s: %.2f us per single-image forward%n", g, best);
        }
    }
}
