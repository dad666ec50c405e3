package org.convlab.nn.optim;

import java.util.List;
import org.convlab.nn.Parameter;

/**
 * Updates parameters in place from their gradients, with PyTorch's formulas (torch.optim), so a
 * run can be compared with a PyTorch script step by step. Per-parameter state (momentum, Adam's
 * moments) lives in flat arrays allocated on the first step and reused; updates are plain
 * element-wise loops, deterministic whatever the thread count.
 */
public interface Optimizer {
    /** One update of every parameter from its current gradient. */
    void step(List<Parameter> params);

    float learningRate();

    /** For schedules: the rate used by the next steps. */
    void setLearningRate(float lr);

    /** Steps taken so far (Adam's bias correction depends on it; checkpoints save it). */
    long steps();

    /**
     * The state buffers for checkpoints, keyed {@code <parameter>.<buffer>} (for example
     * {@code conv1.weight.momentum}); empty before the first step. The arrays are live.
     */
    java.util.Map<String, float[]> state();

    /** Restores {@link #state()} and {@link #steps()} saved from an optimizer of the same kind. */
    void restore(java.util.Map<String, float[]> state, long steps);
}
