package org.convlab.ui.training;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.convlab.UserInputException;
import org.convlab.model.NetworkSpec;
import org.convlab.nn.Network;
import org.convlab.nn.SpecExport;
import org.convlab.train.EpochStats;
import org.convlab.train.InputPreparation;
import org.convlab.train.Trainer;
import org.convlab.train.TrainingConfig;
import org.convlab.train.TrainingListener;
import org.convlab.train.TrainingResult;
import org.convlab.ui.training.TrainingSnapshot.LossPoint;
import org.convlab.ui.training.TrainingSnapshot.State;

/**
 * One training run on its own thread. The trainer's events are turned into immutable
 * {@link TrainingSnapshot}s; only the newest is kept ({@link #takeSnapshot} hands it over once),
 * so however fast batches go the FX thread sees at most one update per frame. Loss points are
 * queued instead (every point matters for the chart) and drained in bulk.
 *
 * <p>No JavaFX here: the session can be driven and tested without a screen.
 */
final class TrainingSession {
    /** Misclassified validation samples kept per epoch for the gallery. */
    static final int MISSES_KEPT = 24;
    /** Larger models get no per-epoch checkpoints: each would take hundreds of megabytes. */
    static final long CHECKPOINT_MAX_PARAMETERS = 5_000_000L;

    private final Supplier<PreparedData> data;
    private final TrainingConfig config;
    private final AtomicReference<TrainingSnapshot> latest = new AtomicReference<>();
    private final ConcurrentLinkedQueue<LossPoint> lossPoints = new ConcurrentLinkedQueue<>();
    private final List<EpochStats> history = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<EpochReport> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Path runFolder;
    private volatile float[] probeInput;
    private volatile boolean probeChanged;
    private volatile ModelState model;
    private volatile String checkpointNote;
    private volatile Trainer trainer;
    private volatile boolean stopRequested;
    private volatile TrainingSnapshot current;
    private volatile NetworkSpec trainedSpec;
    private volatile PreparedData prepared;
    private Thread thread;

    // training-thread state
    private Network net;
    private int batches;
    private double smoothed = Double.NaN;
    private volatile long lastBatchNanos; // reset by resume() on the FX thread
    private double activeSeconds;
    private long batchesDone;
    private double imagesPerSecond;
    private TrainingSnapshot.FilterWeights filters;
    private EpochReport report;
    private volatile ModelProbe probe;
    private float[] batchLosses = new float[256];
    private int batchLossCount;

    /**
     * @param data      loads (or returns already loaded) data; called on the training thread
     * @param runFolder where a checkpoint is written after every epoch (null: none)
     * @param probe     the sample whose activations are captured during the run (null: the first
     *                  validation image, else the first training image)
     */
    TrainingSession(Supplier<PreparedData> data, TrainingConfig config, Path runFolder, float[] probe) {
        this.data = data;
        this.config = config;
        this.runFolder = runFolder;
        this.probeInput = probe == null ? null : probe.clone();
        this.current = new TrainingSnapshot(State.PREPARING, 0, config.epochs(), 0, 0, Double.NaN, Double.NaN,
                List.of(), null, null, null, null);
    }

    /** Captures {@code input}'s activations from now on (in the next capture of the weights). */
    void setProbe(float[] input) {
        probeInput = input.clone();
        probeChanged = true;
    }

    /** The newest capture of the weights (null before the first). */
    ModelState model() {
        return model;
    }

    /** Each finished epoch's validation report, in order. */
    List<EpochReport> reports() {
        return List.copyOf(reports);
    }

    TrainingConfig config() {
        return config;
    }

    /** Where the checkpoints go (null: none). */
    Path runFolder() {
        return runFolder;
    }

    /** Why there are no checkpoints, or null. */
    String checkpointNote() {
        return checkpointNote;
    }

    /** "12 captures of the weights and the chosen image's maps, 3.1 ms in all" (for the preview's report). */
    String probeSummary() {
        ModelProbe p = probe;
        return p == null ? "no captures" : String.format(java.util.Locale.ROOT,
                "%d captures of the weights and the chosen image's maps between batches took %.1f ms (%d more at"
                        + " the start and epoch ends, %.1f ms in all)", p.capturesDuringTraining(), p.spentMillis(),
                p.captures() - p.capturesDuringTraining(), p.totalMillis());
    }

