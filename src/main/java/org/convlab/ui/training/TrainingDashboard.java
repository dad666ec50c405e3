package org.convlab.ui.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.convlab.UserInputException;
import org.convlab.data.ResizeMode;
import org.convlab.model.ModelSource;
import org.convlab.model.NetworkSpec;
import org.convlab.train.TrainingConfig;
import org.convlab.ui.draw.DrawableModel;
import org.convlab.ui.training.TrainingSnapshot.State;

/**
 * The training dashboard: choose a model and data, set the run, Start / Pause / Stop, and watch
 * loss, accuracy, the first layer's filters, the confusion matrix and the misclassified images
 * change live. Training runs on its own thread ({@link TrainingSession}); once per pulse an
 * {@link AnimationTimer} takes the newest snapshot and the queued loss points, so the window keeps
 * redrawing however fast the batches go. It computes nothing itself.
 */
public final class TrainingDashboard extends BorderPane {
    private final ModelPicker modelPicker;
    private final DataPanel data;
    private final RunSettingsPanel settings = new RunSettingsPanel();
    private final Label notes = new Label();
    private final Button start = new Button("Start");
    private final Button pause = new Button("Pause");
    private final Button stop = new Button("Stop");
    private final Button save = new Button("Save model…");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label("Choose data, then Start.");
    private final Label message = new Label();
    private final Label pulseLabel = new Label();
    private final RunCharts charts = new RunCharts();
    private final FilterView filters = new FilterView();
    private final Label filterTitle = new Label("First conv layer's filters");
    private final ConfusionView confusion = new ConfusionView();
    private final MissGallery misses = new MissGallery();
    private final PulseMonitor pulses = new PulseMonitor();
    private final ReadOnlyObjectWrapper<DrawableModel> trainedModel = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TrainingSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final List<TrainingSnapshot.LossPoint> pending = new ArrayList<>();
    private final AnimationTimer pump;
    private String modelName;
    private NetworkSpec model;
    private TrainingSession session;
    private boolean measuring;
    private long lastRefresh;
    private static final long REFRESH_NANOS = 100_000_000L;

    /** A dashboard for the X/O preset; {@link #setModel} trains another net. */
    public TrainingDashboard() {
        this("preset:xo", ModelSource.load("preset:xo"));
    }

