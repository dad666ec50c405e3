package org.convlab.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.convlab.nn.Parameter;
import org.junit.jupiter.api.Test;

/**
 * SGD (plain, momentum, Nesterov, weight decay) and Adam against torch.optim: five steps from the
 * same start with the same gradients (src/test/python/make_reference.py wrote the values).
 */
class OptimizerPytorchTest {
    @Test
    void everyConfigurationMatchesTorchOptimAfterEachStep() throws IOException {
        JsonNode ref;
        try (InputStream in = getClass().getResourceAsStream("/reference/optimizers.values.json")) {
            ref = new ObjectMapper().readTree(in);
        }
        float[] start = floats(ref.get("start"));
        for (JsonNode run : ref.get("runs")) {
            JsonNode cfg = run.get("config");
            Optimizer opt = create(cfg);
            Parameter p = new Parameter("p", new int[] {start.length});
            System.arraycopy(start, 0, p.value(), 0, start.length);
            for (int s = 0; s < ref.get("grads").size(); s++) {
                float[] g = floats(ref.get("grads").get(s));
                System.arraycopy(g, 0, p.grad(), 0, g.length);
                opt.step(List.of(p));
                float[] want = floats(run.get("params_after_each_step").get(s));
                for (int i = 0; i < want.length; i++) {
                    assertEquals(want[i], p.value()[i], 2e-6 + 1e-5 * Math.abs(want[i]),
                            cfg + " step " + (s + 1) + " value " + i);
                }
            }
            assertEquals(5, opt.steps());
        }
    }

    private static Optimizer create(JsonNode cfg) {
        float lr = (float) cfg.get("lr").asDouble();
        float wd = (float) cfg.get("weight_decay").asDouble();
        if (cfg.get("optimizer").asText().equals("sgd")) {
            return new Sgd(lr, (float) cfg.get("momentum").asDouble(), cfg.get("nesterov").asBoolean(), wd);
        }
        return new Adam(lr, (float) cfg.get("beta1").asDouble(), (float) cfg.get("beta2").asDouble(),
                (float) cfg.get("eps").asDouble(), wd);
    }

    static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }
}
