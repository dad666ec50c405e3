package org.convlab.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.convlab.MemoryGuard;
import org.convlab.UserInputException;
import org.convlab.engine.Losses;
import org.convlab.engine.Shape;
import org.convlab.engine.Softmax;
import org.convlab.model.Dims;
import org.convlab.model.LayerInfo;
import org.convlab.model.MemoryEstimate;
import org.convlab.model.NetworkSpec;
import org.convlab.model.ShapeInference;
import org.convlab.model.SoftmaxSpec;
import org.convlab.nn.layers.Context;
import org.convlab.nn.layers.Layer;
import org.convlab.nn.layers.LayerFactory;
import org.convlab.nn.layers.Sequence;
import org.convlab.nn.layers.Zero;
import org.convlab.nn.optim.Optimizer;

/**
 * A network built from a {@link NetworkSpec}: one layer object per spec, parameters loaded from
 * the inline tensors or initialised from a seed, and every buffer (activations, gradients,
 * masks) allocated once for a batch capacity and reused, so a training step allocates nothing.
 *
 * <p>Use: {@link #forward} a batch, then {@link #backwardCrossEntropy} or
 * {@link #backwardMeanSquared} for the loss and all gradients, then an {@link Optimizer} step
 * ({@link #trainStep} does the three). When the last layer is a softmax, cross-entropy skips it
 * and takes the logits (the fused, numerically stable loss) while {@link #forward} still returns
 * probabilities. Not thread-safe: one network per thread; the kernels inside use the shared pool.
 */
public final class Network {
    private final NetworkSpec spec;
    private final List<LayerInfo> infos;
    private final Context ctx = new Context();
    private final Sequence layers;
    private final Shape input;
    private final Shape output;
    private final boolean softmaxLast;
    private final List<Parameter> parameters;
    private final List<Parameter> buffers;
    private final List<String> initialised;

    private int capacity;
    private int batch;
    private float[] lastInput;
    private float[] probs;
    private float[] logitGrad;
    private boolean wantInputGradient;
    private float[] inputGrad;
    private boolean probsFresh;
    private long dropoutSteps;
    private final long seed;
    private DataParallel dataParallel;
    /** After a split training step: the batch's outputs and probabilities gathered from the slices. */
    private boolean lastStepSplit;
    private float[] splitOutputs;
    private float[] splitProbabilities;
    private int dataParallelCapacity;
    private final NetworkMemory memory;
    /** The capacity the output gradients were checked for (the first backward allocates them). */
    private int backwardCapacity;

    private Network(NetworkSpec spec, long seed) {
        this.spec = spec;
        this.seed = seed;
        this.infos = ShapeInference.infer(spec);
        this.memory = NetworkMemory.beforeBuild(infos, Dims.of(spec.input()));
        this.input = spec.input();
        LayerFactory factory = new LayerFactory(ctx, seed);
        this.layers = factory.sequence(infos, input);
        this.initialised = factory.initialised();
        this.output = layers.outputShape();
        this.softmaxLast = spec.layers().get(spec.layers().size() - 1) instanceof SoftmaxSpec;
        this.parameters = List.copyOf(layers.parameters());
        this.buffers = List.copyOf(layers.buffers());
        ctx.setDropoutSeed(seed);
    }

    /**
     * Builds the network: shape inference (a layer that does not fit throws
     * {@link UserInputException} with the arithmetic), inline weights loaded, others initialised
     * from {@code seed}.
     */
    public static Network build(NetworkSpec spec, long seed) {
        try {
            return new Network(spec, seed);
        } catch (OutOfMemoryError e) {
            throw MemoryGuard.refusal(-1, "building this model", "use fewer units or filters");
        }
    }

    /** What this network holds in memory, counted from shape inference. */
    public MemoryEstimate memoryEstimate() {
        return memory.estimate();
    }

