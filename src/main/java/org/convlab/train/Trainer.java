package org.convlab.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.convlab.UserInputException;
import org.convlab.data.BatchStream;
import org.convlab.data.Dataset;
import org.convlab.engine.Parallel;
import org.convlab.nn.Network;
import org.convlab.nn.Parameter;
import org.convlab.nn.SpecExport;
import org.convlab.nn.layers.Layer;
import org.convlab.nn.optim.Optimizer;

/**
 * Trains a network with softmax cross-entropy, one epoch after another: the schedule sets the
 * rate, seeded shuffling and augmentation make the batches, each batch is a forward, a backward
 * and an optimizer step; after each epoch the validation set is evaluated, a checkpoint written
 * and listeners told.
 *
 * <p>Determinism: the batches of epoch e are a function of (seed, e), dropout masks of the step
 * counter, the kernels are bit-identical whatever the thread count; a checkpoint saves the weights,
 * the optimizer state and the step counter, so a resumed run ends with the same bits.
 *
 * <p>{@link #run} runs on the calling thread; {@link #pause}, {@link #resume} and {@link #cancel}
 * may be called from any other thread and take effect before the next batch. A loss that is NaN
 * or infinite stops the run and restores the weights from the start of the epoch.
 */
public final class Trainer {
    private final Network net;
    private final Dataset train;
    private final Dataset validation;
    private final Dataset test;
    private final TrainingConfig config;
    private final Optimizer optimizer;
    private final List<Parameter> trainable;
    private final RunControl control = new RunControl();
    private final List<EpochStats> history = new ArrayList<>();
    private Path checkpointDir;
    private Map<String, String> checkpointData = Map.of();
    private int startEpoch;
    private long dropoutSeed;

    /**
     * @param validation may be null
     * @param test       may be null; evaluated once at the end of a complete run
     */
    public Trainer(Network net, Dataset train, Dataset validation, Dataset test, TrainingConfig config) {
        this.net = net;
        this.train = train;
        this.validation = validation;
        this.test = test;
        this.config = config;
        for (Dataset d : new Dataset[] {train, validation, test}) {
            if (d != null) {
                check(d);
            }
        }
        if (train.size() == 0) {
            throw new UserInputException("the training set is empty");
        }
        this.optimizer = config.newOptimizer();
        this.trainable = trainable(net, config.frozen());
        this.dropoutSeed = config.seed();
    }

    /** Values per parameter the optimizer keeps: Adam's two moments, SGD's momentum (none without it). */
    static int optimizerCopies(TrainingConfig c) {
        return c.optimizer() == OptimizerKind.ADAM ? 2 : c.momentum() > 0 ? 1 : 0;
    }

    private void check(Dataset d) {
        if (!d.shape().equals(net.inputShape())) {
            throw new UserInputException("the data's samples are " + d.shape().toSlideString()
                    + " but the model takes " + net.inputShape().toSlideString());
        }
        if (d.classes().size() != net.classes()) {
            throw new UserInputException("the data has " + d.classes().size() + " classes but the model gives "
                    + net.classes() + " outputs");
        }
    }

