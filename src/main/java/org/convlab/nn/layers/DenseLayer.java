package org.convlab.nn.layers;

import java.util.List;
import org.convlab.engine.Dense;
import org.convlab.engine.DenseReference;
import org.convlab.engine.Shape;
import org.convlab.model.DenseSpec;
import org.convlab.nn.Parameter;

/** Fully connected: weight [out, in] (PyTorch layout), optional bias [out]; a C x H x W input is read flat. */
public final class DenseLayer extends Layer {
    private final Parameter weight;
    private final Parameter bias;
    private final int inputs;
    private final int units;

    DenseLayer(DenseSpec dense, Shape in, Shape out, Context ctx) {
        super(dense, in, out, ctx);
        this.inputs = in.size();
        this.units = dense.units();
        this.weight = new Parameter(dense.name() + ".weight", new int[] {units, inputs});
        this.bias = dense.bias() ? new Parameter(dense.name() + ".bias", new int[] {units}) : null;
    }

    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }

    @Override
    public void forward(float[] x, boolean training) {
        float[] b = bias == null ? null : bias.value();
        if (ctx.reference()) {
            DenseReference.forward(y, x, weight.value(), b, batch, inputs, units);
        } else {
            Dense.forward(y, x, weight.value(), b, batch, inputs, units);
        }
    }

    @Override
    public void backward(float[] dX, float[] dY, float[] x) {
        float[] dB = bias == null ? null : bias.grad();
        if (ctx.reference()) {
            DenseReference.backward(dX, weight.grad(), dB, dY, x, weight.value(), batch, inputs, units);
        } else {
            Dense.backward(dX, weight.grad(), dB, dY, x, weight.value(), batch, inputs, units);
        }
    }

    @Override
    public List<Parameter> parameters() {
        return Parameter.weightAndBias(weight, bias);
    }
}