    /** Every batch's loss so far, in order (read after the run, or racy while it goes). */
    float[] batchLosses() {
        return java.util.Arrays.copyOf(batchLosses, batchLossCount);
    }

    void start() {
        thread = new Thread(this::run, "convlab-training");
        thread.setDaemon(true);
        thread.start();
    }

    void pause() {
        Trainer t = trainer;
        if (t != null && current.state() == State.RUNNING) {
            t.pause();
            publish(with(State.PAUSED, null));
        }
    }

    void resume() {
        Trainer t = trainer;
        if (t != null && t.isPaused()) {
            lastBatchNanos = 0; // the pause is not training time (read by the training thread after it wakes)
            t.resume();
            publish(with(State.RUNNING, null));
        }
    }

    void stop() {
        stopRequested = true;
        Trainer t = trainer;
        if (t != null) {
            t.cancel();
        }
    }

    /** The newest snapshot not yet taken, or null when nothing changed since the last call. */
    TrainingSnapshot takeSnapshot() {
        return latest.getAndSet(null);
    }

    /** The newest snapshot (taken or not). */
    TrainingSnapshot current() {
        return current;
    }

    /** Moves every queued loss point into {@code into}. */
    void drainLoss(List<LossPoint> into) {
        for (LossPoint p = lossPoints.poll(); p != null; p = lossPoints.poll()) {
            into.add(p);
        }
    }

    /** The trained network's spec with its weights, once the run has ended (else null). */
    NetworkSpec trainedSpec() {
        return trainedSpec;
    }

    PreparedData prepared() {
        return prepared;
    }

    /** Waits for the training thread (tests, shutdown). */
    void join(long millis) throws InterruptedException {
        if (thread != null) {
            thread.join(millis);
        }
    }

    private void run() {
        try {
            publish(current);
            PreparedData d = data.get();
            prepared = d;
            if (stopRequested) {
                publish(with(State.STOPPED, "stopped before the first batch"));
                return;
            }
            net = Network.build(d.spec(), config.seed());
            Trainer t = new Trainer(net, d.train(), d.validation(), null, config);
            useRunFolder(t, d);
            trainer = t;
            if (stopRequested) {
                t.cancel();
            }
            probe = new ModelProbe(d.spec(), config.seed());
            if (probeInput == null) {
                probeInput = firstSample(d);
            }
            capture(0, 0);
            t.run(new Listener(d));
        } catch (UserInputException e) {
            publish(with(State.FAILED, e.getMessage()));
        } catch (OutOfMemoryError e) {
            publish(with(State.FAILED, "not enough memory for this model and data: try a smaller batch or a smaller data set"));
        } catch (RuntimeException e) {
            publish(with(State.FAILED, "training failed: " + e));
        }
    }

    private final class Listener implements TrainingListener {
        private final PreparedData d;

        Listener(PreparedData d) {
            this.d = d;
        }

        @Override
        public void begin(Start start) {
            batches = start.batchesPerEpoch();
            publish(new TrainingSnapshot(State.RUNNING, 0, start.epochs(), 0, batches, Double.NaN, Double.NaN,
                    history, filters, null, null, model));
        }

