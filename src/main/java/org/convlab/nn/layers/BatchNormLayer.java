package org.convlab.nn.layers;

import java.util.List;
import org.convlab.engine.BatchNorm;
import org.convlab.engine.BatchNormReference;
import org.convlab.engine.Shape;
import org.convlab.model.BatchNormSpec;
import org.convlab.nn.Parameter;

/**
 * Batch normalization per channel (over N x H x W; on a flat input every value is a channel).
 * Training uses the batch's statistics and updates the running ones; inference uses the running
 * ones. Backward after an inference forward (the {@code grad} command) treats the statistics as
 * constants, as PyTorch does in eval mode.
 */
public final class BatchNormLayer extends Layer {
    private final float eps;
    private final float momentum;
    private final int channels;
    private final int plane;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVar;
    private final float[] mean;
    private final float[] invStd;
    private float[] xHat;
    private float[] scratch;

    BatchNormLayer(BatchNormSpec spec, Shape in, Context ctx) {
        super(spec, in, in, ctx);
        this.eps = (float) spec.eps();
        this.momentum = (float) spec.momentum();
        this.channels = in.channels();
        this.plane = in.plane();
        this.gamma = new Parameter(spec.name() + ".weight", new int[] {channels});
        this.beta = new Parameter(spec.name() + ".bias", new int[] {channels});
        this.runningMean = new Parameter(spec.name() + ".running_mean", new int[] {channels});
        this.runningVar = new Parameter(spec.name() + ".running_var", new int[] {channels});
        this.mean = new float[channels];
        this.invStd = new float[channels];
        java.util.Arrays.fill(gamma.value(), 1f);
        java.util.Arrays.fill(runningVar.value(), 1f);
    }

    public Parameter gamma() {
        return gamma;
    }

    public Parameter beta() {
        return beta;
    }

    public Parameter runningMean() {
        return runningMean;
    }

    public Parameter runningVar() {
        return runningVar;
    }

    @Override
    protected void allocateBuffers(int capacity) {
        xHat = new float[Math.multiplyExact(capacity, in.size())];
        scratch = null;
    }

    @Override
    public void forward(float[] x, boolean training) {
        trained = training;
        boolean ref = ctx.reference();
        if (training) {
            if (ref) {
                BatchNormReference.forwardTraining(y, xHat, mean, invStd, x, gamma.value(), beta.value(),
                        runningMean.value(), runningVar.value(), batch, channels, plane, eps, momentum);
            } else {
                BatchNorm.forwardTraining(y, xHat, mean, invStd, x, gamma.value(), beta.value(),
                        runningMean.value(), runningVar.value(), batch, channels, plane, eps, momentum);
            }
        } else if (ref) {
            BatchNormReference.forwardInference(y, x, gamma.value(), beta.value(), runningMean.value(),
                    runningVar.value(), batch, channels, plane, eps);
        } else {
            BatchNorm.forwardInference(y, x, gamma.value(), beta.value(), runningMean.value(),
                    runningVar.value(), batch, channels, plane, eps);
        }
    }

    @Override
    public void backward(float[] dX, float[] dY, float[] x) {
        if (!trained) {
            backwardInference(dX, dY, x);
            return;
        }
        if (dX == null) {
            // the kernel always writes dX; give it a scratch buffer (only for a batch norm on the raw input)
            if (scratch == null) {
                scratch = new float[xHat.length];
            }
            java.util.Arrays.fill(scratch, 0, batch * in.size(), 0f);
            dX = scratch;
        }
        if (ctx.reference()) {
            BatchNormReference.backward(dX, gamma.grad(), beta.grad(), dY, xHat, invStd, gamma.value(), batch, channels, plane);
        } else {
            BatchNorm.backward(dX, gamma.grad(), beta.grad(), dY, xHat, invStd, gamma.value(), batch, channels, plane);
        }
    }

    // With fixed (running) statistics y = gamma * (x - mu) * s + beta, s = 1/sqrt(var + eps):
    // dX += dY * gamma * s,  dGamma += dY * (x - mu) * s,  dBeta += dY.
    // dX [N,C,plane] (+=, nullable)  dY [N,C,plane]  x [N,C,plane]
    private void backwardInference(float[] dX, float[] dY, float[] x) {
        float[] g = gamma.value();
        float[] mu = runningMean.value();
        float[] var = runningVar.value();
        float[] dGamma = gamma.grad();
        float[] dBeta = beta.grad();
        for (int c = 0; c < channels; c++) {
            float s = (float) (1.0 / Math.sqrt(var[c] + eps));
            double sumGamma = 0;
            double sumBeta = 0;
            for (int n = 0; n < batch; n++) {
                int base = (n * channels + c) * plane;
                for (int i = base; i < base + plane; i++) {
                    sumGamma += dY[i] * (x[i] - mu[c]) * s;
                    sumBeta += dY[i];
                    if (dX != null) {
                        dX[i] += dY[i] * g[c] * s;
                    }
                }
            }
            dGamma[c] += (float) sumGamma;
            dBeta[c] += (float) sumBeta;
        }
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta);
    }

    @Override
    public List<Parameter> buffers() {
        return List.of(runningMean, runningVar);
    }
}
