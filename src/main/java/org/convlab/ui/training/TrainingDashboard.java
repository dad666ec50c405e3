package org.convlab.ui.training;

import java.io.IOException;
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
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.convlab.UserInputException;
import org.convlab.data.ResizeMode;
import org.convlab.model.ModelSource;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Presets;
import org.convlab.train.TrainingConfig;
import org.convlab.ui.draw.DrawableModel;
import org.convlab.ui.training.TrainingSnapshot.State;

/**
 * The training dashboard: choose a model and data, set the run, Start / Pause / Stop, and watch
 * loss, accuracy, the first layer's filters, one chosen image's top-3 and feature maps, the
 * confusion matrix and the misclassified images change live; go back to any epoch on the timeline.
 * Training runs on its own thread ({@link TrainingSession}); a few times a second an
 * {@link AnimationTimer} takes the newest snapshot and the queued loss points, so the window keeps
 * redrawing however fast the batches go. It computes nothing itself.
 *
 * <p>Layout: see {@link DashboardLayout} (reads at 800 px; the setup folds away when a run starts).
 */
public final class TrainingDashboard extends BorderPane {
    /**
     * Refreshes while training: twice a second still looks live. Measured with LeNet-5 on
     * Fashion-MNIST, two cores, software rendering: at five a second the window's redrawing took
     * a third of the second epoch's training speed, at two a second about a sixth.
     */
    private static final long REFRESH_NANOS = 500_000_000L;

    private final ModelPicker modelPicker;
    private final DataPanel data;
    private final RunSettingsPanel settings = new RunSettingsPanel();
    private final Label notes = new Label();
    private final RunBar bar = new RunBar(this::start, this::togglePause, this::stopTraining, this::chooseSaveFile);
    private final RunCharts charts = new RunCharts();
    private final FilterView filters = new FilterView();
    private final Label filterTitle = new Label("First conv layer's filters");
    private final EditorModelOffer editorOffer = new EditorModelOffer(this::trainEditorModel);
    private final RunInspector inspector;
    private final PulseMonitor pulses = new PulseMonitor();
    private final ReadOnlyObjectWrapper<DrawableModel> trainedModel = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TrainingSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final List<TrainingSnapshot.LossPoint> pending = new ArrayList<>();
    /**
     * The slower parts of a refresh (the chosen image's maps, the confusion matrix: 10-30 ms each
     * with software rendering), run one per pulse after the rest, so no single frame carries them all.
     */
    private final java.util.ArrayDeque<Runnable> staged = new java.util.ArrayDeque<>();
    private final DashboardLayout layout;
    private final AnimationTimer pump;
    private String modelName;
    private NetworkSpec model;
    private TrainingSession session;
    private TrainingConfig lastConfig;
    private String lastSource;
    private ResizeMode lastResize;
    private boolean measuring;
    private long lastRefresh;

    /** A dashboard for the X/O preset; {@link #setModel} trains another net. */
    public TrainingDashboard() {
        this("preset:xo", ModelSource.load("preset:xo"));
    }

