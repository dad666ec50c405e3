package org.convlab.nn.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.convlab.UserInputException;
import org.convlab.nn.Parameter;

/** Named flat state buffers per parameter, allocated once on first use. */
final class OptimizerState {
    private final Map<String, float[]> buffers = new LinkedHashMap<>();

    /** The buffer {@code <parameter>.<role>}, zero-filled on first use. */
    float[] buffer(Parameter p, String role) {
        return buffers.computeIfAbsent(p.name() + "." + role, k -> new float[p.size()]);
    }

    Map<String, float[]> all() {
        return buffers;
    }

    void restore(Map<String, float[]> saved) {
        buffers.clear();
        for (Map.Entry<String, float[]> e : saved.entrySet()) {
            if (e.getValue() == null) {
                throw new UserInputException("optimizer state '" + e.getKey() + "' has no values");
            }
            buffers.put(e.getKey(), e.getValue().clone());
        }
    }
}
