package org.convlab.io.pytorch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convlab.UserInputException;
import org.convlab.io.Safetensors;
import org.convlab.model.BatchNormSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.ParamData;

/**
 * The state_dict of the generated model, taken from the spec's inline tensors without copying
 * them (ConvLab's layouts are PyTorch's). Batch norm also gets PyTorch's
 * {@code num_batches_tracked} counter (int64, 0: ConvLab does not count batches, and PyTorch
 * uses the counter only when momentum is None), so that {@code load_state_dict(strict=True)}
 * finds every entry it expects.
 */
final class StateDictTensors {
    private StateDictTensors() {}

    static Map<String, Safetensors.Source> of(List<TorchLayer> layers) {
        Map<String, Safetensors.Source> out = new LinkedHashMap<>();
        for (TorchLayout.Entry e : TorchLayout.entries(layers)) {
            ParamData p = tensor(e);
            if (p == null) {
                throw new UserInputException("layer " + e.layer().name() + " has no " + e.field()
                        + " values to export (a model's weights must be set before export)");
            }
            if (!p.hasShape(e.shape())) {
                throw new UserInputException(e.key() + ": shape " + java.util.Arrays.toString(p.shape())
                        + " does not fit the layer's input, which needs " + java.util.Arrays.toString(e.shape()));
            }
            out.put(e.key(), Safetensors.Source.f32(e.shape(), p.view()));
            if (e.field().equals("running_var")) {
                out.put(e.layer().path() + ".num_batches_tracked", Safetensors.Source.i64(new long[0], 0L));
            }
        }
        return out;
    }

    /** The spec's tensor for one state_dict entry (null when the spec has none). */
    static ParamData tensor(TorchLayout.Entry e) {
        if (e.layer().spec() instanceof ConvSpec c) {
            return e.field().equals("weight") ? c.weight() : c.biasData();
        }
        if (e.layer().spec() instanceof org.convlab.model.ConvTransposeSpec t) {
            return e.field().equals("weight") ? t.weight() : t.biasData();
        }
        if (e.layer().spec() instanceof DenseSpec d) {
            return e.field().equals("weight") ? d.weight() : d.biasData();
        }
        BatchNormSpec b = (BatchNormSpec) e.layer().spec();
        return switch (e.field()) {
            case "weight" -> b.gamma();
            case "bias" -> b.beta();
            case "running_mean" -> b.runningMean();
            default -> b.runningVar();
        };
    }
}