    /** @param name shown to the user and deciding the default frozen layers ({@code preset:NAME} or a file) */
    public TrainingDashboard(String name, NetworkSpec spec) {
        setId("trainingDashboard");
        getStylesheets().add(TrainingDashboard.class.getResource("dashboard.css").toExternalForm());
        modelPicker = new ModelPicker(this::setModel, this::showError);
        data = new DataPanel(this::loadInBackground);
        data.acceptDrops(this);
        notes.setId("adaptationNotes");
        notes.setWrapText(true);
        VBox left = new VBox(2, modelPicker, data, settings, notes);
        left.setPadding(new Insets(0, 4, 4, 4));
        notes.setPadding(new Insets(4, 6, 4, 6));
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setPrefWidth(390);
        leftScroll.setMinWidth(300);
        setLeft(leftScroll);
        setCenter(center());
        data.preparedProperty().addListener((o, a, d) -> showNotes(d));
        pump = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulse(now);
            }
        };
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                pump.start();
                pulses.start();
            } else {
                pump.stop();
                pulses.stop();
            }
        });
        setModel(name, spec);
    }

    private VBox center() {
        start.setId("start");
        pause.setId("pause");
        stop.setId("stop");
        save.setId("saveModel");
        progress.setId("progress");
        status.setId("trainingStatus");
        message.setId("trainingMessage");
        message.setWrapText(true);
        pulseLabel.setId("pulseGap");
        pulseLabel.setStyle("-fx-text-fill: #666; -fx-font-size: 11px;");
        start.setDefaultButton(true);
        start.setOnAction(e -> start());
        pause.setOnAction(e -> togglePause());
        stop.setOnAction(e -> stopTraining());
        save.setOnAction(e -> chooseSaveFile());
        pause.setDisable(true);
        stop.setDisable(true);
        save.setDisable(true);
        progress.setPrefWidth(220);
        for (Button b : List.of(start, pause, stop, save)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        pause.setPrefWidth(80);
        HBox bar = new HBox(6, start, pause, stop, save, progress, pulseLabel);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(progress, Priority.ALWAYS);
        progress.setMaxWidth(Double.MAX_VALUE);
        status.setStyle("-fx-font-weight: bold;");
        filterTitle.getStyleClass().add("section-title");
        VBox filterBox = new VBox(4, filterTitle, filters);
        filterBox.setPadding(new Insets(4));
        VBox.setVgrow(filters, Priority.ALWAYS);
        // charts on top, the epoch's results below: filters, confusion matrix, misclassified images
        HBox chartRow = new HBox(6, charts.loss, charts.accuracy);
        HBox.setHgrow(charts.loss, Priority.ALWAYS);
        HBox.setHgrow(charts.accuracy, Priority.ALWAYS);
        ScrollPane confusionScroll = new ScrollPane(confusion);
        confusionScroll.setFitToHeight(true);
        filterBox.setPrefWidth(190);
        filterBox.setMinWidth(150);
        filterTitle.setWrapText(true);
        confusionScroll.setPrefWidth(450);
        confusionScroll.setMinWidth(300);
        misses.setPrefWidth(360);
        HBox.setHgrow(misses, Priority.ALWAYS);
        HBox resultRow = new HBox(6, filterBox, confusionScroll, misses);
        resultRow.setPrefHeight(300);
        resultRow.setMinHeight(220);
        VBox.setVgrow(chartRow, Priority.ALWAYS);
        VBox center = new VBox(4, bar, status, message, chartRow, resultRow);
        center.setPadding(new Insets(6));
        return center;
    }

    /** Trains {@code spec} from now on (the loaded data is fitted to it again when loaded). */
    public void setModel(String name, NetworkSpec spec) {
        if (session != null && session.current().isActive()) {
            showError("Stop the running training before changing the model.");
            modelPicker.show(modelName);
            return;
        }
        modelName = name;
        model = spec;
        modelPicker.show(name);
        settings.applyDefaults(spec);
        boolean ink = spec.input().channels() == 1 && spec.input().height() == 9 && spec.input().width() == 9;
        data.setInkConvention(ink);
        misses.setInkConvention(ink);
        if (data.preparedProperty().get() != null) {
            data.load();
        }
        showNotes(null);
    }

    /** Sets the data source (a folder, {@code idx:DIR}) and loads it to show what it holds. */
    public void setDataSource(String source) {
        setDataSource(source, true);
    }

    /** As {@link #setDataSource(String)}; without {@code load} the data is loaded by the next Start. */
    public void setDataSource(String source, boolean load) {
        data.setSource(source);
        if (load) {
            data.load();
        }
    }

    /** What the Start button does. */
    public void startTraining() {
        start();
    }

    RunSettingsPanel settings() {
        return settings;
    }

    /** The model of the last run with its trained weights, for the draw pad (null before a run ended). */
    public ReadOnlyObjectProperty<DrawableModel> trainedModelProperty() {
        return trainedModel.getReadOnlyProperty();
    }

    /** The newest training snapshot shown (null before the first run). */
    public ReadOnlyObjectProperty<TrainingSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** The progress line ("epoch 2/3, batch 134/1688, 817 images/s, ETA 3:06; ..."), for a status bar. */
    public javafx.beans.property.ReadOnlyStringProperty progressTextProperty() {
        return status.textProperty();
    }

    /** Fraction of the run done (-1 while data loads), for a status bar's progress bar. */
    public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() {
        return progress.progressProperty();
    }

    /** The largest gap between two JavaFX pulses since the first batch of the last run, in milliseconds. */
    public double maxPulseGapMillis() {
        return pulses.maxGapMillis();
    }

    /** Stops a running training (when the view is closed). */
    public void dispose() {
        if (session != null) {
            session.stop();
        }
    }

    private void loadInBackground(String source, ResizeMode resize, Consumer<PreparedData> done, Consumer<String> failed) {
        NetworkSpec spec = model;
        double split;
        long seed;
        try {
            split = settings.validationSplit();
            seed = settings.seed();
        } catch (UserInputException e) {
            failed.accept(e.getMessage());
            return;
        }
        Thread t = new Thread(() -> {
            try {
                done.accept(DataPreparation.prepare(source, spec, resize, split, seed));
            } catch (OutOfMemoryError | RuntimeException e) {
                failed.accept(DataPanel.userMessage(e));
            }
        }, "convlab-data");
        t.setDaemon(true);
        t.start();
    }

    private void showNotes(PreparedData d) {
        notes.setText(AdaptationNotes.text(frozenLayers(), d));
    }

    private Set<String> frozenLayers() {
        return AdaptationNotes.frozenLayers(modelName, model);
    }

    private void start() {
        if (session != null && session.current().isActive()) {
            return;
        }
        String source = data.source();
        if (source.isEmpty()) {
            showError("No data chosen: pick a folder, IDX files or a sample set first.");
            return;
        }
        TrainingConfig config;
        try {
            config = settings.config(frozenLayers());
        } catch (UserInputException e) {
            showError(e.getMessage());
            return;
        }
        PreparedData loaded = data.preparedProperty().get();
        ResizeMode resize = data.resizeMode();
        NetworkSpec spec = model;
        boolean reuse = loaded != null && loaded.madeWith(source, resize, config.validationSplit(), config.seed());
        session = new TrainingSession(() -> {
            if (reuse) {
                return loaded;
            }
            PreparedData d = DataPreparation.prepare(source, spec, resize, config.validationSplit(), config.seed());
            Platform.runLater(() -> data.show(d));
            return d;
        }, config);
        message.setText("");
        charts.clear();
        pending.clear();
        confusion.show(null);
        misses.show(null);
        trainedModel.set(null);
        pulses.reset();
        measuring = false;
        session.start();
        apply(session.current());
    }

    private void togglePause() {
        if (session == null) {
            return;
        }
        if (session.current().state() == State.PAUSED) {
            session.resume();
        } else {
            session.pause();
        }
    }

    private void stopTraining() {
        if (session != null) {
            session.stop();
            status.setText("stopping…");
        }
    }

    /**
     * At most once per pulse, and while training at most every {@link #REFRESH_NANOS}: take what
     * the training thread published since. Ten refreshes a second look live, and each one repaints
     * the charts, which on a software pipeline costs the FX thread more than anything else.
     */
    private void pulse(long now) {
        TrainingSession s = session;
        if (s == null) {
            return;
        }
        if (s.current().isActive() && now - lastRefresh < REFRESH_NANOS) {
            return;
        }
        lastRefresh = now;
        s.drainLoss(pending);
        if (!pending.isEmpty()) {
            charts.addLoss(pending);
            pending.clear();
        }
        TrainingSnapshot snap = s.takeSnapshot();
        if (snap != null) {
            long wall = System.nanoTime();
            long cpu = PulseMonitor.LOG ? java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() : 0;
            apply(snap);
            if (PulseMonitor.LOG && System.nanoTime() - wall > 20_000_000L) {
                System.err.printf(Locale.ROOT, "refresh (%s, epoch %d) took %.1f ms, %.1f ms of it on the CPU%n", snap.state(),
                        snap.epoch(), (System.nanoTime() - wall) / 1e6,
                        (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e6);
            }
        }
    }

    private void apply(TrainingSnapshot snap) {
        if (!measuring && snap.batch() > 0) {
            // measure from the first batch: starting the run (class loading, first layout of the charts) is not training
            pulses.reset();
            measuring = true;
        }
        snapshot.set(snap);
        boolean active = snap.isActive();
        start.setDisable(active);
        pause.setDisable(!active || snap.state() == State.PREPARING);
        pause.setText(snap.state() == State.PAUSED ? "Resume" : "Pause");
        stop.setDisable(!active);
        long total = (long) snap.epochs() * Math.max(snap.batches(), 1);
        long done = snap.epoch() == 0 ? 0 : (long) (snap.epoch() - 1) * snap.batches() + snap.batch();
        progress.setProgress(snap.state() == State.PREPARING ? ProgressBar.INDETERMINATE_PROGRESS
                : snap.state() == State.FINISHED ? 1 : (double) done / Math.max(total, 1));
        status.setText(StatusText.of(snap));
        charts.showHistory(snap.history());
        filters.show(snap.filters());
        if (snap.filters() != null) {
            filterTitle.setText(snap.filters().layer() + " filters (red +, blue −)");
        }
        confusion.show(snap.report());
        misses.show(snap.report());
        pulseLabel.setText(String.format(Locale.ROOT, "largest frame gap %.0f ms", pulses.maxGapMillis()));
        if (snap.message() != null) {
            message.setText(snap.message());
            message.setStyle(snap.state() == State.FAILED ? "-fx-text-fill: #b71c1c;" : "-fx-text-fill: #333;");
        }
        if (!active) {
            finished(snap);
        }
    }

    private void finished(TrainingSnapshot snap) {
        NetworkSpec trained = session.trainedSpec();
        PreparedData d = session.prepared();
        save.setDisable(trained == null);
        if (trained != null && d != null) {
            trainedModel.set(new DrawableModel(modelName + " trained on " + Path.of(d.source().replaceFirst("^idx:", ""))
                    .getFileName(), trained, d.background(), d.ink()));
        }
    }

    private void showError(String text) {
        message.setText(text);
        message.setStyle("-fx-text-fill: #b71c1c;");
    }

    private void chooseSaveFile() {
        ModelSaver.choose(this, modelName).ifPresent(this::saveModel);
    }

    /** Writes the trained model (weights inline, atomically) in the background; the outcome shows inline. */
    public void saveModel(Path file) {
        NetworkSpec trained = session == null ? null : session.trainedSpec();
        if (trained == null) {
            showError("Nothing to save yet: train first.");
            return;
        }
        ModelSaver.save(file, trained, text -> {
            message.setText(text);
            message.setStyle(text.startsWith("Saved") ? "-fx-text-fill: #1b5e20;" : "-fx-text-fill: #b71c1c;");
        });
    }
}