    /** @param name shown to the user and deciding the default frozen layers ({@code preset:NAME} or a file) */
    public TrainingDashboard(String name, NetworkSpec spec) {
        setId("trainingDashboard");
        getStylesheets().add(TrainingDashboard.class.getResource("dashboard.css").toExternalForm());
        // the app's one scale, also when the dashboard stands in a window of its own (DashboardPreview, tests)
        org.convlab.ui.Theme.styleRoot(this);
        modelPicker = new ModelPicker(this::setModel, this::showError);
        data = new DataPanel((source, resize, done, failed) -> DataPreparation.inBackground(source, model, resize,
                settings::validationSplit, settings::seed, done, failed));
        inspector = new RunInspector(filters, charts, this::reproduceRun);
        data.acceptDrops(this);
        data.setOnThumbnail(inspector::choose);
        data.setOnImageFile(inspector::chooseFile);
        notes.setId("adaptationNotes");
        notes.setWrapText(true);
        notes.setPadding(new Insets(4, 6, 4, 6));
        VBox setup = new VBox(2, modelPicker, data, settings, notes);
        setup.setPadding(new Insets(0, 4, 4, 4));
        filterTitle.getStyleClass().add("section-title");
        filterTitle.setWrapText(true);
        VBox filterBox = new VBox(4, filterTitle, filters);
        Runnable filterSize = () -> {
            filters.setPrefHeight(org.convlab.ui.Theme.px(11.3));
            filters.setMaxHeight(org.convlab.ui.Theme.px(14.7));
        };
        filterSize.run();
        org.convlab.ui.Theme.onChange(filters, filterSize);
        VBox.setVgrow(filters, Priority.ALWAYS);
        setTop(new VBox(bar, editorOffer));
        layout = new DashboardLayout(this, setup, charts, filterBox, inspector);
        data.preparedProperty().addListener((o, a, d) -> {
            showNotes(d);
            if (d != null) {
                inspector.dataLoaded(d);
            }
        });
        data.phaseProperty().addListener((o, a, p) -> showIdleStatus());
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
        inspector.setInkConvention(ink);
        inspector.setModelTitle(title(name));
        filters.setPlaceholder(FilterView.placeholder(spec));
        if (data.preparedProperty().get() != null) {
            data.load();
        }
        showNotes(null);
        editorOffer.trainingModel(name);
        showIdleStatus();
    }

    /** The model this tab trains, as the user knows it ({@code preset:xo} or a file). */
    public String modelName() {
        return modelName;
    }

    /**
     * The editor's model changed to {@code source} (edit number {@code revision}); {@code spec}
     * builds it and may throw {@link UserInputException} when the stack does not fit. Unless this
     * tab already trains that very model, a line above the model picker says which model it trains
     * and offers to switch ({@code #trainEditorModel}); it never switches during a run.
     */
    public void offerEditorModel(String source, long revision, java.util.function.Supplier<NetworkSpec> spec) {
        editorOffer.offer(source, revision, spec, isRunning());
    }

    /** Trains the editor's model from now on (its source and revision are remembered as the one taken). */
    public void takeEditorModel(String source, long revision, java.util.function.Supplier<NetworkSpec> spec) {
        editorOffer.offer(source, revision, spec, isRunning());
        editorOffer.take();
    }

    private boolean isRunning() {
        return session != null && session.current().isActive();
    }

    /** Switches to the offered editor model; false (with the reason shown) when it does not fit or a run is on. */
    private boolean trainEditorModel(String source, NetworkSpec spec) {
        if (isRunning()) {
            showError("Stop the running training before changing the model.");
            return false;
        }
        setModel(source, spec);
        return true;
    }

    /** Before and between runs, the progress line says what to do next. */
    private void showIdleStatus() {
        if (isRunning() || session != null && data.phaseProperty().get() == DataPanel.Phase.LOADED
                && data.preparedProperty().get() == session.prepared()) {
            return; // a run's own line stays until new data comes
        }
        bar.idle(StatusText.idle(data.phaseProperty().get(), data.preparedProperty().get(), title(modelName)));
    }

