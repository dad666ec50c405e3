package org.convlab.ui.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.convlab.UserInputException;
import org.convlab.nn.Network;
import org.convlab.train.Checkpoint;
import org.convlab.train.InputPreparation;

/**
 * Looking into a run: the confusion matrix and its cells' images, the misclassified gallery, one
 * chosen image with its top-3 and feature maps, and the epoch timeline. Any image opens in the
 * step-through through {@link #setOnOpen}. While training, the training thread computes the chosen
 * image's activations ({@link TrainingSession#setProbe}); otherwise a worker thread of its own does,
 * with the weights shown (the end of the run, or the epoch picked on the timeline).
 */
final class RunInspector {
    /** Images listed for a confusion-matrix cell (the first ones, in dataset order). */
    static final int CELL_IMAGES = 60;

    final ConfusionView confusion = new ConfusionView();
    final ImageGallery misses = new ImageGallery("missGallery", "miss", "Misclassified: after the first epoch");
    final ImageGallery cell = new ImageGallery("cellGallery", "cellImage", "Click a cell of the matrix to see its images");
    final ChosenImagePanel chosen;
    final TimelinePanel timeline;
    private final FilterView filters;
    private final RunCharts charts;
    /** Reads files and computes one image's activations off the FX thread (a daemon: it never blocks exit). */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "convlab-inspect");
        t.setDaemon(true);
        return t;
    });
    private Consumer<OpenRequest> onOpen;
    private TrainingSession session;
    private PreparedData data;
    private String modelTitle = "model";
    private ModelState shownModel;
    /** The epoch whose checkpoint the timeline lists last (the run folder is read once per epoch). */
    private int timelineEpoch;
    private EpochReport shownReport;
    private ModelProbe idleProbe;
    private int[] cellShown;

    RunInspector(FilterView filters, RunCharts charts, Runnable reproduce) {
        this.filters = filters;
        this.charts = charts;
        chosen = new ChosenImagePanel(this::chooseFileDialog, this::open);
        timeline = new TimelinePanel(this::showEpoch, reproduce);
        confusion.setOnCellClicked(this::showCell);
    }

    void setOnOpen(Consumer<OpenRequest> handler) {
        onOpen = handler;
    }

    void setModelTitle(String title) {
        modelTitle = title;
    }

    void setInkConvention(boolean ink) {
        misses.setInkConvention(ink);
        cell.setInkConvention(ink);
        chosen.setInkConvention(ink);
    }

    /** New data: the first validation image (else training image) becomes the chosen one. */
    void dataLoaded(PreparedData d) {
        data = d;
        idleProbe = null;
        boolean val = d.validation() != null && d.validation().size() > 0;
        var set = val ? d.validation() : d.train();
        float[] x = new float[set.shape().size()];
        set.copySample(0, x, 0);
        choose(new ChosenImage(x, set.shape(), (val ? "validation" : "training") + " image 0", set.label(0)));
    }

    void newRun(TrainingSession s) {
        session = s;
        timelineEpoch = 0;
        shownModel = null;
        shownReport = null;
        cellShown = null;
        confusion.show(null);
        misses.show(null, "Misclassified: after the first epoch", List.of());
        cell.show(null, "Click a cell of the matrix to see its images", List.of());
        timeline.setEpochs(List.of(), s.runFolder(), s.checkpointNote(), true);
    }

    /** Live: the newest snapshot of the running (or just ended) session. */
    /** The chosen image's top-3 and maps under the snapshot's weights, when it brings new ones. */
    void showLiveModel(TrainingSnapshot snap) {
        if (snap.model() != null) {
            shownModel = snap.model();
            chosen.showModel(shownModel, classes());
        }
    }

    /** The confusion matrix and misclassified images of the snapshot's report, and the timeline at an epoch's end. */
    void showLiveReport(TrainingSnapshot snap) {
        showReport(snap.report());
        if (!snap.isActive() && session != null) {
            timeline.setEpochs(RunFolder.epochs(session.runFolder()), session.runFolder(), session.checkpointNote(), false);
            ChosenImage c = chosen.chosen();
            if (c != null && shownModel != null && !java.util.Arrays.equals(c.input(), shownModel.input())) {
                computeIdle(c, shownModel);
            }
        } else if (snap.report() != null && snap.report().epoch() > 0 && session != null
                && snap.report().epoch() != timelineEpoch) {
            // a new epoch's checkpoint: list the run folder once, not at every refresh
            timelineEpoch = snap.report().epoch();
            timeline.setEpochs(RunFolder.epochs(session.runFolder()), session.runFolder(), session.checkpointNote(), true);
        }
    }

    /**
     * Shows the confusion matrix of a report, and its misclassified images once the run is not
     * running (paused, finished, stopped; or a timeline epoch). Two dozen new tiles at every
     * epoch's end, each an image and a label needing CSS and layout, made the window stutter for
     * a few frames while training; until then the gallery's title says how many there are.
     */
    private void showReport(EpochReport report) {
        showReport(report, session == null || session.current().state() != TrainingSnapshot.State.RUNNING
                && session.current().state() != TrainingSnapshot.State.PREPARING);
    }

    private void showReport(EpochReport report, boolean withImages) {
        confusion.show(report);
        if (report == null || report == shownReport) {
            return;
        }
        if (!withImages) {
            long wrong = report.evaluation().total() - report.evaluation().correct();
            misses.setTitle("Misclassified after epoch " + report.epoch() + ": " + wrong
                    + " (the images show when the run is paused or ends)");
            return;
        }
        shownReport = report;
        showMisses(report);
    }

    private void showMisses(EpochReport report) {
        List<String> classes = report.evaluation().classes();
        long wrong = report.evaluation().total() - report.evaluation().correct();
        String title = wrong == 0 ? "Misclassified: none, every image right"
                : "Misclassified: " + wrong + (wrong > report.misclassified().size()
                        ? " (the first " + report.misclassified().size() + " shown; click one to step through it)"
                        : " (click one to step through it)");
        List<ImageGallery.Tile> tiles = new ArrayList<>();
        for (EpochReport.Miss m : report.misclassified()) {
            ChosenImage image = new ChosenImage(m.pixels(), m.shape(), setName(report) + " image " + m.index(), m.trueClass());
            tiles.add(new ImageGallery.Tile(m.pixels(), m.shape(), caption(classes, m.trueClass(), m.top3()),
                    () -> pickAndOpen(image, m.top3())));
        }
        misses.show(report, title, tiles);
        if (cellShown != null) {
            showCell(cellShown[0], cellShown[1]);
        }
    }

    /** The images of confusion cell (true {@code i}, predicted {@code j}) of the report shown. */
    void showCell(int i, int j) {
        EpochReport r = confusion.shown();
        if (r == null) {
            return;
        }
        cellShown = new int[] {i, j};
        EpochReport.Predictions p = r.predictions();
        List<String> classes = r.evaluation().classes();
        List<Integer> samples = p.inCell(i, j);
        List<ImageGallery.Tile> tiles = new ArrayList<>();
        for (int s : samples.subList(0, Math.min(CELL_IMAGES, samples.size()))) {
            float[] x = p.pixels(s);
            List<EpochReport.Guess> top = p.guesses(s);
            ChosenImage image = new ChosenImage(x, p.data().shape(), setName(r) + " image " + s, i);
            tiles.add(new ImageGallery.Tile(x, p.data().shape(), caption(classes, i, top), () -> pickAndOpen(image, top)));
        }
        String title = String.format(Locale.ROOT, "%s taken for %s: %d image%s%s", classes.get(i), classes.get(j),
                samples.size(), samples.size() == 1 ? "" : "s",
                samples.size() > CELL_IMAGES ? " (the first " + CELL_IMAGES + " shown)" : "");
        cell.show(List.of(r, i, j), title, tiles);
    }

    private static String setName(EpochReport r) {
        return r.onTrainingSet() ? "training" : "validation";
    }

    private static String caption(List<String> classes, int trueClass, List<EpochReport.Guess> top) {
        StringBuilder text = new StringBuilder("is " + classes.get(trueClass));
        for (EpochReport.Guess g : top) {
            text.append(String.format(Locale.ROOT, "%n%s %.0f%%", classes.get(g.classIndex()), 100 * g.probability()));
        }
        return text.toString();
    }

    private void pickAndOpen(ChosenImage image, List<EpochReport.Guess> top) {
        choose(image);
        List<String> classes = classes();
        EpochReport.Guess best = top.get(0);
        open(image, String.format(Locale.ROOT, "%s — %s, true: %s, predicted: %s %.0f%%", modelTitle,
                image.description(), classes.get(image.trueClass()), classes.get(best.classIndex()),
                100 * best.probability()));
    }

    /** Makes {@code image} the chosen one: its top-3 and maps follow the weights shown. */
    void choose(ChosenImage image) {
        chosen.choose(image);
        TrainingSession s = session;
        if (s != null && s.current().isActive() && s.current().state() != TrainingSnapshot.State.PREPARING) {
            s.setProbe(image.input());
        } else if (shownModel != null) {
            computeIdle(image, shownModel);
        }
    }

    private void chooseFileDialog() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("An image to look at with the current model");
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Images and tensors",
                "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.gif", "*.json", "*.npy"));
        java.io.File f = chooser.showOpenDialog(chosen.getScene() == null ? null : chosen.getScene().getWindow());
        if (f != null) {
            chooseFile(f.toPath());
        }
    }

    /** Reads an image (or tensor) file as the model's input and chooses it. */
    void chooseFile(Path file) {
        PreparedData d = data;
        if (d == null) {
            chosen.showError("Load data first: the file is read at the model's input size.");
            return;
        }
        worker.execute(() -> {
            try {
                // prepared as the training images were: the same scale, standardisation and resizing
                float[] x = InputPreparation.readFile(file, d.spec().input(), d.normalization(), d.resize(),
                        d.loaded().normalization(), note -> {});
                Platform.runLater(() -> choose(new ChosenImage(x, d.spec().input(), file.getFileName().toString(), -1)));
            } catch (UserInputException e) {
                Platform.runLater(() -> chosen.showError(e.getMessage()));
            }
        });
    }

    private void open(ChosenImage image) {
        String title = modelTitle + " — " + image.description()
                + (image.trueClass() >= 0 ? ", true: " + classes().get(image.trueClass()) : "");
        open(image, title);
    }

    private void open(ChosenImage image, String title) {
        ModelState m = shownModel;
        if (onOpen == null || m == null || session == null) {
            return;
        }
        long seed = session.config().seed();
        Network net = m.network(seed);
        onOpen.accept(new OpenRequest(net, image.input().clone(), data != null && data.normalization().equals("ink"), title));
    }

    /** The chosen image's activations under {@code weights}, on the worker thread; shown when done. */
    private void computeIdle(ChosenImage image, ModelState weights) {
        worker.execute(() -> {
            if (idleProbe == null || !weights.spec().equals(idleSpec)) {
                idleProbe = new ModelProbe(weights.spec(), 1);
                idleSpec = weights.spec();
            }
            ModelState s = idleProbe.of(weights.weights(), image.input(), weights.epoch(), weights.batch());
            Platform.runLater(() -> {
                if (shownModel == weights) {
                    shownModel = s;
                    chosen.showModel(s, classes());
                }
            });
        });
    }

    private org.convlab.model.NetworkSpec idleSpec;

    /** The timeline: filters, confusion matrix, charts and the chosen image at the end of {@code epoch}. */
    private void showEpoch(int epoch) {
        TrainingSession s = session;
        if (s == null || s.runFolder() == null) {
            return;
        }
        List<EpochReport> reports = s.reports();
        boolean latest = epoch == reports.size();
        Path folder = s.runFolder();
        long seed = s.config().seed();
        worker.execute(() -> {
            Checkpoint cp;
            try {
                cp = RunFolder.read(folder, epoch);
            } catch (UserInputException e) {
                // the temporary folder was cleaned up meanwhile, or the file cannot be read
                Platform.runLater(() -> timeline.problem(e.getMessage()));
                return;
            }
            Network net = Network.build(cp.model(), seed);
            ModelState state = new ModelState(cp.model(), ModelState.copyWeights(net), epoch, 0, null, null);
            var f = state.filters(net);
            Platform.runLater(() -> {
                shownModel = state;
                filters.show(f);
                charts.showUpTo(epoch);
                if (epoch - 1 < reports.size()) {
                    showReport(reports.get(epoch - 1), true);
                }
                timeline.showing(epoch, latest);
                ChosenImage c = chosen.chosen();
                if (c != null) {
                    computeIdle(c, state);
                }
            });
        });
    }

    private List<String> classes() {
        return data != null ? data.spec().classes() : shownModel != null ? shownModel.spec().classes() : List.of();
    }
}
