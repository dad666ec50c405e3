package org.convlab.nn.layers;

import org.convlab.engine.AvgPool;
import org.convlab.engine.AvgPoolReference;
import org.convlab.engine.MaxPool;
import org.convlab.engine.MaxPoolReference;
import org.convlab.engine.PoolGeometry;
import org.convlab.engine.Shape;
import org.convlab.model.PoolSpec;

/**
 * Max or average pooling over windowHeight x windowWidth windows (a 1 x k window is PyTorch's
 * MaxPool1d/AvgPool1d on a 1-row map); max pooling keeps the argmax of every output for backward
 * and the step-through.
 */
public final class PoolLayer extends Layer {
    private final PoolSpec pool;
    /** Padding [rows, cols] on each side, resolved from the spec once. */
    private final int[] padding;
    private int[] argmax;
    private PoolGeometry geometry;

    PoolLayer(PoolSpec pool, Shape in, Shape out, Context ctx) {
        super(pool, in, out, ctx);
        this.pool = pool;
        this.padding = pool.resolvedPadding();
    }

    public boolean isMax() {
        return pool.kind() == PoolSpec.Kind.MAX;
    }

    /** For max pooling: the flat input index each output of the last forward came from. */
    public int[] argmax() {
        return argmax;
    }

    public PoolGeometry geometry() {
        return geometry;
    }

    @Override
    protected void allocateBuffers(int capacity) {
        argmax = isMax() ? new int[Math.multiplyExact(capacity, out.size())] : null;
    }

    @Override
    protected void onBatch(int batch) {
        geometry = new PoolGeometry(batch, in.channels(), in.height(), in.width(), pool.windowHeight(),
                pool.windowWidth(), pool.stride(), padding[0], padding[1], pool.ceil());
    }

    @Override
    public void forward(float[] x, boolean training) {
        boolean ref = ctx.reference();
        if (isMax()) {
            if (ref) {
                MaxPoolReference.forward(y, argmax, x, geometry);
            } else {
                MaxPool.forward(y, argmax, x, geometry);
            }
        } else if (ref) {
            AvgPoolReference.forward(y, x, geometry);
        } else {
            AvgPool.forward(y, x, geometry);
        }
    }

    @Override
    public void backward(float[] dX, float[] dY, float[] x) {
        if (dX == null) {
            return;
        }
        boolean ref = ctx.reference();
        if (isMax()) {
            if (ref) {
                MaxPoolReference.backward(dX, dY, argmax, geometry);
            } else {
                MaxPool.backward(dX, dY, argmax, geometry);
            }
        } else if (ref) {
            AvgPoolReference.backward(dX, dY, geometry);
        } else {
            AvgPool.backward(dX, dY, geometry);
        }
    }
}
