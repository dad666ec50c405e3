package org.convlab.nn.layers;

import org.convlab.engine.GlobalAvgPool;
import org.convlab.engine.GlobalAvgPoolReference;
import org.convlab.engine.Shape;
import org.convlab.model.GlobalAvgPoolSpec;

/** Mean of each channel plane: C x H x W -> C x 1 x 1. */
final class GlobalAvgPoolLayer extends Layer {
    GlobalAvgPoolLayer(GlobalAvgPoolSpec spec, Shape in, Shape out, Context ctx) {
        super(spec, in, out, ctx);
    }

    @Override
    public void forward(float[] x, boolean training) {
        if (ctx.reference()) {
            GlobalAvgPoolReference.forward(y, x, batch, in.channels(), in.plane());
        } else {
            GlobalAvgPool.forward(y, x, batch, in.channels(), in.plane());
        }
    }

    @Override
    public void backward(float[] dX, float[] dY, float[] x) {
        if (dX == null) {
            return;
        }
        if (ctx.reference()) {
            GlobalAvgPoolReference.backward(dX, dY, batch, in.channels(), in.plane());
        } else {
            GlobalAvgPool.backward(dX, dY, batch, in.channels(), in.plane());
        }
    }
}
