package org.convlab.nn.optim;

import java.util.List;
import java.util.Map;
import org.convlab.nn.Parameter;

/**
 * Adam as torch.optim.Adam (L2 weight decay added to the gradient, not AdamW). At step t:
 * <pre>
 *   g = grad + wd * p
 *   m = b1 * m + (1 - b1) * g;   v = b2 * v + (1 - b2) * g^2
 *   p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)
 * </pre>
 */
public final class Adam implements Optimizer {
    private final float beta1;
    private final float beta2;
    private final float eps;
    private final float weightDecay;
    private final OptimizerState state = new OptimizerState();
    private float lr;
    private long steps;

    public Adam(float lr, float beta1, float beta2, float eps, float weightDecay) {
        if (!(lr > 0) || beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1 || !(eps > 0) || weightDecay < 0) {
            throw new IllegalArgumentException("Adam needs lr > 0, betas in [0, 1), eps > 0, weight decay >= 0");
        }
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    /** PyTorch's defaults: betas (0.9, 0.999), eps 1e-8, no weight decay. */
    public static Adam standard(float lr) {
        return new Adam(lr, 0.9f, 0.999f, 1e-8f, 0);
    }

    @Override
    public void step(List<Parameter> params) {
        long t = steps + 1;
        // bias corrections in double, as PyTorch computes them in Python floats
        float stepSize = (float) (lr / (1 - Math.pow(beta1, t)));
        float root2 = (float) Math.sqrt(1 - Math.pow(beta2, t));
        for (int k = 0; k < params.size(); k++) {
            Parameter p = params.get(k);
            float[] w = p.value();
            float[] g = p.grad();
            float[] m = state.buffer(p, "adam_m");
            float[] v = state.buffer(p, "adam_v");
            for (int i = 0; i < w.length; i++) {
                float gi = g[i] + weightDecay * w[i];
                m[i] = beta1 * m[i] + (1 - beta1) * gi;
                v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
                float denom = (float) Math.sqrt(v[i]) / root2 + eps;
                w[i] -= stepSize * m[i] / denom;
            }
        }
        steps = t;
    }

    @Override
    public float learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(float lr) {
        this.lr = lr;
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public Map<String, float[]> state() {
        return state.all();
    }

    @Override
    public void restore(Map<String, float[]> saved, long steps) {
        state.restore(saved);
        this.steps = steps;
    }
}
