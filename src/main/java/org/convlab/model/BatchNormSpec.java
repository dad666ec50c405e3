package org.convlab.model;

/**
 * Batch normalization per channel (PyTorch BatchNorm2d; on a flat input each value is a channel,
 * like BatchNorm1d). {@code momentum} is PyTorch's: running = (1 - m) * running + m * batch stat.
 * Inline tensors, all {@code [C]} and nullable: gamma (weight), beta (bias), running mean/var.
 */
public record BatchNormSpec(String name, double eps, double momentum, ParamData gamma, ParamData beta,
                            ParamData runningMean, ParamData runningVar) implements LayerSpec {
    public static final double DEFAULT_EPS = 1e-5;
    public static final double DEFAULT_MOMENTUM = 0.1;

    public BatchNormSpec {
        String l = Checks.label(name, "batchnorm");
        Checks.positive(l, "eps", eps);
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new org.convlab.UserInputException(l + ".momentum: must be in [0, 1], got " + momentum);
        }
        for (ParamData p : new ParamData[] {gamma, beta, runningMean, runningVar}) {
            if (p != null && p.shape().length != 1) {
                throw new org.convlab.UserInputException(l + ": batchnorm tensors must be 1D [channels], got "
                        + java.util.Arrays.toString(p.shape()));
            }
        }
    }

    public static BatchNormSpec standard() {
        return new BatchNormSpec(null, DEFAULT_EPS, DEFAULT_MOMENTUM, null, null, null, null);
    }

    @Override
    public String type() {
        return "batchnorm";
    }

    @Override
    public String defaultPrefix() {
        return "bn";
    }

    @Override
    public BatchNormSpec withName(String n) {
        return new BatchNormSpec(n, eps, momentum, gamma, beta, runningMean, runningVar);
    }

    public BatchNormSpec withTensors(ParamData g, ParamData b, ParamData mean, ParamData var) {
        return new BatchNormSpec(name, eps, momentum, g, b, mean, var);
    }
}
