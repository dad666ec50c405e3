package org.convlab.nn;

import java.util.List;
import org.convlab.MemoryGuard;
import org.convlab.UserInputException;
import org.convlab.model.ConvSpec;
import org.convlab.model.Dims;
import org.convlab.model.LayerInfo;
import org.convlab.model.MemoryEstimate;
import org.convlab.model.PoolSpec;

/**
 * The memory checks of a {@link Network}, made before it allocates (DESIGN.md: every allocation a
 * user's model decides is checked against the heap first, by {@link MemoryGuard}): the weights
 * when it is built, the activations of a batch when it grows, the gradients before the first
 * backward, and the whole of a training run (gradients, optimizer state, the batch's activations,
 * and the gradients of every data-parallel replica) before it starts. Each refusal says what is
 * needed, what Java may use, and what to change.
 */
public final class NetworkMemory {
    private final MemoryEstimate estimate;

    private NetworkMemory(MemoryEstimate estimate) {
        this.estimate = estimate;
    }

    /**
     * Checks, before anything is allocated, that the weights fit the heap, that every tensor can be
     * one Java array (refused naming the layer), and that one image could then go through.
     */
    static NetworkMemory beforeBuild(List<LayerInfo> infos, Dims input) {
        MemoryEstimate e = MemoryEstimate.of(infos, input.count());
        MemoryGuard.require(e.weightBytes(), "storing the weights of this model (" + MemoryGuard.count(e.parameters())
                + " values)", "use fewer units or filters");
        input.toShape("the model", "input");
        for (LayerInfo top : infos) {
            top.forEachDeep(NetworkMemory::requireTensors);
        }
        // a network that cannot take even one image is of no use: refuse it before the input is read
        MemoryGuard.require(MemoryGuard.plus(e.weightBytes(), e.activationBytesPerImage()),
                "one image through this model (weights " + MemoryGuard.size(e.weightBytes()) + ", activations "
                        + MemoryGuard.size(e.activationBytesPerImage()) + ")",
                "not even one image fits: use a smaller model or input");
        return new NetworkMemory(e);
    }

    private static void requireTensors(LayerInfo l) {
        l.input();
        l.output();
        long[] pad = l.paddingDims();
        if (pad != null) {
            // a transposed conv runs as the backward pass of a conv over its output, padded
            org.convlab.model.ConvTransposeSpec t = l.spec() instanceof org.convlab.model.ConvTransposeSpec s ? s : null;
            long kh = t != null ? MemoryGuard.times(t.dilation(), t.kernelHeight() - 1L) + 1
                    : l.spec() instanceof ConvSpec c ? MemoryGuard.times(c.dilation(), c.kernelHeight() - 1L) + 1
                    : ((PoolSpec) l.spec()).windowHeight();
            long kw = t != null ? MemoryGuard.times(t.dilation(), t.kernelWidth() - 1L) + 1
                    : l.spec() instanceof ConvSpec c ? MemoryGuard.times(c.dilation(), c.kernelWidth() - 1L) + 1
                    : ((PoolSpec) l.spec()).windowWidth();
            org.convlab.model.Dims padded = t != null ? l.outputDims() : l.inputDims();
            long paddedH = MemoryGuard.plus(padded.height(), MemoryGuard.times(2, pad[0]));
            long paddedW = MemoryGuard.plus(padded.width(), MemoryGuard.times(2, pad[1]));
            if (Math.max(Math.max(paddedH, paddedW), Math.max(kh, kw)) > Integer.MAX_VALUE) {
                throw new UserInputException("layer " + l.spec().label() + ": its padded input "
                        + MemoryGuard.count(paddedH) + " x " + MemoryGuard.count(paddedW) + " or its "
                        + "window " + MemoryGuard.count(kh) + " x " + MemoryGuard.count(kw)
                        + " is more than the engine can index (2^31 - 1); use less padding or dilation");
            }
        }
        long[] w = l.weightDims();
        if (w != null) {
            long n = 1;
            StringBuilder shown = new StringBuilder();
            for (long d : w) {
                n = MemoryGuard.times(n, d);
                shown.append(shown.length() == 0 ? "" : " x ").append(MemoryGuard.count(d));
            }
            if (n > Dims.MAX_TENSOR) {
                throw new UserInputException("layer " + l.spec().label() + ": its weight " + shown
                        + " has more values than one tensor can hold (2^31 - 1)");
            }
        }
    }

    public MemoryEstimate estimate() {
        return estimate;
    }