    /**
     * Refuses, before a training run, a batch whose gradients, optimizer state ({@code optimizerCopies}
     * values per parameter: SGD with momentum 1, Adam 2) and activations would not fit the heap.
     */
    public void requireTrainingMemory(int batch, int optimizerCopies) {
        memory.requireTraining(batch, optimizerCopies, buffers.isEmpty());
    }

    /** Refuses, before inference in batches of {@code batch}, activations that would not fit the heap. */
    public void requireInferenceMemory(int batch) {
        if (batch > capacity) {
            memory.requireInference(batch);
        }
    }

    public NetworkSpec spec() {
        return spec;
    }

    /** Shape inference of every top-level layer (formulas, counts). */
    public List<LayerInfo> layerInfos() {
        return infos;
    }

    public Shape inputShape() {
        return input;
    }

    public Shape outputShape() {
        return output;
    }

    /** Number of classes: the size of the output. */
    public int classes() {
        return output.size();
    }

    /** Top-level layers in order (blocks expose their inner layers). */
    public List<Layer> layers() {
        return layers.layers();
    }

    /** Every trainable tensor, in layer order. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Non-trainable state (batch norm running statistics). */
    public List<Parameter> buffers() {
        return buffers;
    }

    /** Weights that had no inline values in the model and were initialised from the seed. */
    public List<String> initialisedWeights() {
        return initialised;
    }

    /** The current batch size (after the last forward). */
    public int batch() {
        return batch;
    }

    /** Runs the scalar reference kernels (the step-through's) instead of the fast ones. */
    public void setReference(boolean reference) {
        ctx.setReference(reference);
    }

    public boolean isReference() {
        return ctx.reference();
    }

    /** Sets the seed of the next training step's dropout masks (each training forward then moves it on). */
    public void setDropoutSeed(long seed) {
        ctx.setDropoutSeed(seed);
    }

    /** Whether backward also computes the gradient of the input (the {@code grad} command, saliency). */
    public void setInputGradient(boolean wanted) {
        this.wantInputGradient = wanted;
    }

    /** Makes room for batches of up to {@code capacity} samples (allocates only when it grows). */
    public void reserve(int capacity) {
        if (capacity <= this.capacity) {
            return;
        }
        memory.requireForward(capacity);
        try {
            layers.allocate(capacity);
        } catch (OutOfMemoryError e) {
            layers.allocate(0); // let go of what was allocated before the failure
            this.capacity = 0;
            throw MemoryGuard.refusal(-1, "the activations of " + capacity + " images", "use a smaller --batch");
        }
        this.capacity = capacity;
        backwardCapacity = 0;
        probs = null;
        logitGrad = null;
        inputGrad = null;
        batch = 0;
    }

    /**
     * Forward pass of {@code batch} samples stored NCHW at the start of {@code x} (which must stay
     * unchanged until backward). Training mode draws dropout masks and uses batch statistics.
     *
     * @return the last layer's output [batch, output size] at the start of the array (probabilities
     *         when the last layer is a softmax); owned by the network, overwritten by the next forward
     */
    public float[] forward(float[] x, int batch, boolean training) {
        if (batch <= 0) {
            throw new IllegalArgumentException("batch must be positive: " + batch);
        }
        if (x.length < (long) batch * input.size()) {
            throw new IllegalArgumentException("input holds " + x.length + " values, a batch of " + batch
                    + " x " + input + " needs " + (long) batch * input.size());
        }
        reserve(batch);
        if (batch != this.batch) {
            layers.setBatch(batch);
            this.batch = batch;
        }
        if (training) {
            ctx.setDropoutSeed(ctx.dropoutSeed() + 1);
            dropoutSteps++;
        }
        lastInput = x;
        probsFresh = false;
        lastStepSplit = false;
        return layers.forward(x, training);
    }

    /** The output of the last forward. */
    public float[] output() {
        if (lastStepSplit) {
            return splitOutputs;
        }
        return layers.output(lastInput);
    }

