package org.convlab.nn.layers;

import java.util.ArrayList;
import java.util.List;
import org.convlab.engine.Shape;
import org.convlab.nn.Parameter;

/**
 * Layers run one after the other: the network itself, an inception branch, a residual branch
 * or skip path. Owns the gradient buffer of every layer's output (allocated on the first
 * backward, then reused). Backward stops early once no layer further down has parameters and
 * the input gradient is not wanted.
 */
public final class Sequence {
    private final List<Layer> layers;
    private final Shape in;
    private final Shape out;
    /** hasParamsBefore[i]: some layer in 0..i-1 has trainable parameters. */
    private final boolean[] hasParamsBefore;
    private float[][] grads;
    private int capacity;
    private int batch;

    public Sequence(List<Layer> layers, Shape in) {
        this.layers = List.copyOf(layers);
        this.in = in;
        this.out = layers.isEmpty() ? in : layers.get(layers.size() - 1).outputShape();
        this.hasParamsBefore = new boolean[layers.size()];
        boolean any = false;
        for (int i = 0; i < layers.size(); i++) {
            hasParamsBefore[i] = any;
            any |= !layers.get(i).parameters().isEmpty();
        }
    }

    public List<Layer> layers() {
        return layers;
    }

    public boolean isEmpty() {
        return layers.isEmpty();
    }

    public Shape outputShape() {
        return out;
    }

    public void allocate(int capacity) {
        this.capacity = capacity;
        for (Layer l : layers) {
            l.allocate(capacity);
        }
        grads = null;
    }

    public void setBatch(int batch) {
        this.batch = batch;
        for (Layer l : layers) {
            l.setBatch(batch);
        }
    }

    /** Runs every layer; returns the last output (or {@code x} itself when empty). */
    public float[] forward(float[] x, boolean training) {
        float[] a = x;
        for (Layer l : layers) {
            l.forward(a, training);
            a = l.output();
        }
        return a;
    }

    /** The output of the last forward. */
    public float[] output(float[] x) {
        return layers.isEmpty() ? x : layers.get(layers.size() - 1).output();
    }

    /** The gradient buffer of layer {@code i}'s output, [capacity, out_i]. */
    public float[] grad(int i) {
        if (grads == null) {
            grads = new float[layers.size()][];
        }
        if (grads[i] == null) {
            grads[i] = new float[Math.multiplyExact(capacity, layers.get(i).outputShape().size())];
        }
        return grads[i];
    }

    // dX [N, in] (+=, nullable), parameter gradients (+=)  <-  dY [N, out], x [N, in]
    public void backward(float[] dX, float[] dY, float[] x) {
        backwardFrom(layers.size() - 1, dX, dY, x);
    }

    /** Back-propagates from layer {@code last} (whose output gradient is {@code dY}) down to the input. */
    public void backwardFrom(int last, float[] dX, float[] dY, float[] x) {
        float[] d = dY;
        for (int i = last; i >= 0; i--) {
            Layer layer = layers.get(i);
            float[] input = i == 0 ? x : layers.get(i - 1).output();
            float[] dIn;
            if (i == 0) {
                dIn = dX;
            } else if (hasParamsBefore[i] || dX != null) {
                dIn = grad(i - 1);
                Zero.fill(dIn, batch * layers.get(i - 1).outputShape().size());
            } else {
                dIn = null;
            }
            layer.backward(dIn, d, input);
            if (dIn == null) {
                return;
            }
            d = dIn;
        }
    }

    /** Trainable parameters of every layer, in order (inner layers of blocks included). */
    public List<Parameter> parameters() {
        List<Parameter> p = new ArrayList<>();
        for (Layer l : layers) {
            p.addAll(l.parameters());
        }
        return p;
    }

    public List<Parameter> buffers() {
        List<Parameter> p = new ArrayList<>();
        for (Layer l : layers) {
            p.addAll(l.buffers());
        }
        return p;
    }
}
