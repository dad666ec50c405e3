package org.convlab.nn.layers;

import java.util.List;
import org.convlab.engine.Shape;
import org.convlab.model.LayerSpec;
import org.convlab.nn.Parameter;

/**
 * One layer of a built network: its spec, shapes, output buffer and parameters, with forward
 * and backward side by side. Buffers are allocated for a batch capacity by {@link #allocate}
 * and reused for every batch up to it; {@link #setBatch} only recomputes sizes, so a training
 * step allocates nothing.
 *
 * <p>Backward ACCUMULATES: parameter gradients and {@code dX} are added to (the network zeroes
 * them first). {@code dX} may be null, meaning the gradient of the input is not wanted.
 */
public abstract class Layer {
    protected final LayerSpec spec;
    protected final Shape in;
    protected final Shape out;
    protected final Context ctx;
    protected int batch;
    protected int capacity;
    /** Output buffer [capacity * out.size()], NCHW. */
    protected float[] y;
    /** Whether the last forward ran in training mode (dropout, batch norm behave differently). */
    protected boolean trained;

    protected Layer(LayerSpec spec, Shape in, Shape out, Context ctx) {
        this.spec = spec;
        this.in = in;
        this.out = out;
        this.ctx = ctx;
    }

    public String name() {
        return spec.name();
    }

    public String type() {
        return spec.type();
    }

    public LayerSpec spec() {
        return spec;
    }

    public Shape inputShape() {
        return in;
    }

    public Shape outputShape() {
        return out;
    }

    /** The current batch size. */
    public int batch() {
        return batch;
    }

    /** Allocates buffers for up to {@code capacity} samples. */
    public void allocate(int capacity) {
        this.capacity = capacity;
        this.y = new float[Math.multiplyExact(capacity, out.size())];
        allocateBuffers(capacity);
    }

    /** Extra per-batch buffers (argmax, masks, statistics). */
    protected void allocateBuffers(int capacity) {}

    /** Sets the batch size (at most the capacity) and recomputes the sizes the kernels take. */
    public void setBatch(int batch) {
        if (batch > capacity) {
            throw new IllegalStateException("batch " + batch + " exceeds the allocated capacity " + capacity);
        }
        this.batch = batch;
        onBatch(batch);
    }

    protected void onBatch(int batch) {}

    // y [N, out]  <-  x [N, in]
    public abstract void forward(float[] x, boolean training);

    // dX [N, in] (+=, nullable), parameter gradients (+=)  <-  dY [N, out], x [N, in] (the forward input)
    public abstract void backward(float[] dX, float[] dY, float[] x);

    /** The output of the last forward, [batch, out] at the start of the array. */
    public float[] output() {
        return y;
    }

    /** Trainable tensors, in a fixed order (weight before bias). */
    public List<Parameter> parameters() {
        return List.of();
    }

    /** Non-trainable state saved with the model (batch norm's running mean and variance). */
    public List<Parameter> buffers() {
        return List.of();
    }

    /** Inner layers of a composite block (empty for plain layers), for listing gradients and traces. */
    public List<Layer> innerLayers() {
        return List.of();
    }

    @Override
    public String toString() {
        return name() + " (" + type() + ") " + in + " -> " + out;
    }
}
