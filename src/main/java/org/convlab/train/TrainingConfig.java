package org.convlab.train;

import java.util.Set;
import org.convlab.UserInputException;
import org.convlab.data.Augmentation;
import org.convlab.nn.optim.Adam;
import org.convlab.nn.optim.Optimizer;
import org.convlab.nn.optim.Sgd;

/**
 * Everything that decides a training run besides the model and the data. Same config, same data,
 * same seed: bit-identical weights, whatever the thread count.
 *
 * @param epochs          passes over the training set
 * @param batchSize       samples per step (the last batch of an epoch may be smaller)
 * @param learningRate    base rate; the schedule scales it per epoch
 * @param momentum        SGD momentum (ignored by Adam)
 * @param nesterov        Nesterov momentum (SGD only)
 * @param optimizer       SGD or Adam
 * @param weightDecay     L2 weight decay added to the gradients (PyTorch's weight_decay)
 * @param schedule        learning-rate schedule
 * @param seed            weight initialisation, shuffling, augmentation and dropout
 * @param threads         compute threads (0 leaves the shared pool as it is)
 * @param validationSplit fraction of the training data held out for validation (used when loading)
 * @param augmentation    random shifts, flips, rotations of training batches
 * @param frozen          names of layers whose parameters stay fixed (for example the X/O features)
 */
