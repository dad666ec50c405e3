package org.convlab.nn.layers;

import org.convlab.engine.Dropout;
import org.convlab.engine.Shape;
import org.convlab.model.DropoutSpec;

/**
 * Inverted dropout: in training each value is kept with probability 1 - rate and scaled by
 * 1/(1 - rate), with a mask drawn from the network's step seed mixed with this layer's number
 * (same seed, same mask, whatever the thread count); at inference the output is the input itself.
 */
final class DropoutLayer extends Layer {
    private final float rate;
    private final int layerId;
    private float[] mask;
    private float[] current;

    DropoutLayer(DropoutSpec spec, Shape in, Context ctx, int layerId) {
        super(spec, in, in, ctx);
        this.rate = (float) spec.rate();
        this.layerId = layerId;
    }

    @Override
    protected void allocateBuffers(int capacity) {
        mask = new float[Math.multiplyExact(capacity, in.size())];
    }

    @Override
    public void forward(float[] x, boolean training) {
        trained = training && rate > 0;
        if (!trained) {
            current = x;
            return;
        }
        Dropout.forward(y, mask, x, batch * in.size(), rate, ctx.dropoutSeed(layerId));
        current = y;
    }

    @Override
    public float[] output() {
        return current;
    }

    /** The mask of the last training forward (0 or 1/(1 - rate) per value). */
    public float[] mask() {
        return mask;
    }

    @Override
    public void backward(float[] dX, float[] dY, float[] x) {
        if (dX == null) {
            return;
        }
        int n = batch * in.size();
        if (trained) {
            Dropout.backward(dX, dY, mask, n);
        } else {
            for (int i = 0; i < n; i++) {
                dX[i] += dY[i];
            }
        }
    }
}
