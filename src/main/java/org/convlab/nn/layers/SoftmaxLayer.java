package org.convlab.nn.layers;

import org.convlab.engine.Shape;
import org.convlab.engine.Softmax;
import org.convlab.engine.SoftmaxReference;
import org.convlab.model.SoftmaxSpec;

/**
 * Softmax over a flat input. As the last layer of a network trained with cross-entropy the
 * network skips its backward and feeds the fused loss the logits instead (numerically stable);
 * elsewhere (or with MSE) it back-propagates through the softmax Jacobian.
 */
final class SoftmaxLayer extends Layer {
    SoftmaxLayer(SoftmaxSpec spec, Shape in, Context ctx) {
        super(spec, in, in, ctx);
    }

    @Override
    public void forward(float[] x, boolean training) {
        if (ctx.reference()) {
            SoftmaxReference.forward(y, x, batch, in.size());
        } else {
            Softmax.forward(y, x, batch, in.size());
        }
    }

    @Override
    public void backward(float[] dX, float[] dY, float[] x) {
        if (dX == null) {
            return;
        }
        if (ctx.reference()) {
            SoftmaxReference.backward(dX, dY, y, batch, in.size());
        } else {
            Softmax.backward(dX, dY, y, batch, in.size());
        }
    }
}