    /** Before the forward buffers for {@code capacity} images are allocated. */
    void requireForward(int capacity) {
        long perImage = MemoryGuard.times(estimate.forwardPerSample(), MemoryEstimate.FLOAT);
        long bytes = MemoryGuard.times(capacity, perImage);
        MemoryGuard.require(bytes, "the activations of " + images(capacity), advice(capacity, 0, perImage));
    }

    /** Before the first backward at {@code capacity}: the output gradients, and the parameter gradients if not there yet. */
    void requireBackward(int capacity, boolean parameterGradients) {
        long perImage = MemoryGuard.times(estimate.backwardPerSample(), MemoryEstimate.FLOAT);
        long fixed = parameterGradients ? estimate.gradientBytes() : 0;
        long bytes = MemoryGuard.plus(fixed, MemoryGuard.times(capacity, perImage));
        MemoryGuard.require(bytes, "the gradients of " + images(capacity), advice(capacity, fixed, perImage));
    }

    /**
     * Bytes beyond the weights (already allocated) that training at {@code batch} takes:
     * gradients, optimizer state, the activations of the batch forward and back, a copy of the
     * weights and optimizer state (to undo a diverging epoch), and, when the
     * step is split across the batch, each replica's gradients and the weights of one replica
     * while it is built.
     */
    long trainingBytes(int batch, int optimizerCopies, boolean split) {
        long bytes = estimate.trainingExtraBytes(batch, optimizerCopies);
        // the copy of the weights and optimizer state kept each epoch to undo a step that diverges
        bytes = MemoryGuard.plus(bytes, MemoryGuard.plus(estimate.weightBytes(), estimate.optimizerBytes(optimizerCopies)));
        int slices = split ? DataParallel.slices(batch) : 1;
        if (slices >= 2) {
            bytes = MemoryGuard.plus(bytes, MemoryGuard.times(slices, estimate.gradientBytes()));
            bytes = MemoryGuard.plus(bytes, estimate.weightBytes());
            // the network's own forward buffers for the whole batch, and the replicas that run the
            // validation at the same batch size beside the training ones
            long forward = MemoryGuard.times(MemoryGuard.times(batch, estimate.forwardPerSample()), MemoryEstimate.FLOAT);
            bytes = MemoryGuard.plus(bytes, MemoryGuard.times(2, forward));
        }
        // measured margin: the collector keeps large arrays in whole regions, and the kernels keep
        // per-thread scratch; at a 64 MB heap LeNet-5 at batch 128 used about 1.4x the count above
        return MemoryGuard.plus(bytes, bytes / 2);
    }

    /** Refuses a training run at {@code batch} that would not fit, with the largest batch that would. */
    void requireTraining(int batch, int optimizerCopies, boolean split) {
        long bytes = trainingBytes(batch, optimizerCopies, split);
        if (bytes <= MemoryGuard.free()) {
            return;
        }
        int smaller = Integer.highestOneBit(Math.max(1, batch - 1));
        while (smaller > 1 && trainingBytes(smaller, optimizerCopies, split) > MemoryGuard.free()) {
            smaller /= 2;
        }
        String advice = batch > 1 && trainingBytes(smaller, optimizerCopies, split) <= MemoryGuard.free()
                ? "use --batch " + smaller + " or less"
                : "not even a batch of one fits: use a smaller model or input";
        MemoryGuard.require(bytes, "training at batch " + batch + " (gradients, optimizer state and the activations of "
                + images(batch) + " forward and back)", advice);
    }

    /** Refuses inference in batches of {@code batch} that would not fit. */
    void requireInference(int batch) {
        // forward buffers, and the batches being read (two in flight) of input values
        long perImage = MemoryGuard.times(MemoryGuard.plus(estimate.forwardPerSample(),
                MemoryGuard.times(2, estimate.inputPerSample())), MemoryEstimate.FLOAT);
        MemoryGuard.require(MemoryGuard.times(batch, perImage), "evaluating in batches of " + images(batch),
                advice(batch, 0, perImage));
    }

    private static String images(long n) {
        return MemoryGuard.count(n) + (n == 1 ? " image" : " images");
    }

    /** "use --batch 16 or less" (the largest power of two that fits), or what to do when one image is too many. */
    private static String advice(long batch, long fixed, long perImage) {
        long largest = MemoryEstimate.largestBatch(MemoryGuard.free(), fixed, perImage);
        if (largest < 1 || batch <= 1) {
            return "not even one image fits: use a smaller model or input";
        }
        return "use --batch " + Long.highestOneBit(Math.min(largest, batch - 1)) + " or less";
    }
}