    /** The logits of the last forward: the input of a trailing softmax, else the output. */
    public float[] logits() {
        List<Layer> l = layers.layers();
        if (!softmaxLast) {
            return output();
        }
        return l.size() == 1 ? lastInput : l.get(l.size() - 2).output();
    }

    /** Class probabilities of the last forward, [batch, classes] (softmax of the logits). */
    public float[] probabilities() {
        if (lastStepSplit) {
            return splitProbabilities;
        }
        if (softmaxLast) {
            return output();
        }
        if (!probsFresh) {
            ensureProbs();
            Softmax.forward(probs, output(), batch, classes());
            probsFresh = true;
        }
        return probs;
    }

    /**
     * Mean softmax cross-entropy of the last forward against {@code labels} (one per sample), and
     * the gradient of every parameter (zeroed first, then filled) and, if wanted, of the input.
     */
    public float backwardCrossEntropy(int[] labels) {
        requireForward();
        requireBackwardMemory();
        int k = classes();
        checkLabels(labels, batch);
        zeroGradients();
        List<Layer> l = layers.layers();
        float loss;
        if (softmaxLast) {
            int last = l.size() - 1;
            float[] dLogits = last == 0 ? ensureLogitGrad() : layers.grad(last - 1);
            // probabilities go to the softmax layer's own output: the same values its forward wrote
            loss = Losses.softmaxCrossEntropy(l.get(last).output(), dLogits, logits(), labels, batch, k);
            if (last > 0) {
                layers.backwardFrom(last - 1, inputGradBuffer(), dLogits, lastInput);
            } else if (wantInputGradient) {
                float[] dX = inputGradBuffer();
                System.arraycopy(dLogits, 0, dX, 0, batch * k);
            }
        } else {
            ensureProbs();
            float[] dLogits = layers.grad(l.size() - 1);
            loss = Losses.softmaxCrossEntropy(probs, dLogits, output(), labels, batch, k);
            probsFresh = true;
            layers.backward(inputGradBuffer(), dLogits, lastInput);
        }
        return loss;
    }

    /** Mean squared error of the output against {@code target} [batch, output size], with all gradients. */
    public float backwardMeanSquared(float[] target) {
        requireForward();
        requireBackwardMemory();
        zeroGradients();
        int n = batch * output.size();
        float[] dOut = layers.grad(layers.layers().size() - 1);
        float loss = Losses.meanSquaredError(dOut, output(), target, n);
        layers.backward(inputGradBuffer(), dOut, lastInput);
        return loss;
    }

    /**
     * One training step with softmax cross-entropy: forward in training mode, backward, and an
     * optimizer update. Returns the loss before the update.
     */
    public float trainStep(float[] x, int[] labels, int batch, Optimizer optimizer) {
        float loss = gradientStep(x, labels, batch);
        optimizer.step(parameters);
        return loss;
    }

    /**
     * Inference of {@code batch} samples into {@code out} ([batch, output size]: probabilities when
     * the last layer is a softmax). Batches of at least two {@link DataParallel#MIN_SLICE}-sample
     * slices run split across the batch, one slice per pool task; the layer outputs of this
     * network are then not the batch's. For per-layer outputs use {@link #forward}.
     */
    public void predict(float[] x, int batch, float[] out) {
        if (DataParallel.slices(batch) < 2) {
            float[] y = forward(x, batch, false);
            System.arraycopy(y, 0, out, 0, batch * output.size());
            return;
        }
        splitter(batch).predict(x, batch, out);
    }

    private DataParallel splitter(int batch) {
        if (dataParallel == null || dataParallel.slicesCount() != DataParallel.slices(batch)
                || dataParallelCapacity < batch) {
            dataParallel = DataParallel.forBatch(this, batch);
            dataParallelCapacity = batch;
        }
        return dataParallel;
    }