    private static List<Parameter> trainable(Network net, Set<String> frozen) {
        Set<String> names = new HashSet<>();
        for (Layer l : net.allLayers()) {
            names.add(l.name());
        }
        for (String f : frozen) {
            if (!names.contains(f)) {
                throw new UserInputException("--freeze: the model has no layer '" + f + "'");
            }
        }
        List<Parameter> out = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            String layer = p.name().substring(0, p.name().lastIndexOf('.'));
            if (!frozen.contains(layer)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Writes a checkpoint into {@code dir} after every epoch (null: none). */
    public void setCheckpointDir(Path dir) {
        this.checkpointDir = dir;
    }

    /** Strings saved in each checkpoint for the caller (the CLI's data options). */
    public void setCheckpointData(Map<String, String> data) {
        this.checkpointData = Map.copyOf(data);
    }

    /**
     * Continues from {@code cp}: the network must have been built from {@code cp.model()}; the
     * optimizer state, the step counter and the history are taken from the checkpoint.
     */
    public void continueFrom(Checkpoint cp) {
        if (cp.config().optimizer() != config.optimizer()) {
            throw new UserInputException("the checkpoint was made with " + cp.config().optimizer().id()
                    + ", not " + config.optimizer().id());
        }
        optimizer.restore(cp.optimizerState(), cp.optimizerSteps());
        dropoutSeed = cp.dropoutSeed();
        startEpoch = cp.epoch();
        history.clear();
        history.addAll(cp.history());
    }

    public Network network() {
        return net;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public TrainingConfig config() {
        return config;
    }

    /** Pauses before the next batch (from any thread). */
    public void pause() {
        control.pause();
    }

    public void resume() {
        control.resume();
    }

    /** Stops before the next batch (from any thread); the weights stay as trained so far. */
    public void cancel() {
        control.cancel();
    }

    public boolean isPaused() {
        return control.isPaused();
    }

    /** Trains to the configured number of epochs (or until stopped) and returns what happened. */
    public TrainingResult run(TrainingListener listener) {
        if (config.threads() > 0) {
            Parallel.setThreads(config.threads());
        }
        // the app's settings and a checkpoint reach here without the CLI's --augment check
        config.augmentation().requireFits(train.shape().height(), train.shape().width(), "augmentation");
        // a batch larger than the data is the whole data: no buffer needs to be larger than that
        int batch = Math.min(config.batchSize(), Math.max(train.size(), 1));
        int batches = (int) (((long) train.size() + batch - 1) / batch);
        try {
            net.requireTrainingMemory(batch, optimizerCopies(config));
        } catch (UserInputException e) {
            throw batch < config.batchSize() ? new UserInputException("--batch " + config.batchSize() + " takes the whole "
                    + "training set of " + batch + " images at once, and " + e.getMessage()) : e;
        }
        net.reserve(batch);
        listener.begin(new TrainingListener.Start(startEpoch + 1, config.epochs(), train.size(),
                validation == null ? 0 : validation.size(), batches, net.spec().classes()));
        long runStart = System.nanoTime();
        long paused = 0;
        int k = net.classes();
        TrainingListener.Stop stop = null;
        int epochsThisRun = 0;
        for (int epoch = startEpoch; epoch < config.epochs() && stop == null; epoch++) {
            double lr = config.schedule().rate(config.learningRate(), epoch, config.epochs());
            optimizer.setLearningRate((float) lr);
            WeightSnapshot good = new WeightSnapshot(net, optimizer);
            double lossSum = 0;
            long correct = 0;
            long seen = 0;
            long stepNanos = 0;
            try (BatchStream stream = new BatchStream(train, batch, config.seed(), epoch, true, config.augmentation())) {
                for (int b = 0; ; b++) {
                    paused += control.awaitRunnable();
                    if (control.isCancelled()) {
                        stop = new TrainingListener.Stop(TrainingListener.Reason.CANCELLED,
                                "training cancelled in epoch " + (epoch + 1) + " before batch " + (b + 1), epoch + 1, b + 1);
                        break;
                    }
                    var next = stream.next();
                    if (next == null) {
                        break;
                    }
                    long t0 = System.nanoTime();
                    int n = next.count();
                    net.setDropoutSeed(dropoutSeed++);
                    // forward and backward, split across the batch on replicas when it is large enough
                    float loss = net.gradientStep(next.x(), next.labels(), n);
                    if (!Float.isFinite(loss)) {
                        good.restore(net, optimizer);
                        stop = nonFinite(epoch, b, "the loss became " + loss, lr);
                        break;
                    }
                    correct += countCorrect(net.probabilities(), next.labels(), n, k);
                    optimizer.step(trainable);
                    stepNanos += System.nanoTime() - t0;
                    lossSum += (double) loss * n;
                    seen += n;
                    listener.batchEnd(new TrainingListener.BatchEnd(epoch + 1, b + 1, batches, loss, lr));
                }
            }
            if (stop == null && !allFinite()) {
                // the last step of the epoch can blow the weights up without a loss showing it yet
                good.restore(net, optimizer);
                stop = nonFinite(epoch, batches - 1, "the weights became infinite or NaN", lr);
            }
            if (stop != null) {
                break;
            }
            Evaluation val = validation == null ? null : Evaluator.evaluate(net, validation, batch);
            epochsThisRun++;
            double elapsed = (System.nanoTime() - runStart - paused) / 1e9;
            double eta = elapsed / epochsThisRun * (config.epochs() - epoch - 1);
            EpochStats stats = new EpochStats(epoch + 1, config.epochs(), lossSum / seen, (double) correct / seen,
                    val == null ? Double.NaN : val.loss(), val == null ? Double.NaN : val.accuracy(),
                    seen / Math.max(stepNanos / 1e9, 1e-9), lr, elapsed, eta);
            history.add(stats);
            writeCheckpoint(epoch + 1);
            listener.epochEnd(stats);
        }
        Evaluation testResult = null;
        if (stop != null) {
            listener.stopped(stop);
        } else if (test != null) {
            testResult = Evaluator.evaluate(net, test, batch);
        }
        TrainingResult result = new TrainingResult(history, testResult,
                (System.nanoTime() - runStart - paused) / 1e9, stop);
        listener.end(result);
        return result;
    }

    private TrainingListener.Stop nonFinite(int epoch, int batch, String what, double lr) {
        String message = String.format(Locale.ROOT,
                "training stopped in epoch %d, batch %d: %s. The learning rate %s is probably too high: try %s."
                        + " The weights from the start of epoch %d were kept.",
                epoch + 1, batch + 1, what, fmt(lr), fmt(lr / 10), epoch + 1);
        return new TrainingListener.Stop(TrainingListener.Reason.NON_FINITE_LOSS, message, epoch + 1, batch + 1);
    }

    private static String fmt(double v) {
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(3)).stripTrailingZeros();
        return v >= 1e-5 && v < 1e6 ? d.toPlainString() : d.toString();
    }

    private boolean allFinite() {
        for (Parameter p : net.parameters()) {
            for (float v : p.value()) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int countCorrect(float[] probs, int[] labels, int n, int k) {
        int correct = 0;
        for (int s = 0; s < n; s++) {
            if (Evaluator.argmax(probs, s * k, k) == labels[s]) {
                correct++;
            }
        }
        return correct;
    }

    private void writeCheckpoint(int epochsDone) {
        if (checkpointDir == null) {
            return;
        }
        Checkpoint cp = new Checkpoint(SpecExport.withWeights(net), config, epochsDone, optimizer.state(),
                optimizer.steps(), dropoutSeed, history, checkpointData);
        Path file = Checkpoint.file(checkpointDir, epochsDone);
        try {
            cp.write(file);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot write the checkpoint (" + e.getMessage() + ")");
        }
    }
}