    /** "LeNet-5" for {@code preset:lenet5}, the file name for a model file. */
    static String title(String name) {
        if (name.startsWith(Presets.PREFIX)) {
            try {
                return Presets.get(name.substring(Presets.PREFIX.length())).title();
            } catch (RuntimeException e) {
                return name;
            }
        }
        return Path.of(name).getFileName().toString();
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

    /**
     * Called when the user opens an image in the step-through (a misclassified image, an image of
     * a confusion cell, or the chosen image's button) with a network of its own at the weights shown.
     */
    public void setOnOpenInStepper(Consumer<OpenRequest> handler) {
        inspector.setOnOpen(handler);
    }

    /** Trains again with the settings and seed of the last run (the same numbers come out). */
    public void reproduceRun() {
        if (lastConfig == null || session != null && session.current().isActive()) {
            return;
        }
        run(lastSource, lastResize, lastConfig);
    }

    /** Looks at an image or tensor file with the current model (top-3 and feature maps). */
    public void chooseImage(Path file) {
        inspector.chooseFile(file);
    }

    RunSettingsPanel settings() {
        return settings;
    }

    RunInspector inspector() {
        return inspector;
    }

    TrainingSession session() {
        return session;
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
        return bar.statusProperty();
    }

    /** Fraction of the run done (-1 while data loads), for a status bar's progress bar. */
    public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() {
        return bar.progressProperty();
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
        run(source, data.resizeMode(), config);
    }

    private void run(String source, ResizeMode resize, TrainingConfig config) {
        PreparedData loaded = data.preparedProperty().get();
        NetworkSpec spec = model;
        boolean reuse = loaded != null && loaded.madeWith(source, resize, config.validationSplit(), config.seed());
        Path folder = null;
        String folderProblem = null;
        try {
            folder = RunFolder.create(modelName);
        } catch (IOException e) {
            folderProblem = "cannot make a run folder under " + RunFolder.root() + " (" + e.getMessage() + ")";
        }
        ChosenImage probe = reuse ? inspector.chosen.chosen() : null;
        session = new TrainingSession(() -> {
            if (reuse) {
                return loaded;
            }
            PreparedData d = DataPreparation.prepare(source, spec, resize, config.validationSplit(), config.seed());
            Platform.runLater(() -> data.show(d));
            return d;
        }, config, folder, probe == null ? null : probe.input());
        lastConfig = config;
        lastSource = source;
        lastResize = resize;
        bar.message(folderProblem == null ? "" : folderProblem, org.convlab.ui.Theme.PROBLEM);
        editorOffer.runStarted();
        charts.clear();
        charts.setEpochs(config.epochs());
        pending.clear();
        inspector.newRun(session);
        trainedModel.set(null);
        pulses.reset();
        measuring = false;
        layout.collapseSetup();
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
            bar.status("stopping…");
        }
    }

    /**
     * At most once per pulse, and while training at most every {@link #REFRESH_NANOS}: take what
     * the training thread published since.
     */
    private void pulse(long now) {
        TrainingSession s = session;
        if (s == null) {
            return;
        }
        if (!staged.isEmpty()) {
            staged.poll().run();
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
            apply(snap);
            if (PulseMonitor.LOG && System.nanoTime() - wall > 20_000_000L) {
                System.err.printf(Locale.ROOT, "refresh (%s, epoch %d) took %.1f ms%n", snap.state(), snap.epoch(),
                        (System.nanoTime() - wall) / 1e6);
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
        bar.show(snap, pulses.maxGapMillis());
        charts.showHistory(snap.history());
        filters.show(snap.filters());
        if (snap.filters() != null) {
            filterTitle.setText(snap.filters().layer() + " filters (orange +, purple \u2212)");
        }
        staged.add(() -> inspector.showLiveModel(snap));
        staged.add(() -> {
            inspector.showLiveReport(snap);
            if (!active) {
                finished();
            }
        });
    }

    private void finished() {
        editorOffer.runEnded();
        NetworkSpec trained = session.trainedSpec();
        PreparedData d = session.prepared();
        bar.setSaveEnabled(trained != null);
        if (trained != null && d != null) {
            trainedModel.set(DrawableModel.trained(modelName + " trained on " + Path.of(d.source().replaceFirst("^idx:", ""))
                    .getFileName(), trained, d.background(), d.ink()));
        }
    }

    private void showError(String text) {
        bar.error(text);
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
        ModelSaver.save(file, trained, text -> bar.message(text, text.startsWith("Saved") ? org.convlab.ui.Theme.TEXT
                : org.convlab.ui.Theme.PROBLEM));
    }
}
