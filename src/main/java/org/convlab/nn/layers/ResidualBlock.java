package org.convlab.nn.layers;

import java.util.ArrayList;
import java.util.List;
import org.convlab.engine.Shape;
import org.convlab.model.ResidualSpec;
import org.convlab.nn.Parameter;

/** out = branch(x) + skip(x), the skip being the identity or a 1x1 projection (and batch norm). */
public final class ResidualBlock extends Layer {
    private final Sequence branch;
    private final Sequence skip;

    ResidualBlock(ResidualSpec spec, Shape in, Shape out, Context ctx, Sequence branch, Sequence skip) {
        super(spec, in, out, ctx);
        this.branch = branch;
        this.skip = skip;
    }

    public Sequence branch() {
        return branch;
    }

    /** Empty for the identity skip. */
    public Sequence skip() {
        return skip;
    }

    @Override
    protected void allocateBuffers(int capacity) {
        branch.allocate(capacity);
        skip.allocate(capacity);
    }

    @Override
    protected void onBatch(int batch) {
        branch.setBatch(batch);
        skip.setBatch(batch);
    }

    // y [N, out]  <-  x [N, in]
    @Override
    public void forward(float[] x, boolean training) {
        float[] b = branch.forward(x, training);
        float[] s = skip.forward(x, training);
        int n = batch * out.size();
        for (int i = 0; i < n; i++) {
            y[i] = b[i] + s[i];
        }
    }

    @Override
    public void backward(float[] dX, float[] dY, float[] x) {
        branch.backward(dX, dY, x);
        if (!skip.isEmpty()) {
            skip.backward(dX, dY, x);
        } else if (dX != null) {
            int n = batch * out.size();
            for (int i = 0; i < n; i++) {
                dX[i] += dY[i];
            }
        }
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> p = new ArrayList<>(branch.parameters());
        p.addAll(skip.parameters());
        return p;
    }

    @Override
    public List<Parameter> buffers() {
        List<Parameter> p = new ArrayList<>(branch.buffers());
        p.addAll(skip.buffers());
        return p;
    }

    @Override
    public List<Layer> innerLayers() {
        List<Layer> all = new ArrayList<>(branch.layers());
        all.addAll(skip.layers());
        return all;
    }
}
