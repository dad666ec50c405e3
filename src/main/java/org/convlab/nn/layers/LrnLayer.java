package org.convlab.nn.layers;

import org.convlab.engine.Lrn;
import org.convlab.engine.LrnReference;
import org.convlab.engine.Shape;
import org.convlab.model.LrnSpec;

/** Local response normalization across channels (PyTorch's LocalResponseNorm). */
final class LrnLayer extends Layer {
    private final int size;
    private final float alpha;
    private final float beta;
    private final float k;
    private float[] scale;

    LrnLayer(LrnSpec spec, Shape in, Context ctx) {
        super(spec, in, in, ctx);
        this.size = spec.size();
        this.alpha = (float) spec.alpha();
        this.beta = (float) spec.beta();
        this.k = (float) spec.k();
    }

    @Override
    protected void allocateBuffers(int capacity) {
        scale = new float[Math.multiplyExact(capacity, in.size())];
    }

    @Override
    public void forward(float[] x, boolean training) {
        if (ctx.reference()) {
            LrnReference.forward(y, scale, x, batch, in.channels(), in.plane(), size, alpha, beta, k);
        } else {
            Lrn.forward(y, scale, x, batch, in.channels(), in.plane(), size, alpha, beta, k);
        }
    }

    @Override
    public void backward(float[] dX, float[] dY, float[] x) {
        if (dX == null) {
            return;
        }
        if (ctx.reference()) {
            LrnReference.backward(dX, dY, x, y, scale, batch, in.channels(), in.plane(), size, alpha, beta, k);
        } else {
            Lrn.backward(dX, dY, x, y, scale, batch, in.channels(), in.plane(), size, alpha, beta, k);
        }
    }
}
