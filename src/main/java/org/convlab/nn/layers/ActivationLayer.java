package org.convlab.nn.layers;

import org.convlab.engine.Activations;
import org.convlab.engine.ActivationsReference;
import org.convlab.engine.Shape;
import org.convlab.model.ActivationSpec;

/** ReLU, leaky ReLU, sigmoid or tanh, element-wise. */
final class ActivationLayer extends Layer {
    private final ActivationSpec.Kind kind;
    private final float slope;

    ActivationLayer(ActivationSpec spec, Shape in, Context ctx) {
        super(spec, in, in, ctx);
        this.kind = spec.kind();
        this.slope = (float) spec.slope();
    }

    @Override
    public void forward(float[] x, boolean training) {
        int n = batch * in.size();
        boolean ref = ctx.reference();
        switch (kind) {
            case RELU -> {
                if (ref) ActivationsReference.relu(y, x, n); else Activations.relu(y, x, n);
            }
            case LEAKY_RELU -> {
                if (ref) ActivationsReference.leakyRelu(y, x, n, slope); else Activations.leakyRelu(y, x, n, slope);
            }
            case SIGMOID -> {
                if (ref) ActivationsReference.sigmoid(y, x, n); else Activations.sigmoid(y, x, n);
            }
            case TANH -> {
                if (ref) ActivationsReference.tanh(y, x, n); else Activations.tanh(y, x, n);
            }
        }
    }

    @Override
    public void backward(float[] dX, float[] dY, float[] x) {
        if (dX == null) {
            return;
        }
        int n = batch * in.size();
        boolean ref = ctx.reference();
        switch (kind) {
            case RELU -> {
                if (ref) ActivationsReference.reluBackward(dX, dY, x, n); else Activations.reluBackward(dX, dY, x, n);
            }
            case LEAKY_RELU -> {
                if (ref) ActivationsReference.leakyReluBackward(dX, dY, x, n, slope);
                else Activations.leakyReluBackward(dX, dY, x, n, slope);
            }
            case SIGMOID -> {
                if (ref) ActivationsReference.sigmoidBackward(dX, dY, y, n); else Activations.sigmoidBackward(dX, dY, y, n);
            }
            case TANH -> {
                if (ref) ActivationsReference.tanhBackward(dX, dY, y, n); else Activations.tanhBackward(dX, dY, y, n);
            }
        }
    }
}
