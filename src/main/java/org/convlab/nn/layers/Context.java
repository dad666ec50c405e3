package org.convlab.nn.layers;

/**
 * Settings shared by every layer of one network: whether to run the scalar reference kernels
 * (the ones the step-through reads) instead of the fast SIMD/multithreaded ones, and the seed of
 * the dropout masks of the current training step.
 */
public final class Context {
    private boolean reference;
    private long dropoutSeed;

    /** True: run the {@code *Reference} kernels (slow, written for reading). */
    public boolean reference() {
        return reference;
    }

    public void setReference(boolean reference) {
        this.reference = reference;
    }

    public long dropoutSeed() {
        return dropoutSeed;
    }

    public void setDropoutSeed(long seed) {
        this.dropoutSeed = seed;
    }

    /** A seed for one dropout layer: a fixed mix of the step seed and the layer's own number. */
    long dropoutSeed(int layerId) {
        long z = dropoutSeed + 0x9E3779B97F4A7C15L * (layerId + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
