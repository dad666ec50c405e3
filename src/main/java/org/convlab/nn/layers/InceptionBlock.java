package org.convlab.nn.layers;

import java.util.ArrayList;
import java.util.List;
import org.convlab.engine.Shape;
import org.convlab.model.InceptionSpec;
import org.convlab.nn.Parameter;

/** Parallel branches on the same input, outputs concatenated along channels in branch order. */
public final class InceptionBlock extends Layer {
    private final List<Sequence> branches;
    /** Values per sample of each branch's output, and where it starts in the concatenated output. */
    private final int[] branchSize;
    private final int[] offset;
    private float[][] branchGrad;

    InceptionBlock(InceptionSpec spec, Shape in, Shape out, Context ctx, List<Sequence> branches) {
        super(spec, in, out, ctx);
        this.branches = List.copyOf(branches);
        this.branchSize = new int[branches.size()];
        this.offset = new int[branches.size()];
        int at = 0;
        for (int b = 0; b < branches.size(); b++) {
            branchSize[b] = branches.get(b).outputShape().size();
            offset[b] = at;
            at += branchSize[b];
        }
    }

    public List<Sequence> branches() {
        return branches;
    }

    @Override
    protected void allocateBuffers(int capacity) {
        for (Sequence s : branches) {
            s.allocate(capacity);
        }
        branchGrad = new float[branches.size()][];
    }

    @Override
    protected void onBatch(int batch) {
        for (Sequence s : branches) {
            s.setBatch(batch);
        }
    }

    // y [N, sum of branch channels, H, W]  <-  x [N, C, H, W]
    @Override
    public void forward(float[] x, boolean training) {
        int total = out.size();
        for (int b = 0; b < branches.size(); b++) {
            float[] o = branches.get(b).forward(x, training);
            for (int n = 0; n < batch; n++) {
                System.arraycopy(o, n * branchSize[b], y, n * total + offset[b], branchSize[b]);
            }
        }
    }

    @Override
    public void backward(float[] dX, float[] dY, float[] x) {
        int total = out.size();
        for (int b = 0; b < branches.size(); b++) {
            if (branchGrad[b] == null) {
                branchGrad[b] = new float[Math.multiplyExact(capacity, branchSize[b])];
            }
            float[] g = branchGrad[b];
            for (int n = 0; n < batch; n++) {
                System.arraycopy(dY, n * total + offset[b], g, n * branchSize[b], branchSize[b]);
            }
            branches.get(b).backward(dX, g, x);
        }
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> p = new ArrayList<>();
        for (Sequence s : branches) {
            p.addAll(s.parameters());
        }
        return p;
    }

    @Override
    public List<Parameter> buffers() {
        List<Parameter> p = new ArrayList<>();
        for (Sequence s : branches) {
            p.addAll(s.buffers());
        }
        return p;
    }

    @Override
    public List<Layer> innerLayers() {
        List<Layer> all = new ArrayList<>();
        for (Sequence s : branches) {
            all.addAll(s.layers());
        }
        return all;
    }
}
