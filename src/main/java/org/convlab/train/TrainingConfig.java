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
    public TrainingConfig {
        if (epochs < 1) {
            throw new UserInputException("--epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new UserInputException("--batch must be at least 1, got " + batchSize);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new UserInputException("--lr must be a positive number, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new UserInputException("--momentum must be in [0, 1), got " + momentum);
        }
        if (nesterov && (optimizer != OptimizerKind.SGD || momentum == 0)) {
            throw new UserInputException("--nesterov needs --optimizer sgd and a --momentum above 0");
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new UserInputException("--weight-decay must be 0 or more, got " + weightDecay);
        }
        if (threads < 0) {
            throw new UserInputException("--threads must be 1 or more, got " + threads);
        }
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new UserInputException("--val-split must be in [0, 1), got " + validationSplit);
        }
        optimizer = optimizer == null ? OptimizerKind.SGD : optimizer;
        schedule = schedule == null ? Schedule.CONSTANT : schedule;
        augmentation = augmentation == null ? Augmentation.NONE : augmentation;
        frozen = frozen == null ? Set.of() : Set.copyOf(frozen);
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
