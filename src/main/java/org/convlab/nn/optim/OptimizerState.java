package org.convlab.nn.optim;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.convlab.UserInputException;
import org.convlab.nn.Parameter;

/**
 * Flat state buffers per parameter and role (momentum, Adam's moments), allocated on first use
 * and then found by identity, so a step allocates nothing. Named {@code <parameter>.<role>} for
 * checkpoints; restored buffers wait by name until their parameter is first seen.
 */
final class OptimizerState {
    private final Map<String, IdentityHashMap<Parameter, float[]>> byRole = new LinkedHashMap<>();
    private final Map<String, float[]> restored = new HashMap<>();

    /** The buffer of {@code role} for {@code p}, zero-filled (or restored) on first use. */
    float[] buffer(Parameter p, String role) {
        IdentityHashMap<Parameter, float[]> buffers = byRole.get(role);
        if (buffers == null) {
            buffers = new IdentityHashMap<>();
            byRole.put(role, buffers);
        }
        float[] b = buffers.get(p);
        if (b == null) {
            float[] saved = restored.remove(p.name() + "." + role);
            if (saved != null && saved.length != p.size()) {
                throw new UserInputException("optimizer state '" + p.name() + "." + role + "' has " + saved.length
                        + " values but the parameter has " + p.size());
            }
            b = saved != null ? saved : new float[p.size()];
            buffers.put(p, b);
        }
        return b;
    }

    /** Every buffer by name (live arrays). */
    Map<String, float[]> all() {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, IdentityHashMap<Parameter, float[]>> role : byRole.entrySet()) {
            for (Map.Entry<Parameter, float[]> e : role.getValue().entrySet()) {
                out.put(e.getKey().name() + "." + role.getKey(), e.getValue());
            }
        }
        out.putAll(restored);
        return out;
    }

    void restore(Map<String, float[]> saved) {
        byRole.clear();
        restored.clear();
        for (Map.Entry<String, float[]> e : saved.entrySet()) {
            if (e.getValue() == null) {
                throw new UserInputException("optimizer state '" + e.getKey() + "' has no values");
            }
            restored.put(e.getKey(), e.getValue().clone());
        }
    }
}