    /**
     * Forward in training mode and cross-entropy backward, leaving the batch's mean gradient in
     * {@link #parameters()}; returns the mean loss. Batches of at least two
     * {@link DataParallel#MIN_SLICE}-sample slices (without batch norm) run split across the batch
     * on replicas, one slice per pool task; then the layer outputs of this network are not the
     * batch's. The split depends on the batch size only, so results do not depend on the threads.
     */
    public float gradientStep(float[] x, int[] labels, int batch) {
        if (DataParallel.slices(batch) >= 2 && buffers.isEmpty()) {
            DataParallel split = splitter(batch);
            checkLabels(labels, batch);
            ctx.setDropoutSeed(ctx.dropoutSeed() + 1);
            dropoutSteps++;
            int n = batch * output.size();
            if (splitOutputs == null || splitOutputs.length < n) {
                splitOutputs = new float[n];
                splitProbabilities = new float[n];
            }
            float loss = split.gradients(x, labels, batch, ctx.dropoutSeed(), splitOutputs, splitProbabilities);
            lastStepSplit = true;
            return loss;
        }
        forward(x, batch, true);
        return backwardCrossEntropy(labels);
    }

    /** The gradient of the loss with respect to the input (after a backward with {@link #setInputGradient}). */
    public float[] inputGradient() {
        if (!wantInputGradient || inputGrad == null) {
            throw new IllegalStateException("call setInputGradient(true) before backward");
        }
        return inputGrad;
    }

    /**
     * dL/d(output of top-level layer {@code layer}) from the last backward, [batch, out] at the
     * start of the network's own buffer (read only; the next backward overwrites it). Every layer's
     * is filled when {@link #setInputGradient} is on; before a trailing softmax the layer feeding it
     * holds dL/dlogits. For the backward step-through.
     */
    public float[] outputGradient(int layer) {
        return layers.grad(layer);
    }

    /** Sets every parameter gradient to zero (backward does this itself). */
    public void zeroGradients() {
        for (Parameter p : parameters) {
            Arrays.fill(p.grad(), 0f);
        }
    }

    /** The parameter or buffer with this name ({@code conv1.weight}, {@code bn1.running_mean}), or null. */
    public Parameter parameter(String name) {
        for (Parameter p : parameters) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        for (Parameter p : buffers) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** Every layer, depth first: top-level layers followed by the inner layers of each block. */
    public List<Layer> allLayers() {
        List<Layer> all = new ArrayList<>();
        for (Layer l : layers.layers()) {
            collect(l, all);
        }
        return all;
    }

    private static void collect(Layer l, List<Layer> all) {
        all.add(l);
        for (Layer inner : l.innerLayers()) {
            collect(inner, all);
        }
    }

    /** Training forwards run so far (each moves the dropout seed on). */
    public long trainingSteps() {
        return dropoutSteps;
    }

    public long seed() {
        return seed;
    }

    private float[] inputGradBuffer() {
        if (!wantInputGradient) {
            return null;
        }
        if (inputGrad == null) {
            inputGrad = new float[Math.multiplyExact(capacity, input.size())];
        }
        Zero.fill(inputGrad, batch * input.size());
        return inputGrad;
    }

    private void ensureProbs() {
        if (probs == null) {
            probs = new float[Math.multiplyExact(capacity, classes())];
        }
    }

    private float[] ensureLogitGrad() {
        if (logitGrad == null) {
            logitGrad = new float[Math.multiplyExact(capacity, classes())];
        }
        return logitGrad;
    }

    private void checkLabels(int[] labels, int batch) {
        int k = classes();
        for (int n = 0; n < batch; n++) {
            if (labels[n] < 0 || labels[n] >= k) {
                throw new UserInputException("label " + labels[n] + " is out of range: the model has " + k
                        + " classes (0.." + (k - 1) + ")");
            }
        }
    }

    private void requireBackwardMemory() {
        if (backwardCapacity != capacity) {
            memory.requireBackward(capacity, !parameters.isEmpty() && !parameters.get(0).hasGradient());
            backwardCapacity = capacity;
        }
    }

    private void requireForward() {
        if (batch == 0 || lastInput == null) {
            throw new IllegalStateException("run forward before backward");
        }
    }
}
