package org.convlab.nn.layers;

import org.convlab.engine.Shape;
import org.convlab.model.FlattenSpec;

/** C x H x W -> C*H*W: the NCHW memory is already in flatten order, so the output is the input array itself. */
final class FlattenLayer extends Layer {
    private float[] current;

    FlattenLayer(FlattenSpec spec, Shape in, Shape out, Context ctx) {
        super(spec, in, out, ctx);
    }

    @Override
    public void allocate(int capacity) {
        this.capacity = capacity; // no buffer of its own
    }

    @Override
    public void forward(float[] x, boolean training) {
        current = x;
    }

    @Override
    public float[] output() {
        return current;
    }

    // dX [N, C*H*W] (+=)  dY [N, C*H*W]
    @Override
    public void backward(float[] dX, float[] dY, float[] x) {
        if (dX == null) {
            return;
        }
        int n = batch * in.size();
        for (int i = 0; i < n; i++) {
            dX[i] += dY[i];
        }
    }
}
