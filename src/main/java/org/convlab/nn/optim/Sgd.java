package org.convlab.nn.optim;

import java.util.List;
import java.util.Map;
import org.convlab.nn.Parameter;

/**
 * Stochastic gradient descent as torch.optim.SGD (dampening 0): with L2 weight decay wd,
 * momentum m and learning rate lr, per value
 * <pre>
 *   g = grad + wd * p
 *   v = m * v + g                (v starts at 0, so the first step has v = g, as in PyTorch)
 *   p -= lr * (nesterov ? g + m * v : v)
 * </pre>
 * With m = 0 this is plain SGD and keeps no state.
 */
public final class Sgd implements Optimizer {
    private final float momentum;
    private final boolean nesterov;
    private final float weightDecay;
    private final OptimizerState state = new OptimizerState();
    private float lr;
    private long steps;

    public Sgd(float lr, float momentum, boolean nesterov, float weightDecay) {
        if (!(lr > 0) || momentum < 0 || momentum >= 1 || weightDecay < 0) {
            throw new IllegalArgumentException("SGD needs lr > 0, momentum in [0, 1), weight decay >= 0: lr "
                    + lr + ", momentum " + momentum + ", weight decay " + weightDecay);
        }
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("Nesterov momentum needs momentum > 0");
        }
        this.lr = lr;
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
    }

    /** Plain SGD. */
    public static Sgd plain(float lr) {
        return new Sgd(lr, 0, false, 0);
    }

    /** SGD with (heavy-ball) momentum. */
    public static Sgd momentum(float lr, float momentum) {
        return new Sgd(lr, momentum, false, 0);
    }

    @Override
    public void step(List<Parameter> params) {
        for (int k = 0; k < params.size(); k++) {
            Parameter p = params.get(k);
            float[] w = p.value();
            float[] g = p.grad();
            if (momentum == 0) {
                for (int i = 0; i < w.length; i++) {
                    w[i] -= lr * (g[i] + weightDecay * w[i]);
                }
                continue;
            }
            float[] v = state.buffer(p, "momentum");
            for (int i = 0; i < w.length; i++) {
                float gi = g[i] + weightDecay * w[i];
                float vi = momentum * v[i] + gi;
                v[i] = vi;
                w[i] -= lr * (nesterov ? gi + momentum * vi : vi);
            }
        }
        steps++;
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
