package org.convlab.model;

import static org.convlab.MemoryGuard.plus;
import static org.convlab.MemoryGuard.times;

import java.util.List;
import org.convlab.MemoryGuard;

/**
 * What a network built from a spec holds in memory, counted from shape inference alone (nothing
 * is allocated): the stored parameters, and per sample of a batch the values the forward pass
 * keeps (every layer's output, pooling's argmax, dropout's mask, batch norm's normalised input)
 * and the values backward adds (the gradient of every layer's output). It follows what
 * {@code nn.Network} allocates, rounded up where a layer keeps a little more, so a refusal errs on
 * the side of caution. Counts saturate at {@link Long#MAX_VALUE} instead of overflowing.
 *
 * @param parameters       trainable values (weights and biases)
 * @param statistics       non-trainable values (batch norm running mean and variance)
 * @param inputPerSample   values of one input sample
 * @param forwardPerSample values the forward pass keeps per sample
 * @param backwardPerSample values backward adds per sample (output gradients)
 */
public record MemoryEstimate(long parameters, long statistics, long inputPerSample, long forwardPerSample,
                             long backwardPerSample) {
    /** Bytes of one float. */
    public static final int FLOAT = Float.BYTES;

    public static MemoryEstimate of(ModelSummary s) {
        return of(s.layers(), Dims.of(s.network().input()).count());
    }

    public static MemoryEstimate of(List<LayerInfo> infos, long inputValues) {
        long[] acc = new long[4]; // parameters, statistics, forward, backward
        for (LayerInfo top : infos) {
            top.forEachDeep(l -> add(l, acc));
        }
        return new MemoryEstimate(acc[0], acc[1], inputValues, acc[2], acc[3]);
    }

    private static void add(LayerInfo l, long[] acc) {
        LayerSpec spec = l.spec();
        long in = saturatedCount(l.inputDims());
        long out = l.activations();
        acc[0] = plus(acc[0], l.params());
        if (spec instanceof BatchNormSpec) {
            acc[1] = plus(acc[1], times(2, l.inputDims().channels()));
        }
        long forward = spec instanceof FlattenSpec ? 0 : out; // flatten is a view of its input
        if (spec instanceof PoolSpec) {
            forward = plus(forward, out); // the argmax of max pooling (an int per output)
        }
        if (spec instanceof DropoutSpec || spec instanceof BatchNormSpec || spec instanceof LrnSpec) {
            forward = plus(forward, in); // mask, normalised input or scale
        }
        acc[2] = plus(acc[2], forward);
        acc[3] = plus(acc[3], out); // the gradient of this layer's output
    }

    private static long saturatedCount(Dims d) {
        return times(times(d.channels(), d.height()), d.width());
    }

    /** Bytes of the stored weights, biases and statistics. */
    public long weightBytes() {
        return times(plus(parameters, statistics), FLOAT);
    }

    /** Bytes of the gradients of the trainable values. */
    public long gradientBytes() {
        return times(parameters, FLOAT);
    }

    /** Bytes of an optimizer's state: {@code copies} values per parameter (SGD with momentum 1, Adam 2). */
    public long optimizerBytes(int copies) {
        return times(times(parameters, copies), FLOAT);
    }

    /** Bytes of the forward activations of one image (inference). */
    public long activationBytesPerImage() {
        return times(plus(inputPerSample, forwardPerSample), FLOAT);
    }

    /** Bytes per image of a training step: input (twice: the batch being filled and the one in use), forward and backward. */
    public long trainingBytesPerImage() {
        return times(plus(times(2, inputPerSample), plus(forwardPerSample, backwardPerSample)), FLOAT);
    }

    /** Bytes to run inference on {@code batch} images: activations only (the weights are counted apart). */
    public long inferenceBytes(long batch) {
        return times(batch, activationBytesPerImage());
    }

    /** Bytes beside the weights to train at {@code batch}: gradients, optimizer state and the batch's activations. */
    public long trainingExtraBytes(long batch, int optimizerCopies) {
        return plus(plus(gradientBytes(), optimizerBytes(optimizerCopies)), times(batch, trainingBytesPerImage()));
    }

    /** Everything to train at {@code batch}: weights, gradients, optimizer state and activations. */
    public long trainingBytes(long batch, int optimizerCopies) {
        return plus(weightBytes(), trainingExtraBytes(batch, optimizerCopies));
    }

    /**
     * The largest batch whose per-image bytes fit in {@code available} after {@code fixed} bytes,
     * 0 when not even one image fits.
     */
    public static long largestBatch(long available, long fixed, long perImage) {
        if (perImage <= 0) {
            return Long.MAX_VALUE;
        }
        return available <= fixed ? 0 : (available - fixed) / perImage;
    }

    /** "use --batch 16" or, when not even one image fits, "use a smaller model or input". */
    public static String batchAdvice(long largest, String option) {
        if (largest < 1) {
            return "not even one image fits: use a smaller model or input";
        }
        long pow = Long.highestOneBit(largest);
        return "use " + option + " " + pow + " or less";
    }
}