public record TrainingConfig(int epochs, int batchSize, double learningRate, double momentum, boolean nesterov,
                             OptimizerKind optimizer, double weightDecay, Schedule schedule, long seed, int threads,
                             double validationSplit, Augmentation augmentation, Set<String> frozen) {
    /** The most epochs a run may ask for (a million passes is far beyond any lesson). */
    public static final int MAX_EPOCHS = 1_000_000;
    /** The largest batch (whether it fits in memory is checked when the run starts). */
    public static final int MAX_BATCH = 1_000_000;
    /** The most compute threads (more only costs memory: no machine here has more cores). */
    public static final int MAX_THREADS = 256;
    /**
     * The largest weight decay: far past any that trains (1e-4 to 1e-2 are usual), so a typo such
     * as 1e18 is refused by name instead of ending in a NaN loss blamed on the learning rate. The
     * learning rate has no such bound: a huge one is how the lessons show a run blowing up (the
     * trainer stops on the NaN loss and suggests a smaller rate).
     */
    public static final double MAX_WEIGHT_DECAY = 100;
    public static final String LEARNING_RATE_RANGE = "above 0 and at most 3.4e38 (what a 32-bit float holds)";
    public static final String MOMENTUM_RANGE = "at least 0 and below 1";
    public static final String WEIGHT_DECAY_RANGE = "between 0 and 100";
    public static final String VALIDATION_SPLIT_RANGE = "at least 0 and below 1";

    /**
     * Checks every field. The messages name the field as the config and a checkpoint's
     * {@code config} call it (the command line checks its options first, naming them).
     */
    public TrainingConfig {
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw new UserInputException("epochs must be between 1 and " + String.format(java.util.Locale.ROOT, "%,d",
                    MAX_EPOCHS) + ", got " + epochs);
        }
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new UserInputException("batch size must be between 1 and " + String.format(java.util.Locale.ROOT, "%,d",
                    MAX_BATCH) + ", got " + batchSize);
        }
        if (!validLearningRate(learningRate)) {
            throw new UserInputException("learning rate (lr) must be " + LEARNING_RATE_RANGE + ", got " + learningRate);
        }
        if (!validMomentum(momentum)) {
            throw new UserInputException("momentum must be " + MOMENTUM_RANGE + ", got " + momentum);
        }
        optimizer = optimizer == null ? OptimizerKind.SGD : optimizer;
        if (nesterov && (optimizer != OptimizerKind.SGD || momentum == 0)) {
            throw new UserInputException("Nesterov momentum needs the sgd optimizer and a momentum above 0");
        }
        if (!validWeightDecay(weightDecay)) {
            throw new UserInputException("weight decay must be " + WEIGHT_DECAY_RANGE + ", got " + weightDecay);
        }
        if (threads < 0 || threads > MAX_THREADS) {
            throw new UserInputException("threads must be between 0 (all cores) and " + MAX_THREADS + ", got " + threads);
        }
        if (!validValidationSplit(validationSplit)) {
            throw new UserInputException("validation split must be " + VALIDATION_SPLIT_RANGE + ", got " + validationSplit);
        }
        schedule = schedule == null ? Schedule.CONSTANT : schedule;
        augmentation = augmentation == null ? Augmentation.NONE : augmentation;
        frozen = frozen == null ? Set.of() : Set.copyOf(frozen);
    }

    /** Above 0 and finite, also as the 32-bit float the optimizers compute with (1e-320 is 0 there, 1e39 infinite). */
    public static boolean validLearningRate(double v) {
        float f = (float) v;
        return v > 0 && f > 0 && Float.isFinite(f);
    }

    /** In [0, 1), also as a 32-bit float (0.999999999 is 1 there). */
    public static boolean validMomentum(double v) {
        return v >= 0 && v < 1 && (float) v < 1f;
    }

    /** Between 0 and 100. */
    public static boolean validWeightDecay(double v) {
        return v >= 0 && v <= MAX_WEIGHT_DECAY;
    }

    /** In [0, 1). */
    public static boolean validValidationSplit(double v) {
        return v >= 0 && v < 1;
    }

    /** The optimizer this config asks for, at the base learning rate. */
    public Optimizer newOptimizer() {
        float lr = (float) learningRate;
        float wd = (float) weightDecay;
        return switch (optimizer) {
            case SGD -> new Sgd(lr, (float) momentum, nesterov, wd);
            case ADAM -> new Adam(lr, 0.9f, 0.999f, 1e-8f, wd);
        };
    }

    /** The same config for a different number of epochs (to extend a resumed run). */
    public TrainingConfig withEpochs(int n) {
        return new TrainingConfig(n, batchSize, learningRate, momentum, nesterov, optimizer, weightDecay, schedule,
                seed, threads, validationSplit, augmentation, frozen);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults: 10 epochs, batch 32, SGD lr 0.01 momentum 0.9, constant rate, seed 1, no validation split. */
    public static final class Builder {
        private int epochs = 10;
        private int batchSize = 32;
        private double learningRate = 0.01;
        private double momentum = 0.9;
        private boolean nesterov;
        private OptimizerKind optimizer = OptimizerKind.SGD;
        private double weightDecay;
        private Schedule schedule = Schedule.CONSTANT;
        private long seed = 1;
        private int threads;
        private double validationSplit;
        private Augmentation augmentation = Augmentation.NONE;
        private Set<String> frozen = Set.of();

        public Builder epochs(int v) { epochs = v; return this; }
        public Builder batchSize(int v) { batchSize = v; return this; }
        public Builder learningRate(double v) { learningRate = v; return this; }
        public Builder momentum(double v) { momentum = v; return this; }
        public Builder nesterov(boolean v) { nesterov = v; return this; }
        public Builder optimizer(OptimizerKind v) { optimizer = v; return this; }
        public Builder weightDecay(double v) { weightDecay = v; return this; }
        public Builder schedule(Schedule v) { schedule = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder threads(int v) { threads = v; return this; }
        public Builder validationSplit(double v) { validationSplit = v; return this; }
        public Builder augmentation(Augmentation v) { augmentation = v; return this; }
        public Builder frozen(Set<String> v) { frozen = v; return this; }

        public TrainingConfig build() {
            return new TrainingConfig(epochs, batchSize, learningRate, momentum, nesterov, optimizer, weightDecay,
                    schedule, seed, threads, validationSplit, augmentation, frozen);
        }
    }
}
