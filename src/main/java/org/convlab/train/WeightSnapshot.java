package org.convlab.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convlab.nn.Network;
import org.convlab.nn.Parameter;
import org.convlab.nn.optim.Optimizer;

/**
 * A copy of everything a training step changes: every parameter and buffer of the network and
 * the optimizer's state and step count. Taken at the start of each epoch so a loss that turns NaN
 * can put the last good weights back.
 */
final class WeightSnapshot {
    private final List<float[]> values = new ArrayList<>();
    private final Map<String, float[]> optimizerState = new LinkedHashMap<>();
    private final long optimizerSteps;

    WeightSnapshot(Network net, Optimizer optimizer) {
        for (Parameter p : net.parameters()) {
            values.add(p.value().clone());
        }
        for (Parameter p : net.buffers()) {
            values.add(p.value().clone());
        }
        optimizer.state().forEach((k, v) -> optimizerState.put(k, v.clone()));
        optimizerSteps = optimizer.steps();
    }

    void restore(Network net, Optimizer optimizer) {
        int i = 0;
        for (Parameter p : net.parameters()) {
            float[] v = values.get(i++);
            System.arraycopy(v, 0, p.value(), 0, v.length);
        }
        for (Parameter p : net.buffers()) {
            float[] v = values.get(i++);
            System.arraycopy(v, 0, p.value(), 0, v.length);
        }
        optimizer.restore(optimizerState, optimizerSteps);
    }
}