        @Override
        public void batchEnd(BatchEnd b) {
            long now = System.nanoTime();
            int n = Math.min(config.batchSize(), d.train().size() - (b.batch() - 1) * config.batchSize());
            if (lastBatchNanos != 0) {
                double dt = (now - lastBatchNanos) / 1e9;
                activeSeconds += dt;
                double rate = n / Math.max(dt, 1e-9);
                imagesPerSecond = Double.isNaN(imagesPerSecond) || imagesPerSecond == 0 ? rate : 0.9 * imagesPerSecond + 0.1 * rate;
            }
            lastBatchNanos = now;
            batchesDone++;
            // exponential moving average of the batch losses, as TensorBoard's smoothing slider
            smoothed = Double.isNaN(smoothed) ? b.loss() : 0.9 * smoothed + 0.1 * b.loss();
            if (batchLossCount == batchLosses.length) {
                batchLosses = java.util.Arrays.copyOf(batchLosses, 2 * batchLosses.length);
            }
            batchLosses[batchLossCount++] = b.loss();
            int stride = Math.max(1, b.batches() / 100);
            if (b.batch() % stride == 0 || b.batch() == b.batches()) {
                lossPoints.add(new LossPoint(b.epoch() - 1 + (double) b.batch() / b.batches(), smoothed));
            }
            if (probeChanged) {
                capture(b.epoch(), b.batch());
            } else {
                ModelState s = probe.maybe(net, probeInput, b.epoch(), b.batch(), now);
                if (s != null) {
                    show(s);
                }
            }
            long remaining = (long) (config.epochs() - b.epoch()) * b.batches() + (b.batches() - b.batch());
            double eta = batchesDone < 2 ? Double.NaN : activeSeconds / (batchesDone - 1) * remaining;
            publish(new TrainingSnapshot(trainer.isPaused() ? State.PAUSED : State.RUNNING, b.epoch(), config.epochs(),
                    b.batch(), b.batches(), imagesPerSecond, eta, history, filters, report, null, model));
        }

        @Override
        public void epochEnd(EpochStats stats) {
            history.add(stats);
            boolean onTraining = d.validation() == null;
            report = ValidationReporter.report(stats.epoch(), net, onTraining ? d.train() : d.validation(),
                    config.batchSize(), MISSES_KEPT, onTraining);
            reports.add(report);
            capture(stats.epoch(), 0);
            lastBatchNanos = 0; // validation time is not training time
            publish(with(current.state(), null));
        }

        @Override
        public void stopped(Stop stop) {
            trainedSpec = trained();
            capture(current.epoch(), current.batch());
            publish(with(stop.reason() == Reason.CANCELLED ? State.STOPPED : State.FAILED, stop.message()));
        }

        @Override
        public void end(TrainingResult result) {
            trainedSpec = trained();
            if (result.completed()) {
                publish(with(State.FINISHED, null));
            }
        }
    }

    /** The network's spec with its weights and how its images were prepared, as `train` saves it. */
    private NetworkSpec trained() {
        PreparedData d = prepared;
        NetworkSpec spec = SpecExport.withWeights(net);
        return d == null ? spec : spec.withPreprocessing(InputPreparation.record(d.normalization(), d.resize(), d.loaded()));
    }

    private TrainingSnapshot with(State state, String message) {
        TrainingSnapshot c = current;
        return new TrainingSnapshot(state, c.epoch(), c.epochs(), c.batch(), c.batches(), c.imagesPerSecond(),
                state.equals(State.FINISHED) ? 0 : c.etaSeconds(), history, filters, report, message, model);
    }

    private synchronized void publish(TrainingSnapshot s) {
        // a pause/resume from the FX thread must not be overwritten by an older state, nor an end by a batch
        if (!current.isActive() && current != s) {
            return;
        }
        current = s;
        latest.set(s);
    }

    /** A capture of the weights and the chosen sample's activations now (training thread). */
    private void capture(int epoch, int batch) {
        probeChanged = false;
        show(probe.capture(net, probeInput, epoch, batch));
    }

    private void show(ModelState s) {
        model = s;
        filters = s.filters(net);
    }

    private static float[] firstSample(PreparedData d) {
        var set = d.validation() != null && d.validation().size() > 0 ? d.validation() : d.train();
        float[] x = new float[set.shape().size()];
        set.copySample(0, x, 0);
        return x;
    }

    /** Checkpoints after every epoch into the run folder, when the model is small enough to make that cheap. */
    private void useRunFolder(Trainer t, PreparedData d) {
        if (runFolder == null) {
            return;
        }
        long params = 0;
        for (var p : net.parameters()) {
            params += p.size();
        }
        if (params > CHECKPOINT_MAX_PARAMETERS) {
            checkpointNote = String.format(java.util.Locale.ROOT, "no checkpoints: %.1f M parameters would make each"
                    + " one too large (the limit is %d M)", params / 1e6, CHECKPOINT_MAX_PARAMETERS / 1_000_000);
            return;
        }
        t.setCheckpointDir(runFolder);
        t.setCheckpointData(java.util.Map.of("source", d.source(), "normalize", d.normalization(),
                "resize", d.resize().toString()));
    }
}
